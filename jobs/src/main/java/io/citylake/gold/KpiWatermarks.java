package io.citylake.gold;

import static org.apache.spark.sql.functions.col;

import io.citylake.conform.ConformAccounting;
import io.citylake.job.JobContext;
import io.citylake.job.TableRef;
import io.citylake.lake.DayPartitions;
import io.citylake.lake.DeltaRetry;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * Per KPI job, source table and silver partition: the newest bronze ingest the partition was
 * built from when the job last ran, as the conform accounting records it (one mechanism from
 * bronze to gold: the ingest ledger tells conform which days new files touched, the accounting
 * tells KPI jobs which silver partitions were rebuilt). A partition whose newest ingest is
 * newer, or that the job has never seen, was touched by new, late or corrected files; only the
 * KPI days it affects are recomputed. Lives in {@code gold.kpi_watermarks}, one slice per job.
 */
public final class KpiWatermarks {
  public static final String TABLE = "kpi_watermarks";
  private static final StructType SCHEMA = StructType.fromDDL(
      "job STRING, source STRING, dt DATE, latest_ingest TIMESTAMP");
  static final GoldTable GOLD = new GoldTable(TABLE,
      "Per KPI job, silver source and partition: the newest bronze ingest the job last built"
          + " from; how a night finds the KPI days new or late files touched",
      List.of(GoldColumns.text("job", "KPI job name; partition column"),
          GoldColumns.text("source", "silver table read"),
          GoldColumns.typed("dt", org.apache.spark.sql.types.DataTypes.DateType,
              "silver partition (service day)"),
          GoldColumns.typed("latest_ingest", org.apache.spark.sql.types.DataTypes.TimestampType,
              "newest bronze ingest the partition was built from when the job last ran")),
      List.of("job"));

  /** Newest ingest per source partition now, the KPI days the touched ones affect, and whether
   * anything changed since the job last ran (nothing to save when not). */
  public record Pending(List<Row> current, List<LocalDate> days, boolean changed) {
    public Pending {
      current = List.copyOf(current);
      days = List.copyOf(days);
    }
  }

  private KpiWatermarks() {}

  public static TableRef slice(String job) {
    return TableRef.gold(TABLE).slice(job);
  }

  /**
   * What {@code job} must recompute from {@code sources}, up to the run date: one read of the
   * job's watermarks, the conform accounting's newest ingest per silver partition (read once per
   * run; {@link ConformAccounting#builtFrom}), and one query per source that changed for the KPI
   * days its changed partitions affect. Silver written by no conform job (no accounting rows)
   * is asked for its newest {@code _ingested_at} per partition instead.
   */
  public static Pending pending(JobContext context, String job, List<KpiSource> sources) {
    Map<String, Map<LocalDate, Timestamp>> seen = seen(context, job);
    Map<String, Map<LocalDate, Timestamp>> builtFrom = ConformAccounting.builtFrom(context);
    List<Row> current = new ArrayList<>();
    TreeSet<LocalDate> days = new TreeSet<>();
    boolean changed = false;
    for (KpiSource source : sources) {
      TableRef table = TableRef.silver(source.table());
      if (!context.tables().exists(table)) {
        continue;
      }
      Dataset<Row> silver = context.tables().read(table)
          .where(col("dt").leq(functions.lit(java.sql.Date.valueOf(context.runDate()))));
      Map<LocalDate, Timestamp> latest = new TreeMap<>(
          builtFrom.getOrDefault(source.table(), Map.of()));
      if (latest.isEmpty()) {
        latest = newestIngestPerPartition(silver);
      }
      latest.keySet().removeIf(day -> day.isAfter(context.runDate()));
      Map<LocalDate, Timestamp> before = seen.getOrDefault(source.table(), Map.of());
      List<LocalDate> touched = new ArrayList<>();
      for (Map.Entry<LocalDate, Timestamp> partition : latest.entrySet()) {
        Timestamp previous = before.get(partition.getKey());
        if (previous == null || partition.getValue().after(previous)) {
          touched.add(partition.getKey());
        }
        current.add(RowFactory.create(job, source.table(),
            java.sql.Date.valueOf(partition.getKey()), partition.getValue()));
      }
      changed |= !touched.isEmpty() || latest.size() != before.size();
      if (!touched.isEmpty()) {
        days.addAll(affectedDays(silver, source, touched));
      }
    }
    changed |= seen.keySet().stream().anyMatch(
        table -> sources.stream().noneMatch(source -> source.table().equals(table)));
    days.removeIf(day -> day.isAfter(context.runDate()));
    return new Pending(current, List.copyOf(days), changed);
  }

  /**
   * Records what {@code job} has now built from; call after its gold writes succeeded. A run
   * commits those of its KPI jobs together ({@link io.citylake.job.Bookkeeping}).
   */
  public static void save(JobContext context, String job, Pending pending) {
    if (!pending.changed() && context.tables().exists(TableRef.gold(TABLE))) {
      return;
    }
    String path = context.tables().pathToWrite(TableRef.gold(TABLE));
    context.record(new io.citylake.job.BookkeepingWrite(path,
        pending.current(), "job = '" + job + "'", KpiWatermarks::commit));
  }

  /** Replaces the jobs' rows {@code replaceWhere} names with {@code rows}, creating the table. */
  private static void commit(JobContext context, List<Row> rows, String replaceWhere) {
    // gold jobs replace their own rows side by side, in this JVM or in other processes: rows of
    // different jobs do not conflict; the first creation does, and the loser tries again
    DeltaRetry.onConflict("record the KPI watermarks", () -> GoldTables.replace(context,
        GOLD, context.spark().createDataFrame(rows, SCHEMA), replaceWhere));
  }

  /** The job's watermarks by source table and partition, in one read. */
  private static Map<String, Map<LocalDate, Timestamp>> seen(JobContext context, String job) {
    Map<String, Map<LocalDate, Timestamp>> seen = new HashMap<>();
    TableRef watermarks = TableRef.gold(TABLE);
    if (context.tables().exists(watermarks)) {
      for (Row row : context.tables().read(watermarks)
          .where(col("job").equalTo(job))
          .select("source", "dt", "latest_ingest").collectAsList()) {
        seen.computeIfAbsent(row.getString(0), s -> new HashMap<>())
            .put(row.getDate(1).toLocalDate(), row.getTimestamp(2));
      }
    }
    return seen;
  }

  /** Newest {@code _ingested_at} per partition of a silver table no conform job accounts for. */
  private static Map<LocalDate, Timestamp> newestIngestPerPartition(Dataset<Row> silver) {
    Map<LocalDate, Timestamp> latest = new TreeMap<>();
    for (Row row : silver.groupBy("dt").agg(functions.max("_ingested_at")).collectAsList()) {
      latest.put(row.getDate(0).toLocalDate(), row.getTimestamp(1));
    }
    return latest;
  }

  private static List<LocalDate> affectedDays(Dataset<Row> silver, KpiSource source,
      List<LocalDate> partitions) {
    return silver.where(DayPartitions.inDays(partitions))
        .select(functions.explode(functions.expr(source.affectedDays())).as("day"))
        .where(col("day").isNotNull()).distinct().collectAsList().stream()
        .map(r -> r.getDate(0).toLocalDate()).toList();
  }
}
