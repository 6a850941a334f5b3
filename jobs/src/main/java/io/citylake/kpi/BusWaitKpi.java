package io.citylake.kpi;

import static org.apache.spark.sql.functions.col;

import io.citylake.gold.CountBasis;
import io.citylake.gold.GoldColumn;
import io.citylake.gold.GoldColumns;
import io.citylake.gold.GoldOutput;
import io.citylake.gold.GoldTable;
import io.citylake.gold.Grain;
import io.citylake.gold.KpiSource;
import io.citylake.gold.PeriodicKpiJob;
import io.citylake.job.JobContext;
import io.citylake.job.TableRef;
import io.citylake.lake.DeltaTables;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * {@code bus_wait_minutes_avg}: for each board tap, minutes from the tap to the next actual
 * arrival (at or after the tap) of the same route at the same stop; arrivals get their route
 * from silver.gtfs_trips. Taps and arrivals are unioned and, per route and stop, a running
 * minimum over the time-descending order gives each tap its next arrival (one shuffle, linear).
 * Arrivals of the tap's service day and the next are considered, so a changed arrivals
 * partition also recomputes the previous day. Taps without a later arrival within {@link
 * #MAX_WAIT_MINUTES} are counted, not averaged: a missing arrivals partition would otherwise
 * turn a day's waits into the hours until the next day's first bus (the sample's 2026-11-12
 * averaged 1,004 minutes before this bound). Broadcasts the GTFS stop and trip maps; writes gold.bus_wait_hourly (municipality ×
 * route × hour) and gold.bus_wait_daily by replaceWhere.
 */
public final class BusWaitKpi extends PeriodicKpiJob {
  /** Longest wait taken as a wait for the next bus; a later arrival means none was observed. */
  public static final int MAX_WAIT_MINUTES = 180;
  /** The silver vehicle arrivals a tap's wait is measured to. */
  static final String ARRIVALS = "transit_arrivals";

  @Override
  public String name() {
    return "kpi.bus_wait";
  }

  @Override
  public String description() {
    return "Gold bus_wait_minutes_avg per municipality, route and hour, and per municipality and"
        + " day, from silver taps and arrivals";
  }

  @Override
  protected List<KpiSource> sources() {
    return List.of(KpiSource.byServiceDay(BusNetwork.TAPS),
        new KpiSource(ARRIVALS, "array(dt, date_sub(dt, 1))"));
  }

  @Override
  protected List<String> references() {
    return List.of(BusNetwork.STOPS, BusNetwork.TRIPS);
  }

  @Override
  protected List<GoldOutput> goldOutputs() {
    return List.of(
        new GoldOutput(table("bus_wait_hourly", true), Grain.DAY, CountBasis.PERSONS, "persons",
            List.of("wait_minutes_avg", "taps"),
            (taps, period) -> aggregate(taps, period, col("route_id"), col("hour_start"))),
        new GoldOutput(table("bus_wait_daily", false), Grain.DAY, CountBasis.PERSONS, "persons",
            List.of("wait_minutes_avg", "taps"), BusWaitKpi::aggregate));
  }

  private static GoldTable table(String name, boolean hourly) {
    List<GoldColumn> keys = hourly
        ? List.of(GoldColumns.municipality(), GoldColumns.period(Grain.DAY),
            GoldColumns.text("route_id", "GTFS route_id"), GoldColumns.hourStart())
        : List.of(GoldColumns.municipality(), GoldColumns.period(Grain.DAY));
    List<GoldColumn> columns = new java.util.ArrayList<>(keys);
    columns.addAll(List.of(
        GoldColumns.value("wait_minutes_avg", "mean minutes from board tap to next arrival"),
        GoldColumns.count("taps", "board taps with a later arrival, averaged"),
        GoldColumns.count("taps_without_arrival", "board taps with no arrival observed within "
            + MAX_WAIT_MINUTES + " minutes"),
        GoldColumns.persons(), GoldColumns.suppressed()));
    return new GoldTable(name, "bus_wait_minutes_avg: minutes from board tap to the next actual"
        + " arrival of the route at the stop, per municipality" + (hourly ? ", route and hour"
        : " and service day"), columns, List.of("dt"));
  }

  private static Dataset<Row> aggregate(Dataset<Row> waits, Column period, Column... keys) {
    Column[] all = new Column[keys.length + 2];
    all[0] = col("municipality");
    all[1] = period;
    System.arraycopy(keys, 0, all, 2, keys.length);
    Column waited = col("wait_minutes").isNotNull();
    return waits.groupBy(all).agg(
        functions.avg("wait_minutes").as("wait_minutes_avg"),
        functions.count("wait_minutes").as("taps"),
        functions.sum(functions.when(waited, 0L).otherwise(1L)).as("taps_without_arrival"),
        functions.countDistinct(functions.when(waited, col("card_pseudonym"))).as("persons"));
  }

  @Override
  protected Dataset<Row> base(JobContext context, LocalDate from, LocalDate to) {
    Dataset<Row> taps = BusNetwork.boardTaps(context, from, to)
        .withColumn("ts", col("tapped_at")).withColumn("_order", functions.lit(0))
        .withColumn("actual_at", functions.lit(null).cast("timestamp"));
    Dataset<Row> trips = BusNetwork.tripRoutes(context).withColumnRenamed("trip_id", "_trip");
    Dataset<Row> arrivals = arrivals(context)
        .where(col("dt").between(Date.valueOf(from), Date.valueOf(to.plusDays(1))));
    Dataset<Row> routed = arrivals.join(functions.broadcast(trips),
            arrivals.col("trip_id").equalTo(col("_trip")))
        .select(col("route_id"), col("stop_id"), col("actual_at"), col("actual_at").as("ts"),
            functions.lit(1).as("_order"));
    Dataset<Row> events = taps.unionByName(routed, true);
    Dataset<Row> withNext = events.withColumn("next_arrival", functions.min("actual_at").over(
        Window.partitionBy("route_id", "stop_id").orderBy(col("ts").desc(), col("_order").desc())
            .rowsBetween(Window.unboundedPreceding(), Window.currentRow())));
    return withNext.where(col("_order").equalTo(0))
        .withColumn("_wait", functions.unix_timestamp(col("next_arrival"))
            .minus(functions.unix_timestamp(col("ts"))).divide(60.0))
        .select(col(DAY), col("municipality"),
        col("route_id"), col("hour_start"), col("card_pseudonym"),
        functions.when(col("_wait").leq(MAX_WAIT_MINUTES), col("_wait")).as("wait_minutes"));
  }

  /**
   * The silver arrivals, or none when no arrivals were ever delivered (a lake's first nights may
   * have taps only): then every tap counts as one without an observed arrival.
   */
  private static Dataset<Row> arrivals(JobContext context) {
    TableRef arrivals = TableRef.silver(ARRIVALS);
    if (!DeltaTables.hasLog(context.spark(), context.tables().pathToRead(arrivals))) {
      return context.spark().createDataFrame(List.of(),
          StructType.fromDDL("trip_id STRING, stop_id STRING, actual_at TIMESTAMP, dt DATE"));
    }
    return context.tables().read(arrivals);
  }
}
