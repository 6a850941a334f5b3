package io.citylake.job;

import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Rows a job adds to a small bookkeeping table that many jobs of a night share (the conform
 * accounting, the quality results, the KPI watermarks), and the slice they replace. These tables
 * are caches of progress that may lag but never lie: a row that is never written makes the next
 * run recompute, never skip. So the run may commit the writes of several jobs to one table
 * together ({@link Bookkeeping}), one Delta commit instead of one per job.
 *
 * @param path the table's folder; writes to the same folder are committed together
 * @param rows the rows to add, in the table's column order
 * @param replaceWhere the slice the rows replace (a predicate on partition columns), or null
 *     for an append
 * @param commit how the table takes rows: the same for every write to {@code path}
 */
public record BookkeepingWrite(String path, List<Row> rows, String replaceWhere, Commit commit) {
  public BookkeepingWrite {
    rows = List.copyOf(rows);
  }

  /** Commits rows to one bookkeeping table, creating it on its first write. */
  @FunctionalInterface
  public interface Commit {
    /**
     * @param replaceWhere the union of the writes' slices ({@code (a) OR (b)}), or null when
     *     every write appends
     */
    void commit(JobContext context, List<Row> rows, String replaceWhere);
  }

  /**
   * Several writes to one table as one: their rows and the union of their slices. A slice
   * written twice keeps its last rows, as two commits one after the other would.
   */
  static BookkeepingWrite together(List<BookkeepingWrite> writes) {
    BookkeepingWrite first = writes.get(0);
    boolean appends = first.replaceWhere() == null;
    if (writes.stream().anyMatch(w -> (w.replaceWhere() == null) != appends)) {
      throw new IllegalArgumentException("cannot commit appends and replacements of "
          + first.path() + " together");
    }
    if (appends) {
      return new BookkeepingWrite(first.path(),
          writes.stream().flatMap(w -> w.rows().stream()).toList(), null, first.commit());
    }
    java.util.Map<String, List<Row>> bySlice = new java.util.LinkedHashMap<>();
    writes.forEach(w -> bySlice.put(w.replaceWhere(), w.rows()));
    String where = bySlice.size() == 1 ? first.replaceWhere()
        : "(" + String.join(") OR (", bySlice.keySet()) + ")";
    return new BookkeepingWrite(first.path(),
        bySlice.values().stream().flatMap(List::stream).toList(), where, first.commit());
  }
}
