package io.citylake.conform;

import io.citylake.job.JobContext;
import io.citylake.job.TableRef;
import io.citylake.lake.DeltaRetry;
import io.citylake.lake.DeltaTables;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Data quality as code. Every contract rule of a conformer becomes a Delta CHECK constraint on its
 * silver table, so no writer (a backfill, a hand-made fix) can ever put a rule-breaking row into
 * silver; and each run stores how many rows broke which rule per day in {@code silver.dq_results},
 * so quality can be trended across nights.
 */
public final class QualityChecks {
  public static final String RESULTS = "dq_results";

  private QualityChecks() {}

  /** Constraint holding silver's lineage columns present (a table created by its first write
   * has nullable columns only, so NOT NULL is a CHECK here). */
  private static final String LINEAGE_PRESENT = "lineage_present";

  /**
   * Every rule of the conformer as a Delta CHECK constraint table property, plus the lineage
   * columns' presence, for a silver table created with its first rows: one commit for the table,
   * its constraints and its rows (an {@code ADD CONSTRAINT} per rule would be one commit and one
   * validating scan each).
   */
  public static Map<String, String> constraints(Conformer conformer) {
    Map<String, String> constraints = new java.util.LinkedHashMap<>();
    for (Rule rule : conformer.rules()) {
      constraints.put("delta.constraints." + constraintName(rule), check(rule));
    }
    constraints.put("delta.constraints." + LINEAGE_PRESENT,
        "dt IS NOT NULL AND _source_file IS NOT NULL AND _ingested_at IS NOT NULL");
    return constraints;
  }

  /**
   * Adds to an existing silver table the constraints it lacks (rules added to the contract since
   * the table was created), read from its cached snapshot; before rows are written, so none of
   * them breaks a rule the table now enforces.
   */
  public static void enforce(JobContext context, Conformer conformer, String silverPath) {
    Map<String, String> properties = DeltaTables.properties(context.spark(), silverPath);
    for (Map.Entry<String, String> constraint : constraints(conformer).entrySet()) {
      if (!properties.containsKey(constraint.getKey())) {
        context.spark().sql("ALTER TABLE delta.`" + silverPath + "` ADD CONSTRAINT "
            + constraint.getKey().substring("delta.constraints.".length())
            + " CHECK (" + constraint.getValue() + ")");
      }
    }
  }

  /** The CHECK expression of a rule: a row passes unless the rule is certainly violated. */
  private static String check(Rule rule) {
    return "coalesce(NOT (" + rule.violatedWhen() + "), true)";
  }

  /** {@code rule_} and the rule's name in lower-case letters, digits and underscores. */
  public static String constraintName(Rule rule) {
    return "rule_" + rule.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
        .replaceAll("^_|_$", "");
  }

  private static final StructType RESULTS_SCHEMA = StructType.fromDDL(
      "run_id STRING COMMENT 'run that checked the day',"
      + " checked_at TIMESTAMP COMMENT 'when the run started',"
      + " dataset STRING COMMENT 'silver table (dataset) checked',"
      + " dt DATE COMMENT 'JST service day checked',"
      + " rule STRING COMMENT 'contract rule (quarantine reason) the rows broke',"
      + " failed_rows BIGINT COMMENT 'rows of the day that broke the rule'");
  /** The results table's dictionary entry. */
  public static final io.citylake.lake.TableDoc RESULTS_DOC = new io.citylake.lake.TableDoc(
      "Failed-row counts per conform run, dataset, service day and rule; a rule without a row"
          + " passed that day", List.of("run_id", "dataset", "dt", "rule"),
      io.citylake.lake.TableDoc.commentsOf(RESULTS_SCHEMA));

  /**
   * Appends this run's failed-row counts per day and rule (from the run's tallies); a rule
   * without a row for a rebuilt day passed on that day. A run commits those of its conform jobs
   * together ({@link io.citylake.job.Bookkeeping}).
   */
  public static void record(JobContext context, String dataset,
      List<ConformPlan.Tally> tallies) {
    java.sql.Timestamp checkedAt = java.sql.Timestamp.from(context.startedAt());
    List<Row> rows = tallies.stream()
        .filter(t -> ConformPlan.QUARANTINED.equals(t.status()))
        .map(t -> RowFactory.create(context.runId(), checkedAt, dataset,
            java.sql.Date.valueOf(t.day()), t.rule(), t.rows()))
        .toList();
    String path = context.tables().pathToWrite(TableRef.silver(RESULTS));
    context.record(new io.citylake.job.BookkeepingWrite(path, rows,
        null, QualityChecks::append));
  }

  /** Appends results, creating the table with the first (even when none failed). */
  private static void append(JobContext context, List<Row> rows, String appendOnly) {
    String path = context.tables().pathToWrite(TableRef.silver(RESULTS));
    if (rows.isEmpty() && DeltaTables.exists(context.spark(), path)) {
      return;
    }
    Dataset<Row> results = context.spark().createDataFrame(rows, RESULTS_SCHEMA);
    // blind appends of jobs side by side (in this JVM or other processes) do not conflict; the
    // first creation or a documentation change does, and the losing writer tries again
    DeltaRetry.onConflict("record the quality checks", () -> {
      if (!RESULTS_DOC.createWith(results, path, Map.of(), List.of())) {
        RESULTS_DOC.ensure(context.spark(), path);
        results.write().format("delta").mode("append").option("userMetadata", context.runId())
            .save(path);
      }
      return null;
    });
  }
}
