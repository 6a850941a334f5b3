package io.citylake.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.job.BookkeepingWrite;
import io.citylake.job.Job;
import io.citylake.job.JobContext;
import io.citylake.job.JobResult;
import io.citylake.job.TableRef;
import io.citylake.testing.SparkTestBase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

/**
 * Under the runner, the jobs' writes to a shared bookkeeping table are one commit, made before
 * the first job that reads them starts; writes nobody downstream reads are committed when the run
 * ends; a commit that fails fails the job that needed it, in one line, and is tried again.
 */
class RunBookkeepingTest extends SparkTestBase {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 14);

  private record Commit(String table, List<Row> rows, String replaceWhere) {
    /**
     * The same commit with its rows and slices in name order: the two writers run side by side,
     * so which of them handed its rows first is the threads' choice, and either order replaces
     * the same slices with the same rows.
     */
    Commit inNameOrder() {
      List<Row> sortedRows = rows.stream().sorted(java.util.Comparator.comparing(Row::toString))
          .toList();
      String slices = replaceWhere == null || !replaceWhere.startsWith("(") ? replaceWhere
          : java.util.Arrays.stream(
                  replaceWhere.substring(1, replaceWhere.length() - 1).split("\\) OR \\("))
              .sorted().collect(java.util.stream.Collectors.joining(") OR (", "(", ")"));
      return new Commit(table, sortedRows, slices);
    }
  }

  private final List<Commit> commits = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger failuresLeft = new AtomicInteger();

  private BookkeepingWrite.Commit into(String table) {
    return (context, rows, where) -> {
      if (failuresLeft.getAndDecrement() > 0) {
        throw new IllegalStateException("the store is away\nsecond line");
      }
      commits.add(new Commit(table, rows, where));
    };
  }

  /** Writes its slice of silver.t, or appends to silver.u with no slice. */
  private record Writer(String name, String slice, BookkeepingWrite.Commit commit)
      implements Job {
    @Override
    public String description() {
      return "records bookkeeping";
    }

    @Override
    public List<TableRef> inputs() {
      return List.of();
    }

    @Override
    public List<TableRef> outputs() {
      return slice == null ? List.of(TableRef.silver("u"))
          : List.of(TableRef.silver("t").slice(slice));
    }

    @Override
    public JobResult run(JobContext context) {
      context.record(new BookkeepingWrite("t/" + (slice == null ? "u" : "t"),
          List.of(RowFactory.create(name)), slice == null ? null : "dataset = '" + slice + "'",
          commit));
      return JobResult.of(name, 0, 1, Map.of());
    }
  }

  /** Reads silver.t whole: notes what had been committed when it ran. */
  private record Reader(List<Commit> sawCommitted, List<Commit> commits) implements Job {
    @Override
    public String name() {
      return "kpi.reader";
    }

    @Override
    public String description() {
      return "reads the bookkeeping";
    }

    @Override
    public List<TableRef> inputs() {
      return List.of(TableRef.silver("t"));
    }

    @Override
    public List<TableRef> outputs() {
      return List.of(TableRef.gold("read"));
    }

    @Override
    public JobResult run(JobContext context) {
      sawCommitted.addAll(List.copyOf(commits));
      return JobResult.of(name(), 1, 1, Map.of());
    }
  }

  private RunSummary night(List<Commit> sawCommitted) {
    List<Job> jobs = List.of(new Writer("conform.a", "a", into("t")),
        new Writer("conform.b", "b", into("t")), new Writer("publish.other", null, into("u")),
        new Reader(sawCommitted, commits));
    return new PipelineRunner(new PipelineGraph(jobs), 2).run(context(DAY), job -> true,
        outcome -> { });
  }

  @Test
  void theWritersOfATableAreOneCommitBeforeItsReaderAndTheRestAtTheEnd() {
    List<Commit> sawCommitted = new ArrayList<>();

    RunSummary summary = night(sawCommitted);

    assertThat(summary.succeeded()).isTrue();
    Commit t = new Commit("t", List.of(RowFactory.create("conform.a"),
        RowFactory.create("conform.b")), "(dataset = 'a') OR (dataset = 'b')");
    assertThat(sawCommitted).filteredOn(c -> c.table().equals("t"))
        .extracting(Commit::inNameOrder).containsExactly(t);
    assertThat(commits).hasSize(2).extracting(Commit::inNameOrder).contains(t,
        new Commit("u", List.of(RowFactory.create("publish.other")), null));
  }

  @Test
  void aCommitThatFailsFailsItsReaderInOneLineAndIsTriedAgainAtTheEnd() {
    failuresLeft.set(1);
    List<Commit> sawCommitted = new ArrayList<>();

    RunSummary summary = night(sawCommitted);

    assertThat(summary.outcomes()).filteredOn(o -> o.job().equals("kpi.reader"))
        .singleElement().satisfies(o -> {
          assertThat(o.status()).isEqualTo(JobOutcome.Status.FAILED);
          assertThat(o.message()).isEqualTo("Cannot record the bookkeeping of the jobs before"
              + " kpi.reader: the store is away");
        });
    assertThat(sawCommitted).isEmpty();
    assertThat(commits).extracting(Commit::table).containsExactlyInAnyOrder("t", "u");
    assertThat(commits).filteredOn(c -> c.table().equals("t")).singleElement()
        .extracting(c -> c.rows().size()).isEqualTo(2);
  }
}
