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
import io.citylake.job.TableRef;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * {@code snow_depth_max} (max SnowDepth per municipality and service day), {@code pm25} (mean
 * and max AirQuality PM2.5 per municipality and day) and {@code people_flow} (Σ PeopleCounter
 * values per municipality and clock hour) from silver sensor observations, whether the devices
 * sent them as JSON lines or the context broker as NGSI-LD entities. Air quality, like snow
 * depth, counts device readings, not persons, and is never suppressed. Ward, JIS mesh and H3 grains belong to the spatial jobs. Snow depth counts
 * observations ({@code records}), not persons, and is never suppressed. People flow counts
 * persons: a municipal hour below k = 10 is suppressed exactly as the spatial jobs suppress a
 * ward's, mesh's or H3 cell's hour, because where one area is the whole municipality (Susami's
 * single ward) the two cells are the same number, and a municipal hour published below k would
 * disclose the area cell suppressed beside it. Shuffles once per
 * aggregation; broadcasts nothing; writes gold.snow_depth_daily, gold.air_quality_daily and gold.people_flow_hourly by
 * replaceWhere.
 */
public final class SensorKpis extends PeriodicKpiJob {
  static final String SOURCE = "sensors_observations";

  @Override
  public String name() {
    return "kpi.sensors";
  }

  @Override
  public String description() {
    return "Gold snow_depth_max and pm25 per municipality and day and people_flow per"
        + " municipality and hour from silver.sensors_observations";
  }

  @Override
  protected List<KpiSource> sources() {
    return List.of(KpiSource.byServiceDay(SOURCE));
  }

  @Override
  protected List<GoldOutput> goldOutputs() {
    GoldTable snow = new GoldTable("snow_depth_daily",
        "snow_depth_max: maximum SnowDepth observation per municipality and day, cm",
        List.of(GoldColumns.municipality(), GoldColumns.period(Grain.DAY),
            GoldColumns.value("snow_depth_max_cm", "maximum snow depth observed, cm"),
            GoldColumns.count("sensors", "SnowDepth sensors reporting"),
            GoldColumns.records("SnowDepth observations"), GoldColumns.suppressed()),
        List.of("dt"));
    GoldTable air = new GoldTable("air_quality_daily",
        "pm25: mean and maximum AirQuality PM2.5 observation per municipality and day, ug/m3",
        List.of(GoldColumns.municipality(), GoldColumns.period(Grain.DAY),
            GoldColumns.value("pm25_mean_ug_m3", "mean PM2.5 of the day's observations, ug/m3"),
            GoldColumns.value("pm25_max_ug_m3", "maximum PM2.5 observed, ug/m3"),
            GoldColumns.count("sensors", "AirQuality sensors reporting"),
            GoldColumns.records("AirQuality observations"), GoldColumns.suppressed()),
        List.of("dt"));
    GoldTable flow = new GoldTable("people_flow_hourly",
        "people_flow: sum of PeopleCounter counts per municipality and clock hour, persons;"
            + " cells below k = 10 suppressed",
        List.of(GoldColumns.municipality(), GoldColumns.period(Grain.DAY), GoldColumns.hourStart(),
            GoldColumns.value("people_count", "sum of PeopleCounter values (persons per 15 min);"
                + " null when suppressed"),
            GoldColumns.count("sensors", "PeopleCounter sensors reporting"),
            GoldColumns.records("PeopleCounter observations"), GoldColumns.suppressed()),
        List.of("dt"));
    return List.of(
        new GoldOutput(snow, Grain.DAY, CountBasis.RECORDS, "records", List.of(),
            (rows, period) -> aggregate(rows.where(col("type").equalTo("SnowDepth")), period,
                functions.max("value").as("snow_depth_max_cm"))),
        new GoldOutput(air, Grain.DAY, CountBasis.RECORDS, "records", List.of(),
            (rows, period) -> rows.where(col("type").equalTo("AirQuality"))
                .groupBy(col("municipality"), period).agg(
                    functions.avg("value").as("pm25_mean_ug_m3"),
                    functions.max("value").as("pm25_max_ug_m3"),
                    functions.countDistinct("id").as("sensors"),
                    functions.count(functions.lit(1)).as("records"))),
        new GoldOutput(flow, Grain.DAY, CountBasis.PERSONS, "people_count",
            List.of("people_count"),
            (rows, period) -> aggregate(rows.where(col("type").equalTo("PeopleCounter")),
                period, col("hour_start"), functions.sum("value").as("people_count"))));
  }

  private static Dataset<Row> aggregate(Dataset<Row> rows, Column period, Column value) {
    return rows.groupBy(col("municipality"), period).agg(value,
        functions.countDistinct("id").as("sensors"), functions.count(functions.lit(1))
            .as("records"));
  }

  private static Dataset<Row> aggregate(Dataset<Row> rows, Column period, Column hour,
      Column value) {
    return rows.groupBy(col("municipality"), period, hour).agg(value,
        functions.countDistinct("id").as("sensors"), functions.count(functions.lit(1))
            .as("records"));
  }

  @Override
  protected Dataset<Row> base(JobContext context, LocalDate from, LocalDate to) {
    return context.tables().read(TableRef.silver(SOURCE))
        .where(col("dt").between(Date.valueOf(from), Date.valueOf(to)))
        .where(col("type").isin("SnowDepth", "AirQuality", "PeopleCounter"))
        .select(col("dt").as(DAY), col("municipality"), col("id"), col("type"), col("value"),
            functions.date_trunc("hour", col("observed_at")).as("hour_start"));
  }
}
