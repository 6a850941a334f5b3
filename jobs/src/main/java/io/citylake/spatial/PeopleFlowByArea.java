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
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * {@code people_flow} per ward, JIS 1 km and 500 m square and H3 cell × clock hour: the map
 * view of the municipal people flow KPI. The counters count passing persons, so a cell whose sum
 * is below k is suppressed like any small person count. Also the day's total per ward, the
 * report's daily map: k is applied to that daily cell itself, so a ward that counted thousands
 * is published even when some of its night hours are suppressed, and complementary suppression
 * keeps the suppressed hours from being recovered as the day minus the published hours. Joins
 * the distinct counter locations to the broadcast ward polygons (Sedona), shuffles once per
 * aggregation, writes gold.people_flow_area_hourly and gold.people_flow_ward_daily by
 * replaceWhere on the recomputed days.
 */
public final class PeopleFlowByArea extends PeriodicKpiJob {
  static final String SOURCE = "sensors_observations";
  static final GoldTable TABLE = new GoldTable("people_flow_area_hourly",
      "people_flow: sum of PeopleCounter counts per area (ward, JIS 1 km / 500 m square, H3 cell)"
          + " and clock hour, persons; cells below k = 10 suppressed",
      List.of(GoldColumns.municipality(), SpatialColumns.areaLevel("ward, mesh3, mesh4, h3"),
          SpatialColumns.areaId(), GoldColumns.period(Grain.DAY), GoldColumns.hourStart(),
          GoldColumns.value("people_count", "sum of PeopleCounter values; null when suppressed"),
          GoldColumns.count("sensors", "PeopleCounter sensors reporting"),
          GoldColumns.records("PeopleCounter observations"), GoldColumns.suppressed()),
      List.of("dt"));
  public static final GoldTable WARD_DAILY = new GoldTable("people_flow_ward_daily",
      "people_flow: sum of PeopleCounter counts per ward (or ward-less municipality) and"
          + " service day, persons; k = 10 applied to the daily cell itself",
      List.of(GoldColumns.municipality(), SpatialColumns.areaId(), GoldColumns.period(Grain.DAY),
          GoldColumns.value("people_count", "sum of PeopleCounter values over the day; null when"
              + " suppressed"),
          GoldColumns.count("sensors", "PeopleCounter sensors reporting"),
          GoldColumns.records("PeopleCounter observations"), GoldColumns.suppressed()),
      List.of("dt"));

  @Override
  public String name() {
    return "spatial.people_flow";
  }

  @Override
  public String description() {
    return "Gold people_flow per ward, JIS mesh and H3 cell and hour, and per ward and day, from"
        + " silver.sensors_observations (Sedona join to silver.ref_boundaries)";
  }

  @Override
  protected List<KpiSource> sources() {
    return List.of(KpiSource.byServiceDay(SOURCE));
  }

  @Override
  protected List<String> references() {
    return List.of(PointLocator.BOUNDARIES);
  }

  /** The municipal tables this job's cells add up to (complementary suppression). */
  @Override
  protected List<String> goldInputs() {
    return List.of("people_flow_hourly");
  }

  @Override
  protected List<GoldOutput> goldOutputs() {
    return List.of(new GoldOutput(TABLE, Grain.DAY, CountBasis.PERSONS, "people_count",
        List.of("people_count"), (rows, period) -> rows
            .select(col("municipality"), period, col("hour_start"), col("id"), col("value"),
                PointLocator.areas(AreaLevel.values()).as("_area"))
            .select(col("municipality"), col("dt"), col("hour_start"), col("id"),
                col("value"), col("_area.area_level"), col("_area.area_id"))
            .where(col("area_id").isNotNull())
            .groupBy(col("municipality"), col("area_level"), col("area_id"), col("dt"),
                col("hour_start"))
            .agg(functions.sum("value").as("people_count"),
                functions.countDistinct("id").as("sensors"),
                functions.count(functions.lit(1)).as("records"))),
        new GoldOutput(WARD_DAILY, Grain.DAY, CountBasis.PERSONS, "people_count",
            List.of("people_count"), (rows, period) -> rows
                .groupBy(col("municipality"), col("ward_code").as("area_id"), period)
                .agg(functions.sum("value").as("people_count"),
                    functions.countDistinct("id").as("sensors"),
                    functions.count(functions.lit(1)).as("records"))));
  }

  @Override
  protected Dataset<Row> base(JobContext context, LocalDate from, LocalDate to) {
    Dataset<Row> counts = context.tables().read(TableRef.silver(SOURCE))
        .where(col("dt").between(Date.valueOf(from), Date.valueOf(to)))
        .where(col("type").equalTo("PeopleCounter"))
        .select(col("dt").as(DAY), col("municipality"), col("id"), col("value"), col("lon"),
            col("lat"), functions.date_trunc("hour", col("observed_at")).as("hour_start"));
    return PointLocator.locate(context, counts);
  }
}
