package io.citylake.pipeline;

import io.citylake.job.JobResult;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Everything one pipeline run did, job by job, for the console table and the run log. */
public record RunSummary(String runId, LocalDate runDate, List<JobOutcome> outcomes,
    double seconds) {

  public RunSummary {
    outcomes = List.copyOf(outcomes);
  }

  public boolean succeeded() {
    return outcomes.stream().allMatch(o -> o.status() == JobOutcome.Status.SUCCEEDED);
  }

  /** Every job's warnings, each as {@code job: text}, in job order. */
  public List<String> warnings() {
    return outcomes.stream().flatMap(o -> o.result().stream())
        .flatMap(r -> r.warnings().stream().map(w -> r.job() + ": " + w)).toList();
  }

  /**
   * Cells suppressed as complements (secondary suppression) per gold table over the run's
   * jobs, as the jobs returned them.
   */
  public Map<String, Long> secondarySuppressed() {
    return perTable(JobResult::secondarySuppressed);
  }

  /** Cells suppressed below k per gold table in a declared relation, as the jobs returned them. */
  public Map<String, Long> primarySuppressed() {
    return perTable(JobResult::primarySuppressed);
  }

  private Map<String, Long> perTable(java.util.function.Function<JobResult, Map<String, Long>> of) {
    Map<String, Long> counts = new TreeMap<>();
    for (JobOutcome o : outcomes) {
      o.result().ifPresent(r -> of.apply(r).forEach(
          (table, n) -> counts.merge(table, n, Long::sum)));
    }
    return counts;
  }

  /**
   * An aligned text table: job, status, rows in/out, quarantined, seconds; under a job that
   * suppressed cells as complements, their count per table; then one {@code warning:} line per
   * warning (an empty or unusable delivered file, say).
   */
  public String table() {
    StringBuilder out = new StringBuilder();
    int width = outcomes.stream().mapToInt(o -> o.job().length()).max().orElse(3);
    String format = "%-" + width + "s  %-9s %10s %10s %11s %8s%n";
    out.append(String.format(format, "job", "status", "rows_in", "rows_out", "quarantined",
        "seconds"));
    for (JobOutcome o : outcomes) {
      String in = o.result().map(r -> String.valueOf(r.rowsIn())).orElse("-");
      String rowsOut = o.result().map(r -> String.valueOf(r.rowsOut())).orElse("-");
      String quarantined = o.result().map(r -> String.valueOf(r.rowsQuarantined())).orElse("-");
      out.append(String.format(format, o.job(), o.status().name().toLowerCase(), in, rowsOut,
          quarantined, String.format("%.1f", o.seconds())));
      o.result().map(JobResult::secondarySuppressed).filter(m -> !m.isEmpty())
          .ifPresent(m -> out.append("    complementary suppression (cells): ")
              .append(m.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                  .collect(Collectors.joining(", ")))
              .append(System.lineSeparator()));
      if (!o.message().isEmpty()) {
        out.append("    ").append(o.message()).append(System.lineSeparator());
      }
    }
    for (String warning : warnings()) {
      out.append("warning: ").append(warning).append(System.lineSeparator());
    }
    return out.toString();
  }
}
