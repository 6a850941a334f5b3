package io.citylake.publish;

import io.citylake.kpi.KpiDefinition;
import java.util.List;
import java.util.Locale;

/**
 * The data dictionary as one self-contained HTML page (well-formed XHTML, so XML tools can read
 * it too): a table of contents, one section per table, then the KPI definitions.
 */
public final class DictionaryHtml {
  private DictionaryHtml() {}

  public static String render(DataDictionary dictionary) {
    StringBuilder html = new StringBuilder()
        .append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n")
        .append("<head><meta charset=\"utf-8\"/><title>citylake data dictionary</title>\n")
        .append("<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
        .append("td,th{border:1px solid #ccc;padding:2px 6px;text-align:left}</style></head>\n")
        .append("<body>\n<h1>citylake data dictionary</h1>\n<ul>\n");
    for (DictionaryTable table : dictionary.tables()) {
      html.append("<li><a href=\"#").append(anchor(table)).append("\">")
          .append(escape(table.qualifiedName())).append("</a></li>\n");
    }
    html.append("<li><a href=\"#kpi-definitions\">KPI definitions</a></li>\n</ul>\n");
    dictionary.tables().forEach(table -> section(html, table,
        dictionary.sourcesOf(table.qualifiedName())));
    html.append("<h2 id=\"kpi-definitions\">KPI definitions</h2>\n<table>\n")
        .append(row("th", List.of("kpi_id", "name", "unit", "better", "grains", "definition",
            "computed from")));
    for (KpiDefinition kpi : dictionary.kpis()) {
      html.append(row("td", List.of(kpi.id(), kpi.title(), kpi.unit(),
          kpi.direction().name().toLowerCase(Locale.ROOT), String.join("; ", kpi.grains()),
          kpi.definition(), String.join(", ", dictionary.sourcesOf(kpi.id())))));
    }
    return html.append("</table>\n</body>\n</html>\n").toString();
  }

  private static void section(StringBuilder html, DictionaryTable table, List<String> sources) {
    html.append("<h2 id=\"").append(anchor(table)).append("\">")
        .append(escape(table.qualifiedName())).append("</h2>\n")
        .append("<p>").append(escape(table.comment())).append("</p>\n");
    if (!table.grain().isEmpty()) {
      html.append("<p>Grain: one row per ").append(escape(String.join(", ", table.grain())))
          .append("</p>\n");
    }
    if (!table.partitionColumns().isEmpty()) {
      html.append("<p>Partitioned by ")
          .append(escape(String.join(", ", table.partitionColumns()))).append("</p>\n");
    }
    if (!sources.isEmpty()) {
      html.append("<p>Computed from ").append(escape(String.join(", ", sources)))
          .append("</p>\n");
    }
    html.append("<table>\n").append(row("th", List.of("column", "type", "comment")));
    for (DictionaryColumn column : table.columns()) {
      html.append(row("td", List.of(column.name(), column.type(), column.comment())));
    }
    html.append("</table>\n");
  }

  private static String row(String cell, List<String> values) {
    StringBuilder row = new StringBuilder("<tr>");
    values.forEach(v -> row.append('<').append(cell).append('>').append(escape(v))
        .append("</").append(cell).append('>'));
    return row.append("</tr>\n").toString();
  }

  private static String anchor(DictionaryTable table) {
    return table.database() + "-" + table.name();
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
