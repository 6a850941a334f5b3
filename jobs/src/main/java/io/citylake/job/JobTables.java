package io.citylake.job;

import io.citylake.lake.CityLakeException;
import io.citylake.lake.DeltaTables;
import io.citylake.lake.LakePaths;
import io.citylake.lake.Layer;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The lake's Delta tables as one job may touch them: it reads what it declares as an input or an
 * output, and writes what it declares as an output. The pipeline orders jobs by those
 * declarations alone, so an undeclared read is a race (the reader may run before the writer, or
 * beside it) that no test of the job by itself shows; here it fails at once, naming the job and
 * the table. A job that declares a slice of a shared table ({@code quarantine.rejected_rows[x]})
 * may read and write that table; which rows it touches is its own business.
 *
 * <p>A context built outside the pipeline (a tool, a test running one job by hand) has no job
 * and checks nothing; the runner gives each job a context that checks ({@link
 * JobContext#forJob}).
 */
public final class JobTables {
  private final SparkSession spark;
  private final LakePaths paths;
  private final Optional<Declared> declared;

  /** A job's declared tables, each as the whole table a slice belongs to. */
  private record Declared(String job, Set<TableRef> readable, Set<TableRef> writable) {}

  private JobTables(SparkSession spark, LakePaths paths, Optional<Declared> declared) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.paths = Objects.requireNonNull(paths, "paths");
    this.declared = declared;
  }

  /** Every table of the lake, unchecked: for contexts that no job runs in. */
  public static JobTables unchecked(SparkSession spark, LakePaths paths) {
    return new JobTables(spark, paths, Optional.empty());
  }

  /** The tables {@code job} declares. */
  public static JobTables of(Job job, SparkSession spark, LakePaths paths) {
    Set<TableRef> writable = wholes(job.outputs().stream());
    Set<TableRef> readable = wholes(Stream.concat(job.inputs().stream(), job.outputs().stream()));
    return new JobTables(spark, paths, Optional.of(new Declared(job.name(), readable, writable)));
  }

  private static Set<TableRef> wholes(Stream<TableRef> tables) {
    return tables.filter(t -> Layer.TABLE_LAYERS.contains(t.layer())).map(TableRef::whole)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The table's rows as of its newest version. */
  public Dataset<Row> read(TableRef table) {
    return spark.read().format("delta").load(pathToRead(table));
  }

  /** The table's rows as of {@code version}. */
  public Dataset<Row> readAsOf(TableRef table, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(pathToRead(table));
  }

  /** Whether the table has been created (a Delta table is at its path). */
  public boolean exists(TableRef table) {
    return DeltaTables.exists(spark, pathToRead(table));
  }

  /** Where a table the job reads is, for what reads it by path (its log, its commits). */
  public String pathToRead(TableRef table) {
    declared.ifPresent(d -> require(d, d.readable(), table, "reads", "an input or output"));
    return paths.layer(table.layer(), table.table());
  }

  /** Where a table the job writes is. */
  public String pathToWrite(TableRef table) {
    declared.ifPresent(d -> require(d, d.writable(), table, "writes", "an output"));
    return paths.layer(table.layer(), table.table());
  }

  private static void require(Declared d, Set<TableRef> allowed, TableRef table, String verb,
      String declaredAs) {
    if (!allowed.contains(table.whole())) {
      throw CityLakeException.failed("run " + d.job(), "it " + verb + " " + table.whole()
          + ", which it does not declare as " + declaredAs
          + " (the pipeline orders jobs by their declarations)", null);
    }
  }
}
