package io.citylake.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.citylake.job.Job;
import io.citylake.pipeline.NightlyPipeline;
import io.citylake.pipeline.RunSummary;
import io.citylake.pipeline.SampleLakeNight;
import io.citylake.testing.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample lake's report opened in headless Chromium: the page loads from disk with no
 * console error, its charts and maps are drawn with non-empty paths, and screenshots land in
 * {@code target/report-screenshots/} for a look. Reads the pages of the shared first-night lake.
 */
@Order(1)
class KpiReportInBrowserTest extends SparkTestBase {
  static final Path SCREENSHOTS = Path.of("target", "report-screenshots");

  @Test
  void reportRendersInChromiumWithChartsMapsAndNoConsoleErrors(@TempDir Path profile)
      throws Exception {
    SampleLakeNight.Lake sample = SampleLakeNight.shared(spark());
    RunSummary night = sample.night();
    Path folder = sample.root().resolve("reports").resolve(night.runDate().toString());
    boolean spatial = spatialInPipeline();
    try (HeadlessChromium browser = HeadlessChromium.start(profile)) {
      for (Lang lang : Lang.values()) {
        Path page = folder.resolve(KpiReport.fileName(lang));
        assertThat(page).exists();
        browser.open(page.toUri().toString());
        assertThat(browser.evaluate("document.documentElement.lang").asText())
            .isEqualTo(lang.code());
        assertThat(count(browser, "svg.trend"))
            .isEqualTo(io.citylake.kpi.KpiDefinition.values().length * 3);
        assertThat(count(browser, "svg.trend path.series")).isPositive();
        assertThat(browser.evaluate("[...document.querySelectorAll('svg path')]"
            + ".filter(p => !p.getAttribute('d') || !p.getAttribute('d').trim()).length")
            .asInt()).isZero();
        assertThat(browser.evaluate("[...document.querySelectorAll('svg.trend path.series')]"
            + ".every(p => p.getTotalLength() >= 0 && p.getBBox().x > 0)").asBoolean())
            .isTrue();
        if (spatial) {
          assertThat(count(browser, "svg.map")).isEqualTo(9);
          assertThat(count(browser, "svg.map path.area")).isPositive();
          JsonNode drawn = browser.evaluate("[...document.querySelectorAll('svg.map path.area')]"
              + ".filter(p => p.getBBox().width > 0 && p.getBBox().height > 0).length");
          assertThat(drawn.asInt()).isEqualTo(count(browser, "svg.map path.area"));
        } else {
          assertThat(count(browser, "p.unavailable")).isEqualTo(9);
        }
        Files.createDirectories(SCREENSHOTS);
        browser.screenshot(SCREENSHOTS.resolve("report-" + lang.code() + ".png"), 0);
        browser.screenshot(SCREENSHOTS.resolve("report-" + lang.code() + "-top.png"), 2200);
        assertThat(browser.errors()).as("console errors of " + page).isEmpty();
      }
    }
    assertThat(SCREENSHOTS.resolve("report-en.png")).isNotEmptyFile();
  }

  /** Whether a pipeline job writes gold.spatial_areas, so the report must draw real maps. */
  static boolean spatialInPipeline() {
    return NightlyPipeline.graph().jobs().stream().map(Job::outputs)
        .anyMatch(outputs -> outputs.stream()
            .anyMatch(t -> t.whole().toString().equals("gold." + GoldMapReader.AREAS)));
  }

  private static int count(HeadlessChromium browser, String selector) throws Exception {
    return browser.evaluate("document.querySelectorAll('" + selector + "').length").asInt();
  }
}
