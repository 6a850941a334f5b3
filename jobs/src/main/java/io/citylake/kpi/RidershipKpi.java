package io.citylake.kpi;

import static org.apache.spark.sql.functions.col;

import io.citylake.gold.CountBasis;
import io.citylake.gold.GoldColumns;
import io.citylake.gold.GoldOutput;
import io.citylake.gold.GoldTable;
import io.citylake.gold.Grain;
import io.citylake.gold.KpiSource;
import io.citylake.gold.PeriodicKpiJob;
import io.citylake.job.JobContext;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * {@code ridership}: count of board taps per route, stop and clock hour of each service day,
 * and a municipality × day roll-up for the catalogue. {@code persons} counts distinct cards.
 * Broadcasts the stop → municipality map; shuffles once per aggregation; writes
 * gold.ridership_hourly and gold.ridership_daily by replaceWhere.
 */
public final class RidershipKpi extends PeriodicKpiJob {
  @Override
  public String name() {
    return "kpi.ridership";
  }

  @Override
  public String description() {
    return "Gold ridership (board taps) per route, stop and hour, and per municipality and day,"
        + " from silver.transit_taps";
  }

  @Override
  protected List<KpiSource> sources() {
    return List.of(KpiSource.byServiceDay(BusNetwork.TAPS));
  }

  @Override
  protected List<String> references() {
    return List.of(BusNetwork.STOPS);
  }

  @Override
  protected List<GoldOutput> goldOutputs() {
    GoldTable hourly = new GoldTable("ridership_hourly",
        "ridership: board taps per route, stop and clock hour of a service day",
        List.of(GoldColumns.municipality(), GoldColumns.period(Grain.DAY),
            GoldColumns.text("route_id", "GTFS route_id"),
            GoldColumns.text("stop_id", "GTFS stop_id"),
            GoldColumns.hourStart(), GoldColumns.count("board_taps", "board taps in the hour"),
            GoldColumns.persons(), GoldColumns.suppressed()),
        List.of("dt"));
    GoldTable daily = new GoldTable("ridership_daily",
        "ridership: board taps per municipality (of the stop's GTFS feed) and service day",
        List.of(GoldColumns.municipality(), GoldColumns.period(Grain.DAY),
            GoldColumns.count("board_taps", "board taps that day"),
            GoldColumns.persons(), GoldColumns.suppressed()),
        List.of("dt"));
    return List.of(
        new GoldOutput(hourly, Grain.DAY, CountBasis.PERSONS, "persons", List.of("board_taps"),
            (taps, period) -> count(taps, period, col("route_id"), col("stop_id"),
                col("hour_start"))),
        new GoldOutput(daily, Grain.DAY, CountBasis.PERSONS, "persons", List.of("board_taps"),
            RidershipKpi::count));
  }

  private static Dataset<Row> count(Dataset<Row> taps, Column period, Column... keys) {
    Column[] all = new Column[keys.length + 2];
    all[0] = col("municipality");
    all[1] = period;
    System.arraycopy(keys, 0, all, 2, keys.length);
    return taps.groupBy(all).agg(functions.count(functions.lit(1)).as("board_taps"),
        functions.countDistinct("card_pseudonym").as("persons"));
  }

  @Override
  protected Dataset<Row> base(JobContext context, LocalDate from, LocalDate to) {
    return BusNetwork.boardTaps(context, from, to);
  }
}
