package io.citylake.job;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;

/**
 * Where a run's {@link BookkeepingWrite}s go. A job run on its own commits them as it makes them.
 * Under the pipeline runner they wait, tagged with the job that made them, until a job that
 * depends on one of their writers starts (it may read them) or the run ends; then every waiting
 * write is committed, one commit per table. Each small commit costs a few Spark queries and
 * 0.5–1 s of driver time, and a night made one per conform and KPI job for each of four
 * tables; now the ingest stage's ledger rows are one commit when the first conform job starts,
 * and the conform stage's quarantine, accounting and quality results one each when the quality
 * gate starts. A run that dies before that leaves the tables behind the data they
 * describe, which costs the next run a recomputation, never a skipped day.
 */
public final class Bookkeeping {
  private record Waiting(String job, BookkeepingWrite write) {}

  /** The run's waiting writes; null when writes are committed as they are made. */
  private final List<Waiting> waiting;
  /** Serialises commits, so a job that must see waiting writes waits for one in progress. */
  private final Object committing;
  private final String job;
  /** The writes {@link #job} made, committed or not; null for the run's own bookkeeping. */
  private final List<BookkeepingWrite> made;

  private Bookkeeping(List<Waiting> waiting, Object committing, String job) {
    this.waiting = waiting;
    this.committing = committing;
    this.job = job;
    this.made = job == null ? null : new ArrayList<>();
  }

  /** Writes committed as they are made: a job run on its own. */
  public static Bookkeeping immediate() {
    return new Bookkeeping(null, new Object(), null);
  }

  /** Writes held for the run, as the pipeline runner holds them. */
  public static Bookkeeping deferred() {
    return new Bookkeeping(new ArrayList<>(), new Object(), null);
  }

  /** The same run's bookkeeping, tagging the writes {@code jobName} makes. */
  public Bookkeeping forJob(String jobName) {
    return new Bookkeeping(waiting, committing, jobName);
  }

  /**
   * The rows this job handed for the table at {@code path}, whether committed yet or not (another
   * job's start may commit them at any time): what the run's lineage says the job recorded.
   */
  public List<Row> rowsMade(String path) {
    if (made == null) {
      return List.of();
    }
    synchronized (made) {
      return made.stream().filter(w -> w.path().equals(path))
          .flatMap(w -> w.rows().stream()).toList();
    }
  }

  /**
   * Whether a write this job made to the table at {@code path} is not committed yet, so the
   * table's newest version does not hold it. Waits for a commit in progress, whose version is
   * then the table's newest.
   */
  public boolean waits(String path) {
    if (waiting == null || job == null) {
      return false;
    }
    synchronized (committing) {
      synchronized (waiting) {
        return waiting.stream().anyMatch(w -> job.equals(w.job()) && w.write().path().equals(path));
      }
    }
  }

  /** Whether writes wait for {@link #commitWaiting}. */
  public boolean deferring() {
    return waiting != null;
  }

  void write(JobContext context, BookkeepingWrite write) {
    if (made != null) {
      synchronized (made) {
        made.add(write);
      }
    }
    if (waiting == null) {
      commit(context, List.of(write));
      return;
    }
    synchronized (waiting) {
      waiting.add(new Waiting(job, write));
    }
  }

  /**
   * Commits every waiting write when one of them was made by a job in {@code writers} (the jobs
   * whose tables the caller is about to read); with a null {@code writers}, commits them all.
   * Returns once nothing the caller may read is waiting or being committed.
   */
  public void commitWaiting(JobContext context, Collection<String> writers) {
    if (waiting == null) {
      return;
    }
    synchronized (committing) {
      List<Waiting> batch;
      synchronized (waiting) {
        if (waiting.isEmpty() || (writers != null
            && waiting.stream().noneMatch(w -> writers.contains(w.job())))) {
          return;
        }
        batch = new ArrayList<>(waiting);
        waiting.clear();
      }
      // tables in the order of their last write: a job writes the table that marks its days
      // done (the accounting) after their data (the quarantine), so a commit that dies between
      // two tables never leaves a day marked done without its data
      Map<String, List<Waiting>> byTable = new LinkedHashMap<>();
      for (int i = batch.size() - 1; i >= 0; i--) {
        byTable.computeIfAbsent(batch.get(i).write().path(), p -> new ArrayList<>())
            .add(0, batch.get(i));
      }
      List<List<Waiting>> tables = new ArrayList<>(byTable.values());
      java.util.Collections.reverse(tables);
      List<Waiting> left = new ArrayList<>(batch);
      try {
        for (List<Waiting> table : tables) {
          commit(context, table.stream().map(Waiting::write).toList());
          left.removeAll(table);
        }
      } catch (RuntimeException e) {
        synchronized (waiting) {
          waiting.addAll(0, left); // tried again before the next reader, or at the run's end
        }
        throw e;
      }
    }
  }

  /** One commit for writes to one table. */
  private static void commit(JobContext context, List<BookkeepingWrite> writes) {
    BookkeepingWrite together = BookkeepingWrite.together(writes);
    together.commit().commit(context, together.rows(), together.replaceWhere());
  }
}
