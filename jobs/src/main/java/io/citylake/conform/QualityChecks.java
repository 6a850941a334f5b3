package io.citylake.conform;

import io.citylake.job.JobContext;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import scala.collection.JavaConverters;

/**
 * Data quality as code. Every contract rule of a conformer becomes a Delta CHECK constraint on its
 * silver table, so no writer (a backfill, a hand-made fix) can ever put a rule-breaking row into
 * silver; and each run stores how many rows broke which rule per day in {@code silver.dq_results},
 * so quality can be trended across nights.
 */
public final class QualityChecks {
  public static final String RESULTS = "dq_results";

  private QualityChecks() {}

  /** Adds the conformer's rules as CHECK constraints the silver table does not have yet. */
  public static void enforce(JobContext context, Conformer conformer, String silverPath) {
    Row detail = context.spark().sql("DESCRIBE DETAIL delta.`" + silverPath + "`").first();
    Map<String, String> properties =
        JavaConverters.mapAsJavaMap(detail.getMap(detail.fieldIndex("properties")));
    for (Rule rule : conformer.rules()) {
      String name = constraintName(rule);
      if (!properties.containsKey("delta.constraints." + name)) {
        context.spark().sql("ALTER TABLE delta.`" + silverPath + "` ADD CONSTRAINT " + name
            + " CHECK (coalesce(NOT (" + rule.violatedWhen() + "), true))");
      }
    }
  }

  /** {@code rule_} and the rule's name in lower-case letters, digits and underscores. */
  public static String constraintName(Rule rule) {
    return "rule_" + rule.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
        .replaceAll("^_|_$", "");
  }

  /**
   * Appends this run's failed-row counts per day and rule (from the classified rows); a rule
   * without a row for a rebuilt day passed on that day.
   */
  public static void record(JobContext context, String dataset, Dataset<Row> classified) {
    Dataset<Row> results = classified
        .where(functions.col(ConformPlan.STATUS).equalTo(ConformPlan.QUARANTINED))
        .groupBy(functions.col("dt"), functions.col(ConformPlan.REASON).as("rule"))
        .agg(functions.count(functions.lit(1)).as("failed_rows"))
        .withColumn("dataset", functions.lit(dataset))
        .withColumn("run_id", functions.lit(context.runId()))
        .withColumn("checked_at", functions.lit(java.sql.Timestamp.from(context.startedAt())))
        .select("run_id", "checked_at", "dataset", "dt", "rule", "failed_rows");
    synchronized (QualityChecks.class) {
      results.write().format("delta").mode("append").option("userMetadata", context.runId())
          .save(context.paths().silver(RESULTS));
    }
  }
}
