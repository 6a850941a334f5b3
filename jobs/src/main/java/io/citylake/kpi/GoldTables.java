package io.citylake.kpi;

import io.citylake.job.JobContext;
import io.citylake.lake.DeltaTables;
import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Writes gold tables: creates each table once with its description and column comments (kept
 * by Delta, so {@code DESCRIBE TABLE EXTENDED gold.x} explains it), then replaces only the
 * partitions a night recomputed ({@code replaceWhere}) or, for small tables, the whole table.
 */
public final class GoldTables {
  private GoldTables() {}

  /**
   * Replaces the rows matching {@code replaceWhere} with {@code rows}; returns rows written.
   * {@code rows} must have every column of {@code table} except {@code build_run_id}.
   */
  public static long replace(JobContext context, GoldTable table, Dataset<Row> rows,
      String replaceWhere) {
    String path = ensureCreated(context, table);
    conform(context, table, rows).write().format("delta").mode("overwrite")
        .option("replaceWhere", replaceWhere)
        .option("userMetadata", context.runId())
        .save(path);
    return DeltaTables.lastCommit(context.spark(), path).outputRows();
  }

  /** Replaces the whole table's rows (small tables recomputed in full each night). */
  public static long overwrite(JobContext context, GoldTable table, Dataset<Row> rows) {
    String path = ensureCreated(context, table);
    conform(context, table, rows).write().format("delta").mode("overwrite")
        .option("userMetadata", context.runId())
        .save(path);
    return DeltaTables.lastCommit(context.spark(), path).outputRows();
  }

  /** Creates the empty table with its description and comments unless it exists. */
  public static String ensureCreated(JobContext context, GoldTable table) {
    String path = context.paths().gold(table.name());
    if (!DeltaTables.exists(context.spark(), path)) {
      DeltaTable.createIfNotExists(context.spark())
          // Delta compares locations textually: file:/x, not file:///x
          .location(new org.apache.hadoop.fs.Path(path).toString())
          .comment(table.description())
          .addColumns(table.schema())
          .partitionedBy(table.partitionBy().toArray(String[]::new))
          .execute();
    }
    return path;
  }

  /** The table's columns in order, typed and commented, stamped with the run id. */
  private static Dataset<Row> conform(JobContext context, GoldTable table, Dataset<Row> rows) {
    Dataset<Row> stamped = rows.withColumn(GoldTable.BUILD_RUN_ID,
        functions.lit(context.runId()));
    List<Column> columns = new ArrayList<>();
    for (GoldColumn column : table.columns()) {
      columns.add(stamped.col(column.name()).cast(column.type())
          .as(column.name(), column.metadata()));
    }
    return stamped.select(columns.toArray(Column[]::new));
  }
}
