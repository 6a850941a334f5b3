package io.citylake.kpi;

import static org.apache.spark.sql.functions.col;

import io.citylake.conform.Quarantine;
import io.citylake.job.JobContext;
import io.citylake.job.TableRef;
import io.citylake.lake.DeltaTables;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

  /** Newest ingest per source partition now, and the KPI days the touched ones affect. */
  public record Pending(List<Row> current, List<LocalDate> days) {
    public Pending {
      current = List.copyOf(current);
      days = List.copyOf(days);
    }
  }

  private KpiWatermarks() {}

  public static TableRef slice(String job) {
    return TableRef.gold(TABLE).slice(job);
  }

  /** What {@code job} must recompute from {@code sources}, up to the run date. */
  public static Pending pending(JobContext context, String job, List<KpiSource> sources) {
    List<Row> current = new ArrayList<>();
    TreeSet<LocalDate> days = new TreeSet<>();
    for (KpiSource source : sources) {
      String path = context.paths().silver(source.table());
      if (!DeltaTables.exists(context.spark(), path)) {
        continue;
      }
      Dataset<Row> silver = context.spark().read().format("delta").load(path)
          .where(col("dt").leq(functions.lit(java.sql.Date.valueOf(context.runDate()))));
      List<Row> latest = silver.groupBy("dt").agg(functions.max("_ingested_at"))
          .collectAsList();
      List<LocalDate> touched = touched(context, job, source.table(), latest);
      for (Row row : latest) {
        current.add(RowFactory.create(job, source.table(), row.getDate(0), row.getTimestamp(1)));
      }
      if (!touched.isEmpty()) {
        days.addAll(affectedDays(silver, source, touched));
      }
    }
    days.removeIf(day -> day.isAfter(context.runDate()));
    return new Pending(current, List.copyOf(days));
  }

  /** Records what {@code job} has now built from; call after its gold writes succeeded. */
  public static synchronized void save(JobContext context, String job, List<Row> current) {
    GoldTables.replace(context, GOLD, context.spark().createDataFrame(current, SCHEMA),
        "job = '" + job + "'");
  }

  private static List<LocalDate> touched(JobContext context, String job, String source,
      List<Row> latest) {
    java.util.Map<LocalDate, Timestamp> seen = new java.util.HashMap<>();
    String path = context.paths().gold(TABLE);
    if (DeltaTables.exists(context.spark(), path)) {
      for (Row row : context.spark().read().format("delta").load(path)
          .where(col("job").equalTo(job).and(col("source").equalTo(source)))
          .select("dt", "latest_ingest").collectAsList()) {
        seen.put(row.getDate(0).toLocalDate(), row.getTimestamp(1));
      }
    }
    List<LocalDate> touched = new ArrayList<>();
    for (Row row : latest) {
      Timestamp before = seen.get(row.getDate(0).toLocalDate());
      if (before == null || row.getTimestamp(1).after(before)) {
        touched.add(row.getDate(0).toLocalDate());
      }
    }
    return touched;
  }

  private static List<LocalDate> affectedDays(Dataset<Row> silver, KpiSource source,
      List<LocalDate> partitions) {
    return silver.where(Quarantine.inDays(partitions))
        .select(functions.explode(functions.expr(source.affectedDays())).as("day"))
        .where(col("day").isNotNull()).distinct().collectAsList().stream()
        .map(r -> r.getDate(0).toLocalDate()).toList();
  }
}
