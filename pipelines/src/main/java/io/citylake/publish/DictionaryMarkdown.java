package io.citylake.publish;

import io.citylake.kpi.KpiDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The data dictionary as Markdown: one section per table, then the KPI definitions. */
public final class DictionaryMarkdown {
  private DictionaryMarkdown() {}

  public static String render(DataDictionary dictionary) {
    StringBuilder md = new StringBuilder("# citylake data dictionary\n\n")
        .append("Generated from the lake's metastore by `citylake dictionary`. Query a table as")
        .append(" `database.table` in `citylake sql` or over JDBC (gold only).\n\n");
    for (DictionaryTable table : dictionary.tables()) {
      md.append("- [").append(table.qualifiedName()).append("](#")
          .append(table.qualifiedName().replace(".", "").toLowerCase(Locale.ROOT)).append(")\n");
    }
    md.append("- [KPI definitions](#kpi-definitions)\n");
    for (DictionaryTable table : dictionary.tables()) {
      md.append("\n## ").append(table.qualifiedName()).append("\n\n");
      if (!table.comment().isEmpty()) {
        md.append(cell(table.comment())).append("\n\n");
      }
      List<String> facts = new ArrayList<>();
      if (!table.grain().isEmpty()) {
        facts.add("Grain: one row per " + code(table.grain()));
      }
      if (!table.partitionColumns().isEmpty()) {
        facts.add("Partitioned by " + code(table.partitionColumns()));
      }
      List<String> sources = dictionary.sourcesOf(table.qualifiedName());
      if (!sources.isEmpty()) {
        facts.add("Computed from " + code(sources));
      }
      if (!facts.isEmpty()) {
        md.append(String.join(" · ", facts)).append("\n\n");
      }
      md.append("| column | type | comment |\n|---|---|---|\n");
      for (DictionaryColumn column : table.columns()) {
        md.append("| `").append(column.name()).append("` | ").append(cell(column.type()))
            .append(" | ").append(cell(column.comment())).append(" |\n");
      }
    }
    md.append("\n## KPI definitions\n\n")
        .append("| kpi_id | name | unit | better | grains | definition | computed from |\n")
        .append("|---|---|---|---|---|---|---|\n");
    for (KpiDefinition kpi : dictionary.kpis()) {
      md.append("| `").append(kpi.id()).append("` | ").append(cell(kpi.title())).append(" | ")
          .append(cell(kpi.unit())).append(" | ").append(kpi.direction().name().toLowerCase(
              Locale.ROOT)).append(" | ").append(cell(String.join("; ", kpi.grains())))
          .append(" | ").append(cell(kpi.definition())).append(" | ")
          .append(code(dictionary.sourcesOf(kpi.id()))).append(" |\n");
    }
    return md.toString();
  }

  private static String code(List<String> names) {
    return names.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "));
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
