package io.citylake.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The archive of the KPI reports, {@code <lake>/reports/index.html}: every report day, newest
 * first, with relative links to each language and format present in its folder, and each KPI's
 * status change since the previous report day (improved, worsened, unchanged). The statuses of a
 * day come from its {@code kpi-status.tsv}, written beside its pages ({@link #statusFile}), so
 * the archive is rebuilt from the folder alone: gold keeps only the current catalogue. Bilingual
 * (Japanese / English), self-contained like the reports, and rewritten whole after every report.
 */
public final class ReportArchive {
  public static final String INDEX = "index.html";
  public static final String STATUS_FILE = "kpi-status.tsv";
  /** Ranked statuses, best first; the others (no target, too little data) have no rank. */
  private static final List<String> RANKED = List.of("achieved", "on_track", "off_track",
      "missed");
  private static final List<String> FILES = List.of(
      "citylake-report-ja.html", "citylake-report-en.html",
      "citylake-report-ja.pdf", "citylake-report-en.pdf");

  private ReportArchive() {}

  /** A status change of one KPI of one municipality between two report days. */
  public enum Change {
    IMPROVED("改善", "improved"), WORSENED("悪化", "worsened"), UNCHANGED("変化なし", "unchanged"),
    /** one of the two statuses has no rank (no target, insufficient data, not comparable). */
    CHANGED("変化（順位なし）", "changed (not ranked)"),
    /** no status on the previous report day. */
    NEW("新規", "new");

    private final String ja;
    private final String en;

    Change(String ja, String en) {
      this.ja = ja;
      this.en = en;
    }

    String label() {
      return ja + " / " + en;
    }

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The change from {@code before} (null: no previous status) to {@code after}. */
  public static Change change(String before, String after) {
    if (before == null) {
      return Change.NEW;
    }
    if (before.equals(after)) {
      return Change.UNCHANGED;
    }
    int from = RANKED.indexOf(before);
    int to = RANKED.indexOf(after);
    if (from < 0 || to < 0) {
      return Change.CHANGED;
    }
    return to < from ? Change.IMPROVED : Change.WORSENED;
  }

  /** The statuses of a report, one {@code kpi_id TAB municipality TAB status} line each. */
  public static String statusFile(ReportData data) {
    StringBuilder tsv = new StringBuilder("kpi_id\tmunicipality\tstatus\n");
    for (ReportData.MunicipalityReport m : data.municipalities()) {
      for (KpiEntry k : m.kpis()) {
        tsv.append(k.kpiId()).append('\t').append(m.municipality()).append('\t')
            .append(k.status()).append('\n');
      }
    }
    return tsv.toString();
  }

  /** One report day of the folder: the files present and the statuses (kpi|municipality). */
  record Day(LocalDate day, List<String> files, Map<String, String> statuses) {}

  /** Rebuilds {@code <reports>/index.html} from the day folders; returns its path. */
  public static String write(Configuration hadoop, String reports) {
    Path root = new Path(reports);
    try {
      FileSystem fs = root.getFileSystem(hadoop);
      List<Day> days = new ArrayList<>();
      if (fs.exists(root)) {
        for (FileStatus folder : fs.listStatus(root)) {
          LocalDate day = day(folder);
          if (day == null) {
            continue;
          }
          List<String> files = new ArrayList<>();
          for (String name : FILES) {
            if (fs.exists(new Path(folder.getPath(), name))) {
              files.add(name);
            }
          }
          Path status = new Path(folder.getPath(), STATUS_FILE);
          if (!files.isEmpty()) {
            days.add(new Day(day, files, fs.exists(status) ? statuses(read(fs, status))
                : Map.of()));
          }
        }
      }
      days.sort(Comparator.comparing(Day::day).reversed());
      Path index = new Path(root, INDEX);
      fs.setWriteChecksum(false);
      try (OutputStream out = fs.create(index, true)) {
        out.write(render(days).getBytes(StandardCharsets.UTF_8));
      }
      return index.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the report archive under " + reports, e);
    }
  }

  private static LocalDate day(FileStatus folder) {
    if (!folder.isDirectory()) {
      return null;
    }
    try {
      return LocalDate.parse(folder.getPath().getName());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String read(FileSystem fs, Path file) throws IOException {
    try (InputStream in = fs.open(file); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      in.transferTo(bytes);
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  static Map<String, String> statuses(String tsv) {
    Map<String, String> statuses = new TreeMap<>();
    for (String line : tsv.split("\n")) {
      String[] f = line.split("\t");
      if (f.length == 3 && !f[0].equals("kpi_id")) {
        statuses.put(f[0] + "|" + f[1], f[2]);
      }
    }
    return statuses;
  }

  /** The page; {@code days} newest first. */
  static String render(List<Day> days) {
    Messages ja = new Messages(Lang.JA);
    Messages en = new Messages(Lang.EN);
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"ja\"><head>")
        .append("<meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,")
        .append(" initial-scale=1\"><title>").append(Html.escape(ja.get("title")))
        .append(" — ").append(Html.escape(en.get("archive"))).append("</title><style>")
        .append("body{font-family:\"Hiragino Sans\",\"Noto Sans CJK JP\",\"Yu Gothic\",Meiryo,")
        .append("sans-serif;margin:0 auto;max-width:1100px;padding:16px 24px;color:#222}")
        .append("table{border-collapse:collapse;margin:.5em 0;font-size:.92em}th,td{border:1px")
        .append(" solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}thead th{")
        .append("background:#f0f4fa}.improved{color:#1a7f37}.worsened{color:#cf222e;")
        .append("font-weight:bold}.unchanged,.new{color:#6e7781}a{margin-right:.8em}")
        .append("</style></head><body><h1>").append(Html.escape(ja.get("title"))).append("<br>")
        .append(Html.escape(en.get("title"))).append("</h1><p>")
        .append(Html.escape(ja.get("archive") + " / " + en.get("archive"))).append("</p>")
        .append("<table class=\"archive\"><thead><tr><th>対象日 / Report day</th>")
        .append("<th>レポート / Reports</th><th>前回からのステータス変化 / Status change since")
        .append(" the previous report</th></tr></thead><tbody>");
    for (int i = 0; i < days.size(); i++) {
      Day d = days.get(i);
      Day previous = i + 1 < days.size() ? days.get(i + 1) : null;
      html.append("<tr class=\"report-day\" data-day=\"").append(d.day()).append("\"><td>")
          .append(d.day()).append("</td><td>");
      for (String file : d.files()) {
        html.append("<a href=\"").append(d.day()).append('/').append(file).append("\">")
            .append(file.contains("-ja.") ? "日本語" : "English").append(" (")
            .append(file.endsWith(".pdf") ? "PDF" : "HTML").append(")</a>");
      }
      html.append("</td><td>").append(changes(d, previous, ja, en)).append("</td></tr>");
    }
    return html.append("</tbody></table></body></html>\n").toString();
  }

  private static String changes(Day day, Day previous, Messages ja, Messages en) {
    if (previous == null) {
      return "—（最初のレポート / first report）";
    }
    if (day.statuses().isEmpty()) {
      return "—";
    }
    Map<Change, Integer> counts = new TreeMap<>();
    StringBuilder rows = new StringBuilder();
    for (Map.Entry<String, String> e : day.statuses().entrySet()) {
      String before = previous.statuses().get(e.getKey());
      Change change = change(before, e.getValue());
      counts.merge(change, 1, Integer::sum);
      String[] key = e.getKey().split("\\|");
      rows.append("<tr class=\"kpi-change\" data-kpi=\"").append(Html.escape(key[0]))
          .append("\" data-municipality=\"").append(Html.escape(key[1]))
          .append("\" data-change=\"").append(change.code()).append("\"><td>")
          .append(Html.escape(ja.municipality(key[1]) + " / " + en.municipality(key[1])))
          .append("</td><td>").append(Html.escape(ja.get("kpi." + key[0]) + " / "
              + en.get("kpi." + key[0]))).append("</td><td>")
          .append(before == null ? "—" : Html.escape(en.status(before))).append(" → ")
          .append(Html.escape(en.status(e.getValue()))).append("</td><td class=\"")
          .append(change.code()).append("\">").append(Html.escape(change.label()))
          .append("</td></tr>");
    }
    StringBuilder summary = new StringBuilder();
    counts.forEach((c, n) -> summary.append(summary.length() == 0 ? "" : ", ")
        .append(c.label()).append(": ").append(n));
    return "<details><summary class=\"change-counts\">" + Html.escape(summary.toString())
        + "</summary><table class=\"changes\"><tbody>" + rows + "</tbody></table></details>";
  }
}
