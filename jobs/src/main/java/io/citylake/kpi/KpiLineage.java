package io.citylake.kpi;

import io.citylake.job.Job;
import io.citylake.job.TableRef;
import io.citylake.job.TableSources;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per measured KPI, the silver tables and delivered datasets its headline gold table is computed
 * from ({@link TableSources} of {@link KpiHeadline#table()}), for the data dictionary and the KPI
 * report: derived from the jobs' declarations, so adding a source to a KPI job updates both.
 */
public final class KpiLineage {
  private KpiLineage() {}

  /** KPI id to its sources' names ({@code silver.points_steps}, {@code raw.points_steps}). */
  public static Map<String, List<String>> of(List<Job> jobs) {
    Map<String, List<String>> sources = new LinkedHashMap<>();
    for (KpiDefinition kpi : KpiDefinition.measuredKpis()) {
      List<String> names = TableSources.of(jobs,
          TableRef.gold(KpiHeadline.of(kpi).table())).names();
      if (!names.isEmpty()) {
        sources.put(kpi.id(), names);
      }
    }
    return sources;
  }
}
