package io.citylake.deploy;

import io.citylake.kpi.GoldTable;
import io.citylake.kpi.KpiWatermarks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The gold tables of two lakes side by side, read from their Delta folders: which tables each
 * has, and per table the rows one has that the other lacks (as multisets), ignoring only the
 * columns that record when and by which run the row was written: {@code build_run_id} of every
 * gold table and {@code latest_ingest} of {@code kpi_watermarks} (the wall-clock time the lake's
 * bronze ingest ran, which two runs never share).
 */
final class GoldComparison {
  private GoldComparison() {}

  /** One table's difference: rows only in the first lake, rows only in the second. */
  record TableDiff(String table, long rows, long onlyFirst, long onlySecond) {
    boolean equal() {
      return onlyFirst == 0 && onlySecond == 0;
    }
  }

  /** The gold tables of a lake: folders below {@code gold/} with a Delta log, by name. */
  static List<String> tables(Path lake) throws IOException {
    Path gold = lake.resolve("gold");
    if (!Files.isDirectory(gold)) {
      return List.of();
    }
    try (Stream<Path> dirs = Files.list(gold)) {
      return dirs.filter(d -> Files.isDirectory(d.resolve("_delta_log")))
          .map(d -> d.getFileName().toString()).sorted().toList();
    }
  }

  /** Per table of {@code tables}, the rows of {@code first} and how the two lakes differ. */
  static List<TableDiff> compare(SparkSession spark, Path first, Path second,
      List<String> tables) {
    List<TableDiff> diffs = new ArrayList<>();
    for (String table : tables) {
      Dataset<Row> a = read(spark, first, table);
      Dataset<Row> b = read(spark, second, table);
      diffs.add(new TableDiff(table, a.count(), a.exceptAll(b).count(), b.exceptAll(a).count()));
    }
    return diffs;
  }

  private static Dataset<Row> read(SparkSession spark, Path lake, String table) {
    Dataset<Row> rows = spark.read().format("delta")
        .load(lake.resolve("gold").resolve(table).toUri().toString());
    Set<String> ignored = KpiWatermarks.TABLE.equals(table)
        ? Set.of(GoldTable.BUILD_RUN_ID, "latest_ingest") : Set.of(GoldTable.BUILD_RUN_ID);
    for (String column : rows.columns()) {
      if (ignored.contains(column)) {
        rows = rows.drop(column);
      }
    }
    return rows;
  }
}
