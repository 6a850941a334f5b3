package io.citylake.spatial;

import static org.apache.spark.sql.functions.col;

import io.citylake.gold.CountBasis;
import io.citylake.gold.GoldColumns;
import io.citylake.gold.GoldOutput;
import io.citylake.gold.GoldTable;
import io.citylake.gold.Grain;
import io.citylake.gold.KpiSource;
import io.citylake.gold.PeriodicKpiJob;
import io.citylake.job.JobContext;
import io.citylake.job.TableRef;
import io.citylake.kpi.BusNetwork;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Bus boardings per stop and day, with the stop's position, ward and 1 km square for the map. A
 * stop-day with fewer than k distinct cards is suppressed. Broadcasts the located stops (from
 * silver.located_points) to the board taps, shuffles once, writes gold.ridership_stop_daily by
 * replaceWhere on the recomputed days.
 */
public final class RidershipByStop extends PeriodicKpiJob {
  static final GoldTable TABLE = new GoldTable("ridership_stop_daily",
      "bus ridership: boardings per stop and day with the stop's location; stop-days with"
          + " fewer than k = 10 cards suppressed",
      List.of(GoldColumns.municipality(), GoldColumns.text("stop_id", "GTFS stop_id"),
          GoldColumns.text("stop_name", "stop name as published"), SpatialColumns.wardCode(),
          GoldColumns.text("mesh3", "JIS X 0410 1 km square of the stop"),
          SpatialColumns.lon(), SpatialColumns.lat(), SpatialColumns.pointWkb(),
          GoldColumns.period(Grain.DAY),
          GoldColumns.count("boardings", "board taps at the stop; null when suppressed"),
          GoldColumns.persons(), GoldColumns.suppressed()),
      List.of("dt"));

  @Override
  public String name() {
    return "spatial.ridership_by_stop";
  }

  @Override
  public String description() {
    return "Gold bus boardings per stop and day with location, ward and mesh from"
        + " silver.transit_taps and silver.located_points";
  }

  @Override
  protected List<KpiSource> sources() {
    return List.of(KpiSource.byServiceDay(BusNetwork.TAPS));
  }

  @Override
  protected List<String> references() {
    return List.of(LocatePoints.TABLE, BusNetwork.STOPS);
  }

  /** The municipal tables this job's cells add up to (complementary suppression). */
  @Override
  protected List<String> goldInputs() {
    return List.of("ridership_hourly", "ridership_daily");
  }

  @Override
  protected List<GoldOutput> goldOutputs() {
    return List.of(new GoldOutput(TABLE, Grain.DAY, CountBasis.PERSONS, "persons",
        List.of("boardings"), (rows, period) -> rows
            .groupBy(col("municipality"), col("stop_id"), col("stop_name"), col("ward_code"),
                col("mesh3"), col("lon"), col("lat"), col("geometry_wkb"), period)
            .agg(functions.count(functions.lit(1)).as("boardings"),
                functions.countDistinct("card_pseudonym").as("persons"))));
  }

  @Override
  protected Dataset<Row> base(JobContext context, LocalDate from, LocalDate to) {
    Dataset<Row> stops = context.tables().read(TableRef.silver(LocatePoints.TABLE))
        .where(col("point_kind").equalTo("stop"))
        .select(col("point_id").as("_stop"), col("label").as("stop_name"), col("ward_code"),
            col("mesh3"), col("lon"), col("lat"), col("geometry_wkb"));
    Dataset<Row> taps = BusNetwork.boardTaps(context, from, to);
    return taps.join(functions.broadcast(stops), taps.col("stop_id").equalTo(col("_stop")),
        "left").drop("_stop");
  }
}
