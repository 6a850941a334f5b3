package io.citylake.gold;

import io.citylake.job.JobContext;
import io.citylake.lake.DeltaTables;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Writes gold tables: creates each table with its first rows, description and column comments
 * (kept by Delta, so {@code DESCRIBE TABLE EXTENDED gold.x} explains it), then replaces only the
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
    String path = context.tables().pathToWrite(table.ref());
    Dataset<Row> conformed = conform(context, table, rows);
    if (!createdWith(table, path, conformed)) {
      conformed.write().format("delta").mode("overwrite")
          .option("replaceWhere", replaceWhere)
          .option("userMetadata", context.runId())
          .save(path);
    }
    return DeltaTables.lastCommit(context.spark(), path).outputRows();
  }

  /** Replaces the whole table's rows (small tables recomputed in full each night). */
  public static long overwrite(JobContext context, GoldTable table, Dataset<Row> rows) {
    String path = context.tables().pathToWrite(table.ref());
    Dataset<Row> conformed = conform(context, table, rows);
    if (!createdWith(table, path, conformed)) {
      conformed.write().format("delta").mode("overwrite")
          .option("userMetadata", context.runId())
          .save(path);
    }
    return DeltaTables.lastCommit(context.spark(), path).outputRows();
  }

  /** Creates a missing table with its first rows in one commit; false when it exists. */
  private static boolean createdWith(GoldTable table, String path, Dataset<Row> rows) {
    return DeltaTables.createWith(rows, path, table.description(), java.util.Map.of(),
        table.partitionBy());
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
