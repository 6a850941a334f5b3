package io.citylake.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.citylake.job.Job;
import io.citylake.pipeline.NightlyPipeline;
import io.citylake.pipeline.RunSummary;
import io.citylake.pipeline.SampleLakeNight;
import io.citylake.testing.SharedResources;
import io.citylake.testing.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The sample lake's report opened in headless Chromium: the page loads from disk with no
 * console error, its charts and maps are drawn with non-empty paths, and screenshots land in
 * {@code target/report-screenshots/} for a look. Reads the pages of the shared first-night lake.
 */
@Order(1)
@ResourceLock(value = SharedResources.METASTORE, mode = ResourceAccessMode.READ)
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

  /**
   * Every map legend label lies inside its item, every item inside its legend and every legend
   * inside its figure, measured in Chromium (the text's own glyph box, via a DOM Range) at a
   * desktop window and at the printable width of A4 portrait (190 mm ≈ 718 CSS px), in both
   * languages.
   */
  @Test
  void noMapLegendLabelOverflowsItsBoxAtScreenOrA4Width(@TempDir Path profile) throws Exception {
    if (!spatialInPipeline()) {
      return;
    }
    SampleLakeNight.Lake sample = SampleLakeNight.shared(spark());
    Path folder = sample.root().resolve("reports").resolve(sample.night().runDate().toString());
    String overflowing = """
        (() => { const out = []; let labels = 0;
          const inside = (a, b) => a.left >= b.left - 0.5 && a.right <= b.right + 0.5
            && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
          for (const ul of document.querySelectorAll('figure ul.legend')) {
            const list = ul.getBoundingClientRect();
            if (!inside(list, ul.closest('figure').getBoundingClientRect())) {
              out.push('legend outside its figure: ' + ul.textContent);
            }
            for (const li of ul.querySelectorAll('li')) {
              const item = li.getBoundingClientRect();
              const range = document.createRange();
              range.selectNodeContents(li.querySelector('.label'));
              const text = range.getBoundingClientRect();
              labels++;
              if (text.width <= 0 || !inside(text, item) || !inside(item, list)) {
                out.push(li.textContent + ' text ' + Math.round(text.left) + '..'
                  + Math.round(text.right) + ' item ' + Math.round(item.left) + '..'
                  + Math.round(item.right) + ' legend ' + Math.round(list.left) + '..'
                  + Math.round(list.right));
              }
            }
          }
          return {labels, out}; })()""";
    try (HeadlessChromium browser = HeadlessChromium.start(profile)) {
      for (int width : new int[] {1320, 718}) {
        browser.viewport(width);
        for (Lang lang : Lang.values()) {
          browser.open(folder.resolve(KpiReport.fileName(lang)).toUri().toString());
          JsonNode result = browser.evaluate(overflowing);
          // 9 maps, each with its colour classes (when it has values), suppressed and no data
          assertThat(result.path("labels").asInt()).as(lang + " at " + width)
              .isGreaterThanOrEqualTo(9 * 2 + 5);
          assertThat(result.path("out")).as(lang + " at " + width + " px").isEmpty();
          assertThat(browser.evaluate("[...document.querySelectorAll('ul.legend .label')]"
              + ".filter(l => l.textContent.startsWith('≥')).length").asInt()).isPositive();
        }
      }
      browser.screenshot(SCREENSHOTS.resolve("report-narrow-en.png"), 0);
    }
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
