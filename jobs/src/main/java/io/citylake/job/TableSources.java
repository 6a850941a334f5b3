package io.citylake.job;

import io.citylake.lake.Layer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a table is computed from, found by walking the jobs' declared inputs upstream: the silver
 * tables and the delivered raw datasets and reference files behind it. Derived from the job
 * graph, never listed by hand, so the data dictionary and the KPI report cannot drift from the
 * pipeline. Shared bookkeeping tables that jobs write a slice each of (the conform accounting,
 * the ingest ledger, the quarantine, the KPI watermarks) are not followed: reading one says
 * which partitions changed, not what a figure is computed from. Pure: no Spark.
 *
 * @param silver the silver tables, nearest first
 * @param delivered the raw datasets ({@code raw.points_steps}) and reference files
 */
public record TableSources(TableRef table, List<TableRef> silver, List<TableRef> delivered) {
  public TableSources {
    silver = List.copyOf(silver);
    delivered = List.copyOf(delivered);
  }

  /** The sources of {@code table} among {@code jobs}; empty lists when no job writes it. */
  public static TableSources of(List<Job> jobs, TableRef table) {
    Set<TableRef> sliced = new HashSet<>();
    jobs.forEach(job -> job.outputs().stream().filter(o -> o.slice().isPresent())
        .forEach(o -> sliced.add(o.whole())));
    List<TableRef> silver = new ArrayList<>();
    List<TableRef> delivered = new ArrayList<>();
    Set<TableRef> seen = new HashSet<>(Set.of(table));
    Deque<TableRef> next = new ArrayDeque<>(List.of(table));
    while (!next.isEmpty()) {
      TableRef current = next.removeFirst();
      List<TableRef> inputs = jobs.stream().filter(job -> job.outputs().contains(current))
          .flatMap(job -> job.inputs().stream()).map(TableRef::whole)
          .filter(input -> !sliced.contains(input)).toList();
      for (TableRef input : inputs) {
        if (!seen.add(input)) {
          continue;
        }
        if (input.layer() == Layer.RAW || input.layer() == Layer.REFERENCE) {
          delivered.add(input);
        } else {
          if (input.layer() == Layer.SILVER) {
            silver.add(input);
          }
          next.addLast(input);
        }
      }
    }
    return new TableSources(table, silver, delivered);
  }

  /** Every source, silver first, as {@code plan} names them. */
  public List<String> names() {
    return Stream.concat(silver.stream(), delivered.stream()).map(TableRef::toString).toList();
  }
}
