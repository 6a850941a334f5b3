package io.citylake.lake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.actions.Metadata;
import org.apache.spark.sql.types.StructField;
import scala.collection.JavaConverters;

/**
 * What a table is, for the data dictionary: its comment, its grain (the columns that identify a
 * row) and a comment per column, kept in the table's own Delta metadata (description, the
 * {@value #GRAIN} property, column comments), so {@code DESCRIBE TABLE EXTENDED} and
 * {@code citylake dictionary} read it from the table and cannot drift from it.
 *
 * <p>{@link #ensure} runs after a table's writer: a table created with its comments costs one
 * commit, once; a table of an older lake gets what it lacks; a documented table costs a read of
 * its cached snapshot and no commit.
 */
public record TableDoc(String comment, List<String> grain, Map<String, String> columns) {
  /** Table property holding the grain, comma-separated. */
  public static final String GRAIN = "citylake.grain";

  public TableDoc {
    grain = List.copyOf(grain);
    columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
  }

  /** Column comments as Spark metadata, to attach to a written frame's columns. */
  public static org.apache.spark.sql.types.Metadata metadata(String comment) {
    return new org.apache.spark.sql.types.MetadataBuilder().putString("comment", comment).build();
  }

  /**
   * Sets the table's comment and grain and the comments of its columns where they differ from
   * this doc (columns the doc does not name keep theirs); nothing when the table does not exist.
   */
  public void ensure(SparkSession spark, String path) {
    if (!DeltaTables.exists(spark, path)) {
      return;
    }
    Metadata metadata = DeltaTables.snapshot(spark, path).metadata();
    Map<String, String> properties = JavaConverters.mapAsJavaMap(metadata.configuration());
    String grainText = String.join(", ", grain);
    if (!comment.equals(metadata.description()) || !grainText.equals(properties.get(GRAIN))) {
      spark.sql("ALTER TABLE delta.`" + path + "` SET TBLPROPERTIES ('comment' = '"
          + escape(comment) + "', '" + GRAIN + "' = '" + escape(grainText) + "')");
    }
    for (StructField field : metadata.schema().fields()) {
      String wanted = columns.get(field.name());
      String current = field.getComment().isDefined() ? field.getComment().get() : null;
      if (wanted != null && !wanted.equals(current)) {
        spark.sql("ALTER TABLE delta.`" + path + "` ALTER COLUMN `" + field.name()
            + "` COMMENT '" + escape(wanted) + "'");
      }
    }
  }

  /**
   * Creates the empty table with its comment, grain, columns ({@code schema}, with their comments)
   * and partitioning unless it exists, so a documented table costs no extra commit. Jobs running
   * side by side may race to create it; losing that race is fine.
   */
  public synchronized void create(SparkSession spark, String path,
      org.apache.spark.sql.types.StructType schema, String... partitionBy) {
    for (int attempt = 0; !DeltaTables.exists(spark, path); attempt++) {
      try {
        io.delta.tables.DeltaTable.createIfNotExists(spark)
            // Delta compares locations textually: file:/x, not file:///x
            .location(new org.apache.hadoop.fs.Path(path).toString())
            .comment(comment)
            .property(GRAIN, String.join(", ", grain))
            .addColumns(schema)
            .partitionedBy(partitionBy)
            .execute();
      } catch (RuntimeException e) {
        if (attempt >= 2) {
          throw e;
        }
      }
    }
  }

  /**
   * Creates the missing table at {@code path} with {@code rows} (commented by this doc) as its
   * first commit, with this doc's comment and grain and the given extra table properties;
   * false, writing nothing, when the table exists ({@link DeltaTables#createWith}).
   */
  public boolean createWith(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows,
      String path, Map<String, String> properties, List<String> partitionBy) {
    Map<String, String> all = new LinkedHashMap<>(properties);
    all.put(GRAIN, String.join(", ", grain));
    return DeltaTables.createWith(commented(rows), path, comment, all, partitionBy);
  }

  /**
   * Replaces the table's rows with {@code rows} (commented by this doc) in one commit whose text
   * ({@link DeltaTables#lastCommit}) is {@code marker}: the first rows create the table with this
   * doc's comment and grain ({@link DeltaTables#CREATION_MARKER}); later rows overwrite it,
   * schema included, and keep its comment and grain.
   */
  public void replaceRows(org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows,
      String path, String marker) {
    org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> commented = commented(rows);
    if (!createWith(commented, path, Map.of(DeltaTables.CREATION_MARKER, marker), List.of())) {
      commented.write().format("delta").mode("overwrite").option("overwriteSchema", "true")
          .option("userMetadata", marker).save(path);
    }
  }

  /** The frame's columns with this doc's comments attached, for a writer that creates them. */
  public org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> commented(
      org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> rows) {
    return rows.select(java.util.Arrays.stream(rows.columns())
        .map(name -> columns.containsKey(name)
            ? org.apache.spark.sql.functions.col(name).as(name, metadata(columns.get(name)))
            : org.apache.spark.sql.functions.col(name))
        .toArray(org.apache.spark.sql.Column[]::new));
  }

  /** The comments of a schema's columns, by name (for schemas written with comments). */
  public static Map<String, String> commentsOf(org.apache.spark.sql.types.StructType schema) {
    return java.util.Arrays.stream(schema.fields()).filter(f -> f.getComment().isDefined())
        .collect(Collectors.toMap(StructField::name, f -> f.getComment().get(), (a, b) -> a,
            LinkedHashMap::new));
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("'", "\\'");
  }
}
