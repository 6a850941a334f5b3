package io.citylake.conform.gtfs;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import io.citylake.conform.Rule;
import io.citylake.ingest.BronzeColumns;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The checks every GTFS file goes through, on a staged dataset: typed silver columns, the bronze
 * lineage columns ({@link #LINEAGE}) and a {@code rule} column naming the first rule the row broke
 * (null while the row is good). A row that broke a rule is never checked again, so each bad row
 * lands in quarantine once, under its first problem.
 */
final class GtfsChecks {
  static final String RULE = "rule";
  static final String FEED_ID = "feed_id";
  /** Bronze columns a staged row keeps so that a quarantined row says where it came from. */
  static final List<String> LINEAGE = List.of(BronzeColumns.RAW, BronzeColumns.SOURCE_FILE,
      BronzeColumns.RUN_ID, BronzeColumns.INGESTED_AT, BronzeColumns.DT);

  private GtfsChecks() {}

  /**
   * {@code feed_id}, the given typed columns, the lineage columns of bronze lines and the bronze
   * {@code record}, which rules read to tell missing text from unparsable text.
   */
  static Dataset<Row> stage(Dataset<Row> lines, Column... typed) {
    List<Column> columns = new ArrayList<>();
    columns.add(col(FEED_ID));
    columns.add(col("record"));
    columns.addAll(Arrays.asList(typed));
    LINEAGE.forEach(name -> columns.add(col(name)));
    columns.add(lit(null).cast("string").as(RULE));
    return lines.select(columns.toArray(Column[]::new));
  }

  /** Flags each good row with the first of {@code rules} it breaks, in the order given. */
  static Dataset<Row> flag(Dataset<Row> staged, List<Rule> rules) {
    StringBuilder firstBroken = new StringBuilder("CASE");
    for (Rule rule : rules) {
      firstBroken.append(" WHEN (").append(rule.violatedWhen()).append(") THEN '")
          .append(rule.name().replace("'", "\\'")).append('\'');
    }
    firstBroken.append(" END");
    return staged.withColumn(RULE, coalesce(col(RULE), expr(firstBroken.toString())));
  }

  /**
   * Flags good rows whose {@code column} is not a key of {@code reference} in the same feed as
   * {@code unknown <column>}. The reference keys are broadcast: they are one feed's stops, trips or
   * routes, far smaller than the rows checked.
   */
  static Dataset<Row> requireKnown(Dataset<Row> staged, Dataset<Row> reference, String column) {
    Dataset<Row> keys = reference
        .select(col(FEED_ID).as("_known_feed"), col(column).as("_known_key"))
        .distinct().withColumn("_known", lit(true));
    Column sameKey = staged.col(FEED_ID).equalTo(keys.col("_known_feed"))
        .and(staged.col(column).equalTo(keys.col("_known_key")));
    Column unknown = when(col(column).isNotNull().and(col("_known").isNull()),
        lit("unknown " + column));
    return staged.join(broadcast(keys), sameKey, "left")
        .withColumn(RULE, coalesce(col(RULE), unknown))
        .drop("_known_feed", "_known_key", "_known");
  }

  /**
   * Keeps one good row per feed and key (the one with the smallest raw line, so re-runs keep the
   * same one) and flags the others {@code duplicate <key>}: every extra line is counted, exact
   * copies included. Shuffles by feed and key.
   */
  static Dataset<Row> flagDuplicates(Dataset<Row> staged, String... keys) {
    List<Column> partition = new ArrayList<>();
    partition.add(col(RULE).isNull());
    partition.add(col(FEED_ID));
    Arrays.stream(keys).forEach(key -> partition.add(col(key)));
    Column rank = row_number().over(Window.partitionBy(partition.toArray(Column[]::new))
        .orderBy(col(BronzeColumns.RAW), col(BronzeColumns.SOURCE_FILE)));
    Column duplicate = when(col(RULE).isNull().and(rank.gt(1)),
        lit("duplicate " + String.join("+", keys)));
    return staged.withColumn(RULE, coalesce(col(RULE), duplicate));
  }

  /** The good rows in {@code schema}'s column order, types and column comments. */
  static Dataset<Row> conformed(Dataset<Row> staged, StructType schema) {
    return typed(staged.filter(col(RULE).isNull()), schema);
  }

  /** {@code rows} in {@code schema}'s column order, types and column comments. */
  static Dataset<Row> typed(Dataset<Row> rows, StructType schema) {
    List<Column> columns = new ArrayList<>();
    for (StructField field : schema.fields()) {
      columns.add(col(field.name()).cast(field.dataType()).as(field.name(), field.metadata()));
    }
    return rows.select(columns.toArray(Column[]::new));
  }

  /** The flagged rows in the quarantine's columns. */
  static Dataset<Row> rejected(Dataset<Row> staged) {
    return staged.filter(col(RULE).isNotNull()).select(
        col(BronzeColumns.DT).as("dt"),
        col(BronzeColumns.SOURCE_FILE).as("source_file"),
        col(BronzeColumns.RAW).as("raw"),
        col(RULE).as("rule"),
        col(BronzeColumns.RUN_ID).as("ingest_run_id"),
        col(BronzeColumns.INGESTED_AT).as("ingested_at"));
  }

  /** {@code missing <column>}: a required value is empty. */
  static Rule missing(String column) {
    return new Rule("missing " + column, column + " IS NULL");
  }

  /** {@code unparsable <field>}: text is present but {@code parsed} could not read it. */
  static Rule unparsable(String field, String parsed) {
    return new Rule("unparsable " + field, GtfsSql.unparsable(field, parsed));
  }
}
