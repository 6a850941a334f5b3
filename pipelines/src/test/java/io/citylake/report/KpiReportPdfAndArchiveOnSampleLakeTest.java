package io.citylake.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.lake.LocalTrees;
import io.citylake.pipeline.SampleLakeNight;
import io.citylake.testing.SharedResources;
import io.citylake.testing.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The PDF reports and the archive page the sample lake's first night wrote (Chromium's
 * print-to-PDF), read back with PDFBox: A4 pages, each municipality from a new page, Japanese
 * text extractable from embedded fonts, no raster images, and every KPI's latest value equal to
 * gold's; the archive lists the night's day with links that resolve, and, with an earlier day's
 * report beside it, lists both newest first. Reads the shared lake; writes only to a temporary
 * folder.
 */
@Order(10)
@ResourceLock(value = SharedResources.METASTORE, mode = ResourceAccessMode.READ)
class KpiReportPdfAndArchiveOnSampleLakeTest extends SparkTestBase {
  private static final Map<String, Map<Lang, String>> NAMES = Map.of(
      "sapporo", Map.of(Lang.JA, "札幌市", Lang.EN, "Sapporo"),
      "tsukuba", Map.of(Lang.JA, "つくば市", Lang.EN, "Tsukuba"),
      "susami", Map.of(Lang.JA, "すさみ町", Lang.EN, "Susami"));
  private static SampleLakeNight.Lake sample;
  private static Path reports;
  private static LocalDate day;

  @BeforeAll
  static void readTheNight() {
    sample = SampleLakeNight.shared(spark());
    day = sample.night().runDate();
    reports = sample.root().resolve("reports");
  }

  /** The text of each page of a PDF. */
  private static List<String> pages(PDDocument pdf) throws Exception {
    List<String> pages = new ArrayList<>();
    PDFTextStripper stripper = new PDFTextStripper();
    for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
      stripper.setStartPage(p);
      stripper.setEndPage(p);
      pages.add(stripper.getText(pdf));
    }
    return pages;
  }

  @Test
  void pdfsAreA4WithAPageBreakPerMunicipalityEmbeddedJapaneseFontsAndVectorFigures()
      throws Exception {
    for (Lang lang : Lang.values()) {
      Path file = reports.resolve(day.toString()).resolve(KpiReport.fileName(lang,
          KpiReport.Format.PDF));
      assertThat(file).isRegularFile();
      try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
        List<String> pages = pages(pdf);
        List<String> fonts = new ArrayList<>();
        // a title page, at least one page per municipality, the freshness and definitions
        assertThat(pages.size()).as(lang + " pages").isGreaterThanOrEqualTo(5);
        for (PDPage page : pdf.getPages()) {
          // A4: 595 × 842 pt
          assertThat(page.getMediaBox().getWidth()).isCloseTo(595.3f,
              org.assertj.core.api.Assertions.within(1f));
          assertThat(page.getMediaBox().getHeight()).isCloseTo(841.9f,
              org.assertj.core.api.Assertions.within(1f));
          PDResources resources = page.getResources();
          for (COSName name : resources.getXObjectNames()) {
            assertThat(resources.getXObject(name)).as(lang + " raster image")
                .isNotInstanceOf(PDImageXObject.class);
          }
          for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            assertThat(font.isEmbedded()).as(lang + " font " + font.getName()).isTrue();
            fonts.add(String.valueOf(font.getName()));
          }
        }
        // each municipality's section starts a page of its own, in the contract's order
        List<Integer> starts = new ArrayList<>();
        for (String m : List.of("sapporo", "tsukuba", "susami")) {
          String name = NAMES.get(m).get(lang);
          int start = -1;
          for (int p = 0; p < pages.size(); p++) {
            if (pages.get(p).strip().startsWith(name)) {
              start = p;
              break;
            }
          }
          assertThat(start).as(lang + " page starting with " + name).isPositive();
          starts.add(start);
        }
        assertThat(starts).isSorted().doesNotHaveDuplicates();
        if (lang == Lang.JA) {
          assertThat(pages.get(0)).contains("スマートシティKPI評価レポート");
          assertThat(String.join("", pages)).contains("札幌市", "秘匿");
          assertThat(fonts).as("embedded fonts").anyMatch(f -> f.contains("IPA"));
        }
        figuresEqualGold(lang, pages, starts);
      }
    }
  }

  /** Every catalogue row's latest value, formatted, is in its municipality's pages. */
  private void figuresEqualGold(Lang lang, List<String> pages, List<Integer> starts) {
    List<String> order = List.of("sapporo", "tsukuba", "susami");
    int checked = 0;
    for (Row r : rows("SELECT municipality, kpi_id, latest_value, unit FROM gold.kpi_catalogue"
        + " WHERE latest_value IS NOT NULL")) {
      int i = order.indexOf(r.getString(0));
      int end = i + 1 < starts.size() ? starts.get(i + 1) : pages.size();
      String text = String.join("\n", pages.subList(starts.get(i), end)).replace("\n", " ");
      String expected = ReportHtml.expected(r.getDouble(2), r.getString(3), lang);
      assertThat(text).as(lang + " " + r.getString(0) + " " + r.getString(1)).contains(expected);
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(30);
  }

  @Test
  void theNightWritesTheArchiveAndWithAnEarlierDayListsBothNewestFirst(@TempDir Path tmp)
      throws Exception {
    String index = Files.readString(reports.resolve(ReportArchive.INDEX));
    List<String> links = all(index, "<a href=\"([^\"]+)\"");
    assertThat(links).containsExactlyInAnyOrder(
        day + "/citylake-report-ja.html", day + "/citylake-report-en.html",
        day + "/citylake-report-ja.pdf", day + "/citylake-report-en.pdf");
    for (String link : links) {
      assertThat(reports.resolve(link)).isRegularFile();
    }

    // a second report day: the day before, written beside a copy of the night's reports
    Path copy = tmp.resolve("reports");
    LocalTrees.copyTree(reports, copy);
    LocalDate before = day.minusDays(1);
    ReportData data = new GoldReportReader(spark(), sample.config().paths()).read(before);
    KpiReport.write(spark(), data, List.of(Lang.values()),
        copy.resolve(before.toString()).toUri().toString());
    ReportArchive.write(spark().sparkContext().hadoopConfiguration(), copy.toUri().toString());
    String two = Files.readString(copy.resolve(ReportArchive.INDEX));
    assertThat(all(two, "<tr class=\"report-day\" data-day=\"([^\"]+)\""))
        .containsExactly(day.toString(), before.toString());
    for (String link : all(two, "<a href=\"([^\"]+)\"")) {
      assertThat(copy.resolve(link)).as(link).isRegularFile();
    }
    // the catalogue is the same for both reports, so every KPI of the later day is unchanged
    long catalogue = rows("SELECT count(*) FROM gold.kpi_catalogue").get(0).getLong(0);
    String latest = two.substring(two.indexOf("data-day=\"" + day + "\""),
        two.indexOf("data-day=\"" + before + "\""));
    assertThat(all(latest, "data-change=\"([a-z]+)\"")).hasSize((int) catalogue)
        .containsOnly("unchanged");
  }

  @Test
  void aPageWhosePdfWasPrintedFromItIsNotPrintedAgainAndAChangedOneIs(@TempDir Path tmp)
      throws Exception {
    ReportData data = new GoldReportReader(spark(), sample.config().paths()).read(day);
    String folder = tmp.toUri().toString();
    KpiReport.write(spark(), data, List.of(Lang.values()), folder);
    // stand-ins written after the pages: a report run again must keep them, not print again
    Map<Lang, Path> pdfs = new java.util.EnumMap<>(Lang.class);
    for (Lang lang : Lang.values()) {
      Path pdf = tmp.resolve(KpiReport.fileName(lang, KpiReport.Format.PDF));
      Files.writeString(pdf, "printed earlier from this page");
      Files.setLastModifiedTime(pdf, java.nio.file.attribute.FileTime.fromMillis(
          Files.getLastModifiedTime(tmp.resolve(KpiReport.fileName(lang))).toMillis() + 1000));
      pdfs.put(lang, pdf);
    }
    // the English PDF predates its page (as after an HTML-only run): it must be printed again
    Files.setLastModifiedTime(pdfs.get(Lang.EN), java.nio.file.attribute.FileTime.fromMillis(
        Files.getLastModifiedTime(tmp.resolve(KpiReport.fileName(Lang.EN))).toMillis() - 1000));

    ChromiumPdf chromium = ChromiumPdf.find().orElseThrow(
        () -> new AssertionError("the suite needs Chromium (Debian package chromium)"));
    KpiReport.write(spark(), data, List.of(Lang.values()), List.of(KpiReport.Format.values()),
        chromium, folder);

    assertThat(Files.readString(pdfs.get(Lang.JA))).isEqualTo("printed earlier from this page");
    try (PDDocument printed = Loader.loadPDF(pdfs.get(Lang.EN).toFile())) {
      assertThat(String.join("\n", pages(printed))).contains("Sapporo", "Susami");
    }
  }

  private static List<String> all(String html, String regex) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(html);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }
}
