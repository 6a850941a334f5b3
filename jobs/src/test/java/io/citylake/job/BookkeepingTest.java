package io.citylake.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citylake.testing.SparkTestBase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/**
 * Writes to shared bookkeeping tables: committed at once by a job run on its own; held by a run
 * until a reader of their writers' tables starts, then one commit per table whose rows are every
 * job's and whose slice is the union of theirs.
 */
class BookkeepingTest extends SparkTestBase {
  private record Commit(String table, List<Row> rows, String replaceWhere) {}

  private static final LocalDate DAY = LocalDate.of(2026, 11, 14);
  private final List<Commit> commits = new ArrayList<>();

  /** The context of a run whose bookkeeping waits, as under the pipeline runner. */
  private static JobContext deferredRun() {
    return context(DAY).withBookkeeping(Bookkeeping.deferred());
  }

  /** The context of one job of the run {@code context} belongs to. */
  private static JobContext job(JobContext context, String name) {
    return context.withBookkeeping(context.bookkeeping().forJob(name));
  }

  private BookkeepingWrite replace(String table, String slice, Object... values) {
    return new BookkeepingWrite(table, List.of(RowFactory.create(values)), slice,
        (context, rows, where) -> commits.add(new Commit(table, rows, where)));
  }

  private BookkeepingWrite append(String table, Object... values) {
    return new BookkeepingWrite(table, List.of(RowFactory.create(values)), null,
        (context, rows, where) -> commits.add(new Commit(table, rows, where)));
  }

  @Test
  void aJobRunOnItsOwnCommitsEachWriteAsItIsMade() {
    JobContext context = context(DAY);

    context.record(replace("accounting", "dataset = 'a'", "a", 1L));

    assertThat(context.bookkeeping().deferring()).isFalse();
    assertThat(commits).containsExactly(
        new Commit("accounting", List.of(RowFactory.create("a", 1L)), "dataset = 'a'"));
  }

  @Test
  void aRunCommitsEachTableOnceWhenAReaderOfItsWritersStarts() {
    JobContext context = deferredRun();
    JobContext a = job(context, "conform.a");
    JobContext b = job(context, "conform.b");

    a.record(replace("accounting", "dataset = 'a'", "a", 1L));
    a.record(append("results", "a", 3L));
    b.record(replace("accounting", "dataset = 'b'", "b", 2L));
    b.record(append("results", "b", 4L));
    context.bookkeeping().commitWaiting(context, Set.of("ingest.x")); // a job downstream of neither
    assertThat(commits).isEmpty();
    context.bookkeeping().commitWaiting(context, Set.of("conform.b", "ingest.x"));

    assertThat(commits).containsExactly(
        new Commit("accounting", List.of(RowFactory.create("a", 1L), RowFactory.create("b", 2L)),
            "(dataset = 'a') OR (dataset = 'b')"),
        new Commit("results", List.of(RowFactory.create("a", 3L), RowFactory.create("b", 4L)),
            null));
    context.bookkeeping().commitWaiting(context, null);
    assertThat(commits).as("nothing is committed twice").hasSize(2);
  }

  /** The run's lineage lists what a job recorded, even once another job's start committed it. */
  @Test
  void aJobKnowsTheRowsItMadeAfterTheyAreCommitted() {
    JobContext context = deferredRun();
    JobContext a = job(context, "ingest.a");
    a.record(append("ledger", "a", 1L));
    JobContext b = job(context, "ingest.b");
    b.record(append("ledger", "b", 2L));
    for (BookkeepingWrite later : List.of(append("ledger", "a", 3L), append("results", "a", 4L))) {
      a.record(later);
    }
    context.bookkeeping().commitWaiting(context, Set.of("ingest.b"));

    assertThat(commits).hasSize(2);
    assertThat(a.bookkeeping().rowsMade("ledger"))
        .containsExactly(RowFactory.create("a", 1L), RowFactory.create("a", 3L));
    assertThat(b.bookkeeping().rowsMade("ledger")).containsExactly(RowFactory.create("b", 2L));
    assertThat(b.bookkeeping().rowsMade("results")).isEmpty();
    assertThat(context.bookkeeping().rowsMade("ledger"))
        .as("the run's own bookkeeping made nothing").isEmpty();
  }

  /** A job's data first, the accounting that marks its days done last, whatever other jobs did. */
  @Test
  void tablesAreCommittedInTheOrderOfTheirLastWrite() {
    JobContext context = deferredRun();
    JobContext wroteItsQuarantineAtOnce = job(context, "conform.a");
    JobContext heldItsQuarantine = job(context, "conform.b");

    wroteItsQuarantineAtOnce.record(append("results", "a", 1L));
    wroteItsQuarantineAtOnce.record(replace("accounting", "dataset = 'a'", "a", 1L));
    heldItsQuarantine.record(replace("quarantine", "dataset = 'b'", "b", 1L));
    heldItsQuarantine.record(append("results", "b", 1L));
    heldItsQuarantine.record(replace("accounting", "dataset = 'b'", "b", 1L));
    context.bookkeeping().commitWaiting(context, null);

    assertThat(commits).extracting(Commit::table)
        .containsExactly("quarantine", "results", "accounting");
    assertThat(commits.get(2).rows()).containsExactly(RowFactory.create("a", 1L),
        RowFactory.create("b", 1L));
  }

  @Test
  void aSliceWrittenTwiceKeepsItsLastRows() {
    Bookkeeping run = Bookkeeping.deferred();
    JobContext context = context(DAY).withBookkeeping(run.forJob("kpi.a"));

    context.record(replace("watermarks", "job = 'kpi.a'", "kpi.a", 1L));
    context.record(replace("watermarks", "job = 'kpi.a'", "kpi.a", 2L));
    run.commitWaiting(context, null);

    assertThat(commits).containsExactly(new Commit("watermarks",
        List.of(RowFactory.create("kpi.a", 2L)), "job = 'kpi.a'"));
  }

  @Test
  void aFailedCommitIsTriedAgainWithoutRepeatingTheTablesThatWereCommitted() {
    Bookkeeping run = Bookkeeping.deferred();
    JobContext context = context(DAY).withBookkeeping(run.forJob("a"));
    int[] failures = {1};
    context.record(append("results", "a", 3L));
    context.record(new BookkeepingWrite("accounting", List.of(RowFactory.create("a", 1L)),
        "dataset = 'a'", (ctx, rows, where) -> {
          if (failures[0]-- > 0) {
            throw new IllegalStateException("the store is away");
          }
          commits.add(new Commit("accounting", rows, where));
        }));

    assertThatThrownBy(() -> run.commitWaiting(context, null))
        .hasMessageContaining("the store is away");
    assertThat(commits).extracting(Commit::table).containsExactly("results");
    run.commitWaiting(context, Set.of("a"));

    assertThat(commits).extracting(Commit::table).containsExactly("results", "accounting");
  }

  @Test
  void appendsAndReplacementsOfOneTableAreNotMixed() {
    Bookkeeping run = Bookkeeping.deferred();
    JobContext context = context(DAY).withBookkeeping(run.forJob("a"));
    context.record(append("t", "a", 1L));
    context.record(replace("t", "dataset = 'a'", "a", 2L));

    assertThatThrownBy(() -> run.commitWaiting(context, null))
        .hasMessageContaining("cannot commit appends and replacements of t together");
  }
}
