package io.citylake.conform;

import io.citylake.lake.CityLakeException;
import io.citylake.lake.DeltaTables;
import io.citylake.lake.LakePaths;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * What was rejected and why, per dataset and kind of rule, so an operator can see at a glance
 * whether a night's quarantine is the usual dirt or a provider that changed its format. Rules
 * that differ only in a number ({@code truncated at column 57}, {@code at column 61}) are one
 * kind ({@code at column N}); each kind comes with one example: its file, rule, the field that
 * broke it with the delivered value, and the raw line. Examples hold raw identifiers:
 * {@link IdentifierMask} masks them for the screen.
 */
public final class QuarantineSummary {

  /** Quarantined rows of one dataset for one kind of rule, with one example. */
  public record KindCount(String dataset, String kind, long rows, long rules, Example example) {}

  /**
   * One quarantined row: the file it came from, its exact rule, the field(s) to blame and their
   * delivered value(s) (null when no single field is to blame), and its raw line.
   */
  public record Example(String sourceFile, String rule, String field, String value, String raw) {}

  private final SparkSession spark;
  private final LakePaths paths;

  public QuarantineSummary(SparkSession spark, LakePaths paths) {
    this.spark = spark;
    this.paths = paths;
  }

  /** The kind of a rule: its numbers replaced by {@code N}, so column numbers do not split it. */
  public static String kind(String rule) {
    return rule == null ? null : rule.replaceAll("\\b\\d+\\b", "N");
  }

  /** The latest service day that has quarantined rows, if any. */
  public Optional<LocalDate> latestDay() {
    if (!DeltaTables.exists(spark, Quarantine.path(paths))) {
      return Optional.empty();
    }
    Row row = table().agg(functions.max("dt")).first();
    return row.isNullAt(0) ? Optional.empty() : Optional.of(row.getDate(0).toLocalDate());
  }

  /** Counts for {@code day} by dataset and kind of rule, largest first. */
  public List<KindCount> forDay(LocalDate day) {
    if (!DeltaTables.exists(spark, Quarantine.path(paths))) {
      throw CityLakeException.badInput("show the quarantine",
          "the lake has no quarantine yet; run the nightly pipeline first",
          Quarantine.path(paths));
    }
    Dataset<Row> table = table();
    List<String> columns = Arrays.asList(table.columns());
    // quarantines of older lakes have no field and value until their next conform
    Column field = columns.contains("field") ? functions.col("field") : functions.lit(null);
    Column value = columns.contains("value") ? functions.col("value") : functions.lit(null);
    Column example = functions.struct(functions.col("raw"), functions.col("source_file"),
        functions.col("rule"), field.cast("string").as("field"),
        value.cast("string").as("value"));
    return table.where(functions.col("dt").equalTo(functions.lit(java.sql.Date.valueOf(day))))
        .withColumn("kind", functions.regexp_replace(functions.col("rule"), "\\b\\d+\\b", "N"))
        .groupBy("dataset", "kind")
        .agg(functions.count(functions.lit(1)).as("rows"),
            functions.countDistinct(functions.col("rule")).as("rules"),
            functions.min(example).as("example"))
        .orderBy(functions.col("rows").desc(), functions.col("dataset"), functions.col("kind"))
        .collectAsList().stream()
        .map(r -> {
          Row e = r.getStruct(4);
          return new KindCount(r.getString(0), r.getString(1), r.getLong(2), r.getLong(3),
              new Example(e.getString(1), e.getString(2), e.getString(3), e.getString(4),
                  e.getString(0)));
        })
        .toList();
  }

  private Dataset<Row> table() {
    return spark.read().format("delta").load(Quarantine.path(paths));
  }
}
