package io.citylake.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report archive on a hand-made reports folder of three days with statuses that improve,
 * worsen, stay and lose their rank: newest first, every link resolves, each change is named.
 */
class ReportArchiveTest {
  private static void day(Path reports, String day, String statuses, String... files)
      throws Exception {
    Path folder = Files.createDirectories(reports.resolve(day));
    for (String f : files) {
      Files.writeString(folder.resolve(f), "x");
    }
    if (statuses != null) {
      Files.writeString(folder.resolve(ReportArchive.STATUS_FILE),
          "kpi_id\tmunicipality\tstatus\n" + statuses, StandardCharsets.UTF_8);
    }
  }

  @Test
  void listsEveryDayNewestFirstWithLinksThatResolveAndEachKpisStatusChange(@TempDir Path root)
      throws Exception {
    Path reports = root.resolve("reports");
    day(reports, "2026-11-12", null, "citylake-report-ja.html");
    day(reports, "2026-11-13", """
        ridership\tsapporo\toff_track
        walking_minutes_avg\tsapporo\ton_track
        visitors\ttsukuba\tachieved
        car_daily_share\tsusami\tno_target
        """, "citylake-report-ja.html", "citylake-report-en.html");
    day(reports, "2026-11-14", """
        ridership\tsapporo\ton_track
        walking_minutes_avg\tsapporo\tmissed
        visitors\ttsukuba\tachieved
        car_daily_share\tsusami\toff_track
        people_flow\tsusami\tinsufficient_data
        """, "citylake-report-ja.html", "citylake-report-en.html", "citylake-report-ja.pdf",
        "citylake-report-en.pdf");
    Files.createDirectories(reports.resolve("not-a-day"));
    Files.createDirectories(reports.resolve("2026-11-10")); // no report in it

    String index = ReportArchive.write(new Configuration(), reports.toUri().toString());
    String html = Files.readString(reports.resolve("index.html"));
    assertThat(index).endsWith("index.html");

    assertThat(all(html, "<tr class=\"report-day\" data-day=\"([^\"]+)\"")).containsExactly(
        "2026-11-14", "2026-11-13", "2026-11-12");
    List<String> links = all(html, "<a href=\"([^\"]+)\"");
    assertThat(links).hasSize(4 + 2 + 1).contains("2026-11-14/citylake-report-en.pdf",
        "2026-11-13/citylake-report-ja.html");
    for (String link : links) {
      assertThat(reports.resolve(link)).as(link).isRegularFile();
    }
    String latest = html.substring(html.indexOf("data-day=\"2026-11-14\""),
        html.indexOf("data-day=\"2026-11-13\""));
    assertThat(all(latest, "data-kpi=\"([^\"]+)\" data-municipality=\"[^\"]+\""
        + " data-change=\"([a-z]+)\"", 0)).containsExactlyInAnyOrder(
        "data-kpi=\"ridership\" data-municipality=\"sapporo\" data-change=\"improved\"",
        "data-kpi=\"walking_minutes_avg\" data-municipality=\"sapporo\" data-change=\"worsened\"",
        "data-kpi=\"visitors\" data-municipality=\"tsukuba\" data-change=\"unchanged\"",
        "data-kpi=\"car_daily_share\" data-municipality=\"susami\" data-change=\"changed\"",
        "data-kpi=\"people_flow\" data-municipality=\"susami\" data-change=\"new\"");
    assertThat(latest).contains("改善 / improved: 1").contains("悪化 / worsened: 1")
        .contains("変化なし / unchanged: 1");
    // the 13th has no earlier statuses to compare with (the 12th predates the status file)
    String middle = html.substring(html.indexOf("data-day=\"2026-11-13\""),
        html.indexOf("data-day=\"2026-11-12\""));
    assertThat(all(middle, "data-change=\"([a-z]+)\"")).containsOnly("new");
    assertThat(html).doesNotContain("not-a-day").doesNotContain("2026-11-10");
  }

  @Test
  void rankedStatusesCompareBestFirst() {
    assertThat(ReportArchive.change("missed", "achieved")).isEqualTo(ReportArchive.Change.IMPROVED);
    assertThat(ReportArchive.change("on_track", "off_track"))
        .isEqualTo(ReportArchive.Change.WORSENED);
    assertThat(ReportArchive.change("no_target", "no_target"))
        .isEqualTo(ReportArchive.Change.UNCHANGED);
    assertThat(ReportArchive.change(null, "missed")).isEqualTo(ReportArchive.Change.NEW);
  }

  private static List<String> all(String html, String regex) {
    return all(html, regex, 1);
  }

  private static List<String> all(String html, String regex, int group) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(regex).matcher(html);
    while (m.find()) {
      found.add(m.group(group));
    }
    return found;
  }
}
