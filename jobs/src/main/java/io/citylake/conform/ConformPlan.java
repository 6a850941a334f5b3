package io.citylake.conform;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import io.citylake.ingest.BronzeColumns;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Classifies every bronze row of the days being rebuilt as {@code silver}, {@code quarantined}
 * (with the first rule it broke), {@code duplicate} (same natural key as a newer row) or
 * {@code superseded} (from an older version of a re-delivered file). Pure DataFrame code: one
 * shuffle for the natural-key window, broadcast joins for file versions and lookups.
 */
public final class ConformPlan {
  public static final String STATUS = "_status";
  public static final String REASON = "_reason";
  /** The raw field(s) to blame for a quarantined row, comma-separated, null when none is. */
  public static final String FIELD = "_field";
  /** The raw value(s) of {@link #FIELD}, as delivered. */
  public static final String VALUE = "_value";
  /** Rule of a line whose bytes do not decode in its file's encoding. */
  public static final String NOT_DECODABLE = "not_decodable";
  private static final String SOURCE_PREFIX = "_src_";
  /** Working column: the index of the first check a row fails. */
  private static final String CHECK = "_check";
  public static final String SILVER = "silver";
  public static final String QUARANTINED = "quarantined";
  public static final String DUPLICATE = "duplicate";
  public static final String SUPERSEDED = "superseded";
  private static final List<String> LINEAGE = List.of(
      BronzeColumns.DT, BronzeColumns.SOURCE_FILE, BronzeColumns.INGESTED_AT,
      BronzeColumns.RAW, BronzeColumns.RUN_ID, BronzeColumns.PARSE_ERROR);

  private final Conformer conformer;

  public ConformPlan(Conformer conformer) {
    this.conformer = conformer;
  }

  /**
   * @param bronze bronze rows of the days to rebuild, after {@link Conformer#prepare}
   * @param lookupKeys for each of the conformer's lookups, a one-column frame of known keys
   */
  public Dataset<Row> classify(Dataset<Row> bronze, List<Dataset<Row>> lookupKeys) {
    Dataset<Row> typed = typed(markCurrentVersion(bronze));
    List<Lookup> lookups = conformer.lookups();
    for (int i = 0; i < lookups.size(); i++) {
      Lookup lookup = lookups.get(i);
      Dataset<Row> keys = lookupKeys.get(i).toDF("_lk" + i).distinct();
      typed = typed.join(functions.broadcast(keys),
          col(lookup.column()).equalTo(col("_lk" + i)), "left");
    }
    List<Check> checks = checks();
    // which check a row fails first, found once; its reason, field and value are then read off
    java.util.Map<String, Column> parts = new java.util.LinkedHashMap<>();
    parts.put(REASON, ofFailed(checks, Check::reason));
    parts.put(FIELD, ofFailed(checks, c -> functions.lit(c.field()).cast("string")));
    parts.put(VALUE, ofFailed(checks, Check::value));
    Dataset<Row> reasoned = typed.withColumn(CHECK, firstFailed(checks)).withColumns(parts);
    return kept(withStatus(reasoned));
  }

  /** The silver table's schema: typed columns with their comments, then lineage columns. */
  public StructType silverSchema() {
    List<StructField> fields = new ArrayList<>();
    for (TypedColumn column : conformer.columns()) {
      fields.add(new StructField(column.name(), column.type(), true, comment(column.comment())));
    }
    fields.add(new StructField("dt", org.apache.spark.sql.types.DataTypes.DateType, false,
        comment("JST service day of the delivery partition")));
    fields.add(new StructField("_source_file", org.apache.spark.sql.types.DataTypes.StringType,
        false, comment("raw file the row came from")));
    fields.add(new StructField("_ingested_at", org.apache.spark.sql.types.DataTypes.TimestampType,
        false, comment("when bronze ingested the row")));
    return new StructType(fields.toArray(StructField[]::new));
  }

  /** Silver rows of a classified frame, in {@link #silverSchema()} order. */
  public Dataset<Row> silverRows(Dataset<Row> classified) {
    StructType schema = silverSchema();
    Column[] columns = java.util.Arrays.stream(schema.fields())
        .map(f -> col(f.name()).cast(f.dataType()).as(f.name(), f.metadata()))
        .toArray(Column[]::new);
    return classified.where(col(STATUS).equalTo(SILVER)).select(columns);
  }

  /** Quarantine rows of a classified frame, in {@link Quarantine#COLUMNS} order. */
  public static Dataset<Row> quarantineRows(Dataset<Row> classified) {
    return classified.where(col(STATUS).equalTo(QUARANTINED)).select(
        col("dt"), col(BronzeColumns.SOURCE_FILE).as("source_file"),
        col(BronzeColumns.RAW).as("raw"), col(REASON).as("rule"),
        col(BronzeColumns.RUN_ID).as("ingest_run_id"),
        col(BronzeColumns.INGESTED_AT).as("ingested_at"), col(FIELD).as("field"),
        col(VALUE).as("value"));
  }

  /**
   * One small aggregate per day, status and (for quarantined rows) rule, with the newest bronze
   * ingest: everything the accounting and the quality results need, in one collect.
   */
  public static List<Tally> tallies(Dataset<Row> classified) {
    return classified.groupBy(col("dt"), col(STATUS),
            functions.when(col(STATUS).equalTo(QUARANTINED), col(REASON)).as("rule"))
        .agg(functions.count(functions.lit(1)).as("rows"),
            functions.max(BronzeColumns.INGESTED_AT).as("latest"))
        .collectAsList().stream()
        .map(r -> new Tally(r.getDate(0).toLocalDate(), r.getString(1),
            r.isNullAt(2) ? null : r.getString(2), r.getLong(3), r.getTimestamp(4)))
        .toList();
  }

  /** Rows of one day with one status (and rule, for quarantined rows). */
  public record Tally(java.time.LocalDate day, String status, String rule, long rows,
      java.sql.Timestamp latestIngest) {}

  private static Dataset<Row> markCurrentVersion(Dataset<Row> bronze) {
    Dataset<Row> latest = bronze.groupBy(BronzeColumns.SOURCE_FILE)
        .agg(functions.max_by(col(BronzeColumns.SOURCE_SHA256), col(BronzeColumns.INGESTED_AT))
            .as("_latest_sha"))
        .withColumnRenamed(BronzeColumns.SOURCE_FILE, "_latest_file");
    return bronze.join(functions.broadcast(latest),
            col(BronzeColumns.SOURCE_FILE).equalTo(col("_latest_file")))
        .withColumn("_current", col(BronzeColumns.SOURCE_SHA256).equalTo(col("_latest_sha")));
  }

  /**
   * The typed columns and, per raw field, whether it was missing or unparsable. Each column's
   * expression is evaluated once per row (a first projection), then cast and checked from its
   * result (a second one): the checks used to evaluate it again.
   */
  private Dataset<Row> typed(Dataset<Row> bronze) {
    List<Column> evaluated = new ArrayList<>();
    List<Column> typed = new ArrayList<>();
    LINEAGE.forEach(name -> evaluated.add(col(name)));
    // bronze tables of older lakes have no such column until their next ingest
    evaluated.add(java.util.Arrays.asList(bronze.columns()).contains(BronzeColumns.RAW_BASE64)
        ? col(BronzeColumns.RAW_BASE64) : functions.lit(null).cast("string")
            .as(BronzeColumns.RAW_BASE64));
    evaluated.add(col("_current"));
    evaluated.forEach(passed -> typed.add(col(passed.named().name())));
    List<TypedColumn> typedColumns = conformer.columns();
    java.util.Set<String> sources = new java.util.LinkedHashSet<>();
    for (int i = 0; i < typedColumns.size(); i++) {
      TypedColumn column = typedColumns.get(i);
      evaluated.add(expr(column.sql()).as("_expr" + i));
      typed.add(col("_expr" + i).cast(column.type()).as(column.name()));
      if (column.source().isPresent()) {
        evaluated.add(expr("nullif(trim(" + column.source().get() + "), '') IS NOT NULL")
            .as("_present" + i));
        typed.add(functions.not(col("_present" + i)).as("_missing" + i));
        typed.add(col("_present" + i).and(col("_expr" + i).isNull()).as("_unparsable" + i));
        sources.add(column.source().get());
      }
    }
    // the delivered text of each field, to show a quarantined row's bad value; dropped after
    sources.forEach(source -> {
      evaluated.add(col(source).cast("string").as(SOURCE_PREFIX + source));
      typed.add(col(SOURCE_PREFIX + source));
    });
    return bronze.select(evaluated.toArray(Column[]::new)).select(typed.toArray(Column[]::new));
  }

  /** One reason a row can be quarantined, in the order they are tried, with what to blame. */
  private record Check(Column when, Column reason, String field, Column value) {}

  /** The index of the first check a row fails, null when it passes them all. */
  private static Column firstFailed(List<Check> checks) {
    Column first = null;
    for (int i = 0; i < checks.size(); i++) {
      Column when = checks.get(i).when();
      first = first == null ? functions.when(when, i) : first.when(when, i);
    }
    return first;
  }

  /** A part of the check in {@link #CHECK}; a row that passed (most rows) costs one test. */
  private static Column ofFailed(List<Check> checks,
      java.util.function.Function<Check, Column> part) {
    Column chained = functions.when(col(CHECK).isNull(), functions.lit(null).cast("string"));
    for (int i = 0; i < checks.size(); i++) {
      chained = chained.when(col(CHECK).equalTo(i), part.apply(checks.get(i)));
    }
    return chained;
  }

  /**
   * The columns the writes read (silver's, the quarantine's and the tallies'), so the cached
   * rows leave out the checks' working columns.
   */
  private Dataset<Row> kept(Dataset<Row> classified) {
    List<Column> kept = new ArrayList<>();
    LINEAGE.forEach(name -> kept.add(col(name)));
    conformer.columns().forEach(c -> kept.add(col(c.name())));
    List.of(REASON, FIELD, VALUE, STATUS).forEach(name -> kept.add(col(name)));
    return classified.select(kept.toArray(Column[]::new));
  }

  /**
   * Undecodable bytes first, then unparsable lines, missing and unparsable fields, the
   * conformer's rules and its lookups: a row is quarantined for the first one it fails.
   */
  private List<Check> checks() {
    List<Check> checks = new ArrayList<>();
    Column none = functions.lit(null).cast("string");
    checks.add(new Check(col(BronzeColumns.RAW_BASE64).isNotNull(),
        functions.lit(NOT_DECODABLE), null, none));
    checks.add(new Check(col(BronzeColumns.PARSE_ERROR).isNotNull(),
        functions.concat(functions.lit("unparsable line: "), col(BronzeColumns.PARSE_ERROR)),
        null, none));
    List<TypedColumn> columns = conformer.columns();
    for (int i = 0; i < columns.size(); i++) {
      TypedColumn column = columns.get(i);
      if (column.source().isPresent() && column.required()) {
        checks.add(new Check(col("_missing" + i), functions.lit("missing " + column.source().get()),
            column.source().get(), deliveredValue(column.source().get())));
      }
    }
    for (int i = 0; i < columns.size(); i++) {
      TypedColumn column = columns.get(i);
      if (column.source().isPresent()) {
        checks.add(new Check(col("_unparsable" + i),
            functions.lit("unparsable " + column.source().get()), column.source().get(),
            deliveredValue(column.source().get())));
      }
    }
    for (Rule rule : conformer.rules()) {
      List<String> fields = rule.fields().stream().map(this::rawField).toList();
      checks.add(new Check(expr(rule.violatedWhen()), functions.lit(rule.name()),
          fields.isEmpty() ? null : String.join(", ", fields),
          fields.isEmpty() ? none : functions.concat_ws(", ", rule.fields().stream()
              .map(this::deliveredValue).toArray(Column[]::new))));
    }
    List<Lookup> lookups = conformer.lookups();
    for (int i = 0; i < lookups.size(); i++) {
      String column = lookups.get(i).column();
      checks.add(new Check(col(column).isNotNull().and(col("_lk" + i).isNull()),
          functions.lit(lookups.get(i).ruleName()), rawField(column), deliveredValue(column)));
    }
    return checks;
  }

  /** The raw field a typed column comes from (its own name for derived columns). */
  private String rawField(String typedColumn) {
    return conformer.columns().stream().filter(c -> c.name().equals(typedColumn))
        .flatMap(c -> c.source().stream()).findFirst().orElse(typedColumn);
  }

  /**
   * The delivered text of a column's raw field (a typed column's, or a raw field named directly),
   * or the typed value of a derived column; empty rather than null, so joined values line up.
   */
  private Column deliveredValue(String column) {
    String field = rawField(column);
    boolean delivered = conformer.columns().stream()
        .anyMatch(c -> c.source().isPresent() && c.source().get().equals(field));
    Column value = delivered ? col(SOURCE_PREFIX + field) : col(column).cast("string");
    return functions.coalesce(value, functions.lit(""));
  }

  private Dataset<Row> withStatus(Dataset<Row> reasoned) {
    Column valid = col("_current").and(col(REASON).isNull());
    List<Column> partition = new ArrayList<>(List.of(valid));
    conformer.naturalKey().forEach(key -> partition.add(col(key)));
    Column rank = functions.row_number().over(Window.partitionBy(partition.toArray(Column[]::new))
        .orderBy(col(BronzeColumns.INGESTED_AT).desc(), col(BronzeColumns.SOURCE_FILE).desc(),
            col(BronzeColumns.RAW)));
    Column status = functions.when(functions.not(col("_current")), SUPERSEDED)
        .when(col(REASON).isNotNull(), QUARANTINED)
        .when(rank.equalTo(1), SILVER)
        .otherwise(DUPLICATE);
    return reasoned.withColumn(STATUS, status);
  }

  private static Metadata comment(String text) {
    return new MetadataBuilder().putString("comment", text).build();
  }

}
