package io.citylake.conform;

import io.citylake.lake.CityLakeException;
import io.citylake.lake.DeltaTables;
import io.citylake.lake.LakePaths;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * What was rejected and why, per dataset and rule, so an operator can see at a glance whether a
 * night's quarantine is the usual dirt or a provider that changed its format.
 */
public final class QuarantineSummary {

  /** Quarantined rows of one dataset for one rule, with one example raw line. */
  public record RuleCount(String dataset, String rule, long rows, String example) {}

  private final SparkSession spark;
  private final LakePaths paths;

  public QuarantineSummary(SparkSession spark, LakePaths paths) {
    this.spark = spark;
    this.paths = paths;
  }

  /** The latest service day that has quarantined rows, if any. */
  public Optional<LocalDate> latestDay() {
    if (!DeltaTables.exists(spark, paths.bronze(Quarantine.TABLE))) {
      return Optional.empty();
    }
    Row row = table().agg(functions.max("dt")).first();
    return row.isNullAt(0) ? Optional.empty() : Optional.of(row.getDate(0).toLocalDate());
  }

  /** Counts for {@code day}, largest first. */
  public List<RuleCount> forDay(LocalDate day) {
    if (!DeltaTables.exists(spark, paths.bronze(Quarantine.TABLE))) {
      throw CityLakeException.badInput("show the quarantine",
          "the lake has no quarantine yet; run the nightly pipeline first",
          paths.bronze(Quarantine.TABLE));
    }
    return table().where(functions.col("dt").equalTo(functions.lit(java.sql.Date.valueOf(day))))
        .groupBy("dataset", "rule")
        .agg(functions.count(functions.lit(1)).as("rows"), functions.min("raw").as("example"))
        .orderBy(functions.col("rows").desc(), functions.col("dataset"), functions.col("rule"))
        .collectAsList().stream()
        .map(r -> new RuleCount(r.getString(0), r.getString(1), r.getLong(2), r.getString(3)))
        .toList();
  }

  private Dataset<Row> table() {
    return spark.read().format("delta").load(paths.bronze(Quarantine.TABLE));
  }
}
