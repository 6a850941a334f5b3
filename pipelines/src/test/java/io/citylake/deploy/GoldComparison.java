package io.citylake.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertAll;

import io.citylake.gold.GoldTable;
import io.citylake.gold.KpiWatermarks;
import io.citylake.testing.DataFrameEquality;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.function.Executable;

/**
 * The gold tables of two lakes side by side, read from their Delta folders: which tables each
 * has, and per table whether both hold the same rows as multisets (spark-testing-base's
 * comparison, {@link DataFrameEquality}), ignoring only the
 * columns that record when and by which run the row was written: {@code build_run_id} of every
 * gold table and {@code latest_ingest} of {@code kpi_watermarks} (the wall-clock time the lake's
 * bronze ingest ran, which two runs never share). A lake is a local folder or a Hadoop URI
 * ({@code hdfs://}, {@code s3a://}), listed and read through Hadoop's file systems.
 */
final class GoldComparison {
  private GoldComparison() {}

  /**
   * The gold tables of the lake at {@code lake} (a Hadoop URI): folders below {@code gold/} with
   * a Delta log, by name.
   */
  static List<String> tables(Configuration conf, String lake) throws IOException {
    org.apache.hadoop.fs.Path gold = new org.apache.hadoop.fs.Path(lake + "/gold");
    FileSystem fs = gold.getFileSystem(conf);
    if (!fs.exists(gold)) {
      return List.of();
    }
    List<String> tables = new ArrayList<>();
    for (FileStatus dir : fs.listStatus(gold)) {
      if (dir.isDirectory() && fs.exists(new org.apache.hadoop.fs.Path(dir.getPath(), "_delta_log"))) {
        tables.add(dir.getPath().getName());
      }
    }
    return tables.stream().sorted().toList();
  }

  /**
   * Asserts that the gold of {@code lake} equals the gold of {@code reference} (both Hadoop URIs):
   * the same tables, more than 20 of them, more than 1,000 rows, and no table whose rows differ.
   * {@code night} names the tested night in the messages.
   */
  static void assertSameGold(SparkSession spark, String lake, String reference, String night)
      throws IOException {
    Configuration conf = spark.sparkContext().hadoopConfiguration();
    List<String> tables = tables(conf, reference);
    assertThat(tables).as("gold tables of the reference night").hasSizeGreaterThan(20);
    assertThat(tables(conf, lake)).as("gold tables of %s", night).isEqualTo(tables);
    long rows = 0;
    List<Executable> comparisons = new ArrayList<>();
    for (String table : tables) {
      Dataset<Row> expected = read(spark, reference, table);
      Dataset<Row> actual = read(spark, lake, table);
      if (rows <= 1000) { // counted only until the floor below is passed; the comparison counts too
        rows += expected.count();
      }
      comparisons.add(() -> DataFrameEquality.assertDataFrameNoOrderEquals(
          "gold." + table + " of " + night + " against the reference night", expected, actual));
    }
    assertThat(rows).as("gold rows of the reference night").isGreaterThan(1000);
    assertAll("gold tables whose rows differ (" + night + ")", comparisons);
  }

  /** A local folder as a URI without the trailing slash {@code Path.toUri} gives folders. */
  static String uri(Path lake) {
    return lake.toAbsolutePath().toUri().toString().replaceAll("/+$", "");
  }

  private static Dataset<Row> read(SparkSession spark, String lake, String table) {
    Dataset<Row> rows = spark.read().format("delta").load(lake + "/gold/" + table);
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
