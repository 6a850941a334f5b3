package io.citylake.publish;

import io.citylake.job.Job;
import io.citylake.job.TableRef;
import io.citylake.job.TableSources;
import io.citylake.kpi.KpiDefinition;
import io.citylake.kpi.KpiLineage;
import io.citylake.lake.Layer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the lake publishes, for analysts: every curated table with its columns and grain, and the
 * city's KPI definitions. Read from the metastore by {@link CatalogDictionary}; printed as
 * Markdown or HTML by {@link DictionaryMarkdown} and {@link DictionaryHtml}.
 *
 * @param sources per table ({@code gold.walking_minutes_daily}) and per KPI id, the silver tables
 *     and raw datasets it is computed from ({@link TableSources}, derived from the job graph);
 *     empty when the dictionary was read without the pipeline's jobs
 */
public record DataDictionary(List<DictionaryTable> tables, List<KpiDefinition> kpis,
    Map<String, List<String>> sources) {
  public DataDictionary {
    tables = List.copyOf(tables);
    kpis = List.copyOf(kpis);
    sources = Map.copyOf(sources);
  }

  public DataDictionary(List<DictionaryTable> tables, List<KpiDefinition> kpis) {
    this(tables, kpis, Map.of());
  }

  /** The same dictionary with every table's and KPI's sources among {@code jobs}. */
  public DataDictionary withSources(List<Job> jobs) {
    Map<String, List<String>> found = new LinkedHashMap<>();
    for (DictionaryTable table : tables) {
      Layer.tableLayer(table.database()).ifPresent(layer -> found.put(table.qualifiedName(),
          TableSources.of(jobs, new TableRef(layer, table.name())).names()));
    }
    found.putAll(KpiLineage.of(jobs));
    found.values().removeIf(List::isEmpty);
    return new DataDictionary(tables, kpis, found);
  }

  /** The sources of a table or KPI id, empty when none are known. */
  public List<String> sourcesOf(String name) {
    return sources.getOrDefault(name, List.of());
  }
}
