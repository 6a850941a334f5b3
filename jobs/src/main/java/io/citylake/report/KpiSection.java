package io.citylake.report;

import java.util.List;

/** A municipality's KPI table and trend charts, and the catalogue's definitions. */
final class KpiSection {
  private final Lang lang;
  private final Messages messages;
  private final ReportFormat format;
  private final SvgTrendChart chart;

  KpiSection(Lang lang) {
    this.lang = lang;
    this.messages = new Messages(lang);
    this.format = new ReportFormat(lang);
    this.chart = new SvgTrendChart(lang);
  }

  String table(List<KpiEntry> kpis) {
    StringBuilder html = new StringBuilder("<table class=\"kpis\"><thead><tr>");
    for (String col : List.of("kpi", "day_value", "latest", "latest_period", "source",
        "baseline", "target", "target_year", "target_basis", "status")) {
      html.append("<th>").append(Html.escape(messages.get("col." + col))).append("</th>");
    }
    html.append("</tr></thead><tbody>");
    for (KpiEntry kpi : kpis) {
      String key = " data-kpi=\"" + Html.escape(kpi.kpiId()) + "\"";
      html.append("<tr").append(key).append(">")
          .append("<th scope=\"row\">").append(Html.escape(messages.kpi(kpi.kpiId())))
          .append("</th>")
          .append(cell("day-value" + (kpi.daySuppressed() && kpi.dayValue() == null
              ? " suppressed" : ""), key,
              format.cell(kpi.dayValue(), kpi.daySuppressed(), kpi.unit())))
          .append(cell("latest", key, format.value(kpi.latestValue(), kpi.unit())))
          .append(cell("latest-period", key, latestPeriod(kpi)))
          .append(cell("source" + (kpi.goal().reported() ? " reported" : ""), key, source(kpi)))
          .append(cell("baseline", key, format.value(kpi.baseline(), kpi.goalUnit())
              + (kpi.baselineYear() == null ? "" : " ("
                  + format.year(kpi.baselineYear(), kpi.goal().yearType()) + ")")))
          .append(cell("target", key, format.value(kpi.target(), kpi.goalUnit())))
          .append(cell("target-year", key,
              format.year(kpi.targetYear(), kpi.goal().yearType())))
          .append(cell("target-basis", key, kpi.goal().path()
              .map(p -> format.path(p, kpi.goalUnit(), kpi.goal().yearType())).orElse("—")))
          .append("<td class=\"status status-").append(Html.escape(kpi.status())).append("\"")
          .append(key).append(" data-status=\"").append(Html.escape(kpi.status())).append("\">")
          .append(Html.escape(messages.status(kpi.status()))).append("</td></tr>");
    }
    html.append("</tbody></table>");
    html.append("<p class=\"note\">").append(Html.escape(messages.get("note.suppressed")))
        .append(' ').append(Html.escape(messages.get("note.shares"))).append("</p>");
    return html.toString();
  }

  String charts(List<KpiEntry> kpis) {
    StringBuilder html = new StringBuilder("<div class=\"charts\">");
    for (KpiEntry kpi : kpis) {
      html.append("<figure class=\"chart\" data-kpi=\"").append(Html.escape(kpi.kpiId()))
          .append("\"><figcaption>").append(Html.escape(messages.kpi(kpi.kpiId())))
          .append(" <span class=\"muted\">(").append(Html.escape(format.unit(kpi.unit())))
          .append(")</span>");
      if (kpi.suppressedPoints() > 0) {
        html.append(" <span class=\"muted\">(").append(Html.escape(
            messages.get("chart.suppressed_points"))).append(": ")
            .append(kpi.suppressedPoints()).append(")</span>");
      }
      html.append("</figcaption>").append(chart.render(kpi)).append("</figure>");
    }
    return html.append("</div>").toString();
  }

  /**
   * One row per KPI: name, unit, the catalogue's definition (in English, as published) and the
   * silver tables and raw datasets it is computed from.
   */
  String definitions(List<KpiEntry> kpis, java.util.Map<String, List<String>> sources) {
    StringBuilder html = new StringBuilder("<table class=\"definitions\"><thead><tr>");
    for (String col : List.of("kpi", "unit", "definition", "sources")) {
      html.append("<th>").append(Html.escape(messages.get("col." + col))).append("</th>");
    }
    html.append("</tr></thead><tbody>");
    for (KpiEntry kpi : kpis) {
      html.append("<tr><th scope=\"row\">").append(Html.escape(messages.kpi(kpi.kpiId())))
          .append("<br><code>").append(Html.escape(kpi.kpiId())).append("</code></th><td>")
          .append(Html.escape(kpi.unit())).append("</td><td>")
          .append(Html.escape(kpi.definition())).append("</td><td class=\"sources\">")
          .append(String.join(", ", sources.getOrDefault(kpi.kpiId(), List.of()).stream()
              .map(name -> "<code>" + Html.escape(name) + "</code>").toList()))
          .append("</td></tr>");
    }
    return html.append("</tbody></table>").toString();
  }

  /** "Measured", or "Reported by the town (who)": a reported value is not the lake's. */
  private String source(KpiEntry kpi) {
    if (!kpi.goal().reported()) {
      return messages.get("source.measured");
    }
    if (kpi.goal().reportedBy().isEmpty()) {
      return messages.get("source.reported");
    }
    return lang == Lang.JA ? messages.get("source.reported") + "（" + kpi.goal().reportedBy() + "）"
        : messages.get("source.reported") + " (" + kpi.goal().reportedBy() + ")";
  }

  /** The latest period; a reported fiscal-year value is named by its fiscal year. */
  private String latestPeriod(KpiEntry kpi) {
    if (kpi.latestPeriod() != null && kpi.goal().reported()) {
      io.citylake.kpi.YearType type = kpi.goal().yearType();
      return format.year(type.yearOf(kpi.latestPeriod()), type);
    }
    return format.period(kpi.latestPeriod(), kpi.latestGrain());
  }

  /**
   * How a status is judged, and what 年度 means: the method of {@link
   * io.citylake.kpi.TargetJudgement}, in the report's language.
   */
  String method() {
    StringBuilder html = new StringBuilder("<div class=\"method\"><h3>")
        .append(Html.escape(messages.get("method.title"))).append("</h3><ul>");
    for (String key : List.of("method.period", "method.path", "method.achieved",
        "method.missed", "method.trend", "method.insufficient", "method.reported",
        "method.not_comparable")) {
      html.append("<li>").append(Html.escape(messages.get(key))).append("</li>");
    }
    return html.append("</ul></div>").toString();
  }

  private static String cell(String cls, String key, String text) {
    return "<td class=\"" + cls + "\"" + key + ">" + Html.escape(text) + "</td>";
  }
}
