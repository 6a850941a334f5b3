package io.citylake.report;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The whole report as one self-contained HTML page in one language: inline CSS and SVG, no
 * script, no web font, no link outside the file, so it opens from a shared drive or an e-mail.
 */
public final class ReportPage {
  private static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  private static final String CSS = """
      body{font-family:"Hiragino Sans","Noto Sans CJK JP","Yu Gothic",Meiryo,IPAGothic,
      "IPAPGothic",sans-serif;
      margin:0 auto;max-width:1320px;padding:16px 24px;color:#222;background:#fff}
      h1{font-size:1.6em;margin:.2em 0}h2{border-bottom:3px solid #08519c;padding-bottom:4px;
      margin-top:2em}h3{margin-top:1.4em;color:#08519c}
      nav a{margin-right:1em}table{border-collapse:collapse;margin:.5em 0;font-size:.92em}
      th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
      td.day-value,td.latest,td.baseline,td.target,td.days{text-align:right;white-space:nowrap}
      thead th{background:#f0f4fa}.suppressed{color:#666;font-style:italic;background:#f4f4f4}
      .status{font-weight:bold;white-space:nowrap}.status-achieved{color:#1a7f37}
      .status-on_track{color:#1f6feb}.status-off_track,.status-missed{color:#cf222e}
      .status-insufficient_data,.status-no_target,.status-not_comparable{color:#6e7781}
      .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(360px,1fr));gap:12px}
      figure{margin:0;border:1px solid #e1e4e8;border-radius:6px;padding:8px}
      figcaption{font-weight:bold;margin-bottom:4px}.muted{color:#6e7781;font-weight:normal}
      svg.trend{width:100%;height:auto}svg .frame{fill:#fafbfc;stroke:#d0d7de}
      svg .series{fill:none;stroke:#08519c;stroke-width:2}svg .point{fill:#08519c}
      svg .baseline{stroke:#6e7781;stroke-dasharray:4 3}svg .target{stroke:#1a7f37;
      stroke-dasharray:6 3;stroke-width:1.5}svg text{font-size:10px;fill:#444}
      svg .target-label{fill:#1a7f37}svg .empty{font-size:13px;fill:#6e7781}
      .maps{display:grid;grid-template-columns:repeat(auto-fill,minmax(400px,1fr));gap:12px}
      svg.map{width:100%;height:auto}svg .area{stroke:#555;stroke-width:.6;fill-rule:evenodd}
      svg .outline{fill:none;stroke:#999;stroke-width:.8;fill-rule:evenodd}
      svg .hatch{fill:none;stroke:#888;stroke-width:2;pointer-events:none}
      ul.legend{display:flex;flex-wrap:wrap;gap:4px 14px;list-style:none;margin:6px 0 0;
      padding:0;font-size:.8em}ul.legend li{display:flex;align-items:center;gap:4px;
      white-space:nowrap;flex:none}svg.swatch{width:12px;height:12px;flex:none;
      outline:1px solid #999}
      .credit,.note{font-size:.8em;color:#555}.unavailable{color:#9a6700;background:#fff8c5;
      padding:8px;border-radius:4px}tr.warning td{background:#ffebe9;color:#82071e}
      .warning-count{font-weight:bold;color:#cf222e}footer{margin-top:3em;font-size:.8em;color:#555}
      @page{size:A4;margin:12mm 10mm}
      @media print{body{max-width:none;padding:0;font-size:9pt}nav{display:none}
      section.municipality,#freshness{break-before:page}h2{margin-top:0}
      table{font-size:8pt}th,td{padding:2px 4px}figure,tr{break-inside:avoid}
      .charts{grid-template-columns:repeat(3,1fr);gap:6px}
      .maps{grid-template-columns:repeat(2,1fr);gap:6px}}
      """;

  private final Lang lang;
  private final Messages messages;
  private final ReportFormat format;

  public ReportPage(Lang lang) {
    this.lang = lang;
    this.messages = new Messages(lang);
    this.format = new ReportFormat(lang);
  }

  public String render(ReportData data) {
    KpiSection kpis = new KpiSection(lang);
    SupplySection supply = new SupplySection(lang);
    StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"")
        .append(lang.code()).append("\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(Html.escape(messages.get("title") + " " + format.date(data.day())))
        .append("</title><style>").append(CSS).append("</style></head><body>");
    html.append("<header><h1>").append(Html.escape(messages.get("title"))).append("</h1>")
        .append("<p class=\"report-day\" data-day=\"").append(data.day()).append("\">")
        .append(Html.escape(messages.get("subtitle"))).append(": ")
        .append(Html.escape(format.date(data.day()))).append("</p><nav>");
    for (ReportData.MunicipalityReport m : data.municipalities()) {
      html.append("<a href=\"#m-").append(m.municipality()).append("\">")
          .append(Html.escape(messages.municipality(m.municipality()))).append("</a>");
    }
    html.append("<a href=\"#freshness\">").append(Html.escape(messages.get("section.freshness")))
        .append("</a><a href=\"#definitions\">")
        .append(Html.escape(messages.get("section.definitions"))).append("</a></nav></header>");
    for (ReportData.MunicipalityReport m : data.municipalities()) {
      html.append("<section class=\"municipality\" id=\"m-").append(m.municipality())
          .append("\" data-municipality=\"").append(m.municipality()).append("\"><h2>")
          .append(Html.escape(messages.municipality(m.municipality()))).append("</h2>")
          .append(heading("section.kpis")).append(kpis.table(m.kpis()))
          .append(heading("section.trends")).append(kpis.charts(m.kpis()))
          .append(heading("section.maps")).append(supply.maps(m.municipality(), m.maps()))
          .append(heading("section.shelters")).append(supply.shelters(m.shelters()))
          .append("</section>");
    }
    html.append(freshness(data.freshness()));
    html.append("<section id=\"definitions\"><h2>")
        .append(Html.escape(messages.get("section.definitions"))).append("</h2>")
        .append(kpis.method())
        .append(kpis.definitions(data.municipalities().isEmpty() ? java.util.List.of()
            : data.municipalities().get(0).kpis(), data.sources())).append("</section>");
    html.append("<footer><p>").append(Html.escape(messages.get("map.credit"))).append("</p>")
        .append("<p>citylake</p></footer></body></html>\n");
    return html.toString();
  }

  private String heading(String key) {
    return "<h3>" + Html.escape(messages.get(key)) + "</h3>";
  }

  private String freshness(Freshness f) {
    StringBuilder html = new StringBuilder("<section id=\"freshness\"><h2>")
        .append(Html.escape(messages.get("section.freshness"))).append("</h2><table class=\"facts\">")
        .append(fact("fresh.run", f.lastRunId(), "run-id"))
        .append(fact("fresh.built", f.builtAt() == null ? "—"
            : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(f.builtAt().atZone(JST))
                + " JST", "built-at"))
        .append(fact("fresh.days", format.date(f.firstDay()) + " – " + format.date(f.lastDay()),
            "days"))
        .append("</table><h3>").append(Html.escape(messages.get("fresh.quarantine")))
        .append("</h3><p class=\"note\">").append(Html.escape(messages.get("fresh.quarantine_source")))
        .append("</p><table class=\"quarantine\"><thead><tr>");
    for (String col : java.util.List.of("dataset", "quarantined_day", "quarantined_total")) {
      html.append("<th>").append(Html.escape(messages.get("col." + col))).append("</th>");
    }
    html.append("</tr></thead><tbody>");
    for (Freshness.Quarantined q : f.quarantine()) {
      html.append("<tr data-dataset=\"").append(Html.escape(q.dataset())).append("\"><td>")
          .append(Html.escape(q.dataset())).append("</td><td class=\"on-day\">")
          .append(format.number(q.onDay(), 0)).append("</td><td class=\"total\">")
          .append(format.number(q.total(), 0)).append("</td></tr>");
    }
    return html.append("</tbody></table></section>").toString();
  }

  private String fact(String key, String value, String cls) {
    return "<tr><th>" + Html.escape(messages.get(key)) + "</th><td class=\"" + cls + "\">"
        + Html.escape(value) + "</td></tr>";
  }
}
