package io.citylake.publish;

import io.citylake.kpi.KpiDefinition;
import java.util.List;

/**
 * What the lake publishes, for analysts: every curated table with its columns and grain, and the
 * city's KPI definitions. Read from the metastore by {@link CatalogDictionary}; printed as
 * Markdown or HTML by {@link DictionaryMarkdown} and {@link DictionaryHtml}.
 */
public record DataDictionary(List<DictionaryTable> tables, List<KpiDefinition> kpis) {
  public DataDictionary {
    tables = List.copyOf(tables);
    kpis = List.copyOf(kpis);
  }
}
