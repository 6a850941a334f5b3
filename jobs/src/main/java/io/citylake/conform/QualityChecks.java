package io.citylake.conform;

import io.citylake.job.JobContext;
import io.citylake.lake.DeltaTables;
import io.delta.tables.DeltaTable;
import io.delta.tables.DeltaTableBuilder;
import java.util.Locale;
import java.util.Map;
import java.util.List;
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

  /**
   * Makes sure the silver table exists with every rule of the conformer as a CHECK constraint,
   * before rows are written. A new table is created with all its constraints in one commit (an
   * {@code ADD CONSTRAINT} per rule would be one commit and one validating scan each); an
   * existing table only gets the rules it lacks, read from its cached snapshot.
   */
  public static void enforce(JobContext context, Conformer conformer, String silverPath,
      StructType schema) {
    if (!DeltaTables.exists(context.spark(), silverPath)) {
      DeltaTableBuilder builder = DeltaTable.createIfNotExists(context.spark())
          // Delta compares locations textually: file:/x, not file:///x
          .location(new org.apache.hadoop.fs.Path(silverPath).toString())
          .comment(conformer.description())
          .property(io.citylake.lake.TableDoc.GRAIN, String.join(", ", conformer.naturalKey()))
          .addColumns(schema)
          .partitionedBy("dt");
      for (Rule rule : conformer.rules()) {
        builder = builder.property("delta.constraints." + constraintName(rule), check(rule));
      }
      builder.execute();
      return;
    }
    Map<String, String> properties = DeltaTables.properties(context.spark(), silverPath);
    for (Rule rule : conformer.rules()) {
      String name = constraintName(rule);
      if (!properties.containsKey("delta.constraints." + name)) {
        context.spark().sql("ALTER TABLE delta.`" + silverPath + "` ADD CONSTRAINT " + name
            + " CHECK (" + check(rule) + ")");
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
   * without a row for a rebuilt day passed on that day.
   */
  public static void record(JobContext context, String dataset,
      List<ConformPlan.Tally> tallies) {
    java.sql.Timestamp checkedAt = java.sql.Timestamp.from(context.startedAt());
    List<Row> rows = tallies.stream()
        .filter(t -> ConformPlan.QUARANTINED.equals(t.status()))
        .map(t -> RowFactory.create(context.runId(), checkedAt, dataset,
            java.sql.Date.valueOf(t.day()), t.rule(), t.rows()))
        .toList();
    if (rows.isEmpty() && DeltaTables.exists(context.spark(), context.paths().silver(RESULTS))) {
      return;
    }
    synchronized (QualityChecks.class) {
      RESULTS_DOC.create(context.spark(), context.paths().silver(RESULTS), RESULTS_SCHEMA);
      RESULTS_DOC.ensure(context.spark(), context.paths().silver(RESULTS));
      context.spark().createDataFrame(rows, RESULTS_SCHEMA)
          .write().format("delta").mode("append").option("userMetadata", context.runId())
          .save(context.paths().silver(RESULTS));
    }
  }
}
