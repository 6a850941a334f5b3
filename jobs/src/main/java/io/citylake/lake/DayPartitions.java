package io.citylake.lake;

import static org.apache.spark.sql.functions.col;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;

/**
 * The lake's tables are partitioned by service day ({@code dt}); these are the two things every
 * layer does with that: name the days a write replaces or a read prunes to, and keep, of rows
 * re-delivered across days, the one from the newest day.
 */
public final class DayPartitions {
  private DayPartitions() {}

  /** {@code dt IN (DATE'..', ...)}, for a {@code replaceWhere} predicate or a pruned read. */
  public static String inDays(List<LocalDate> days) {
    return "dt IN (" + days.stream().map(d -> "DATE'" + d + "'")
        .collect(Collectors.joining(", ")) + ")";
  }

  /**
   * Each key's row from the newest {@code dt} partition (the newest {@code _ingested_at} on
   * ties): a panel report re-delivered on a later day replaces the earlier one.
   */
  public static Dataset<Row> newestPerKey(Dataset<Row> rows, String... key) {
    Column[] keys = Arrays.stream(key).map(functions::col).toArray(Column[]::new);
    return rows.withColumn("_rank", functions.row_number().over(Window.partitionBy(keys)
            .orderBy(col("dt").desc(), col("_ingested_at").desc())))
        .where(col("_rank").equalTo(1)).drop("_rank");
  }
}
