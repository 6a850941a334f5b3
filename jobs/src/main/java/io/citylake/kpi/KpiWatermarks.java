package io.citylake.kpi;

import static org.apache.spark.sql.functions.col;

import io.citylake.conform.Quarantine;
import io.citylake.job.JobContext;
import io.citylake.job.TableRef;
import io.citylake.lake.DeltaTables;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * Per KPI job, source table and silver partition: the newest {@code _ingested_at} the job last
 * built from (the same idea as silver's conform accounting). A partition whose newest ingest is
 * newer, or that the job has never seen, was touched by new, late or corrected files; only the
 * KPI days it affects are recomputed. Lives in {@code gold.kpi_watermarks}, one slice per job.
 */
public final class KpiWatermarks {
  public static final String TABLE = "kpi_watermarks";
  private static final StructType SCHEMA = StructType.fromDDL(
      "job STRING, source STRING, dt DATE, latest_ingest TIMESTAMP");
  static final GoldTable GOLD = new GoldTable(TABLE,
      "Per KPI job, silver source and partition: the newest _ingested_at the job last built"
          + " from; how a night finds the KPI days new or late files touched",
      List.of(KpiColumns.text("job", "KPI job name; partition column"),
          KpiColumns.text("source", "silver table read"),
          KpiColumns.typed("dt", org.apache.spark.sql.types.DataTypes.DateType,
              "silver partition (service day)"),
          KpiColumns.typed("latest_ingest", org.apache.spark.sql.types.DataTypes.TimestampType,
              "newest _ingested_at of the partition when the job last ran")),
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
   * job's watermarks, one aggregate per source, and one more per source that changed.
   */
  public static Pending pending(JobContext context, String job, List<KpiSource> sources) {
    Map<String, Map<LocalDate, Timestamp>> seen = seen(context, job);
    List<Row> current = new ArrayList<>();
    TreeSet<LocalDate> days = new TreeSet<>();
    boolean changed = false;
    for (KpiSource source : sources) {
      String path = context.paths().silver(source.table());
      if (!DeltaTables.exists(context.spark(), path)) {
        continue;
      }
      Dataset<Row> silver = context.spark().read().format("delta").load(path)
          .where(col("dt").leq(functions.lit(java.sql.Date.valueOf(context.runDate()))));
      List<Row> latest = silver.groupBy("dt").agg(functions.max("_ingested_at"))
          .collectAsList();
      Map<LocalDate, Timestamp> before = seen.getOrDefault(source.table(), Map.of());
      List<LocalDate> touched = new ArrayList<>();
      for (Row row : latest) {
        LocalDate day = row.getDate(0).toLocalDate();
        Timestamp previous = before.get(day);
        if (previous == null || row.getTimestamp(1).after(previous)) {
          touched.add(day);
        }
        current.add(RowFactory.create(job, source.table(), row.getDate(0), row.getTimestamp(1)));
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

  /** Records what {@code job} has now built from; call after its gold writes succeeded. */
  public static synchronized void save(JobContext context, String job, Pending pending) {
    if (!pending.changed() && DeltaTables.exists(context.spark(), context.paths().gold(TABLE))) {
      return;
    }
    GoldTables.replace(context, GOLD, context.spark().createDataFrame(pending.current(), SCHEMA),
        "job = '" + job + "'");
  }

  /** The job's watermarks by source table and partition, in one read. */
  private static Map<String, Map<LocalDate, Timestamp>> seen(JobContext context, String job) {
    Map<String, Map<LocalDate, Timestamp>> seen = new HashMap<>();
    String path = context.paths().gold(TABLE);
    if (DeltaTables.exists(context.spark(), path)) {
      for (Row row : context.spark().read().format("delta").load(path)
          .where(col("job").equalTo(job))
          .select("source", "dt", "latest_ingest").collectAsList()) {
        seen.computeIfAbsent(row.getString(0), s -> new HashMap<>())
            .put(row.getDate(1).toLocalDate(), row.getTimestamp(2));
      }
    }
    return seen;
  }

  private static List<LocalDate> affectedDays(Dataset<Row> silver, KpiSource source,
      List<LocalDate> partitions) {
    return silver.where(Quarantine.inDays(partitions))
        .select(functions.explode(functions.expr(source.affectedDays())).as("day"))
        .where(col("day").isNotNull()).distinct().collectAsList().stream()
        .map(r -> r.getDate(0).toLocalDate()).toList();
  }
}
