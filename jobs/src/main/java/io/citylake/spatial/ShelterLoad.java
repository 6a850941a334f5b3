package io.citylake.spatial;

import static org.apache.spark.sql.functions.col;

import io.citylake.gold.GoldColumns;
import io.citylake.gold.GoldTable;
import io.citylake.gold.GoldTables;
import io.citylake.gold.Grain;
import io.citylake.gold.KAnonymity;
import io.citylake.job.Job;
import io.citylake.job.JobContext;
import io.citylake.job.JobResult;
import io.citylake.job.TableRef;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;

/**
 * Shelter load per shelter and day: the peak headcount (check-ins minus check-outs, never below
 * zero, just before and after every event of the day) ÷ the shelter's capacity, with the
 * shelter's point, ward and name for the map. The headcount counts persons, so a peak below k is
 * suppressed. Small: recomputed in full each night. Shuffles for the per-shelter running
 * headcount; broadcasts the located shelters; overwrites gold.shelter_load_daily.
 */
public final class ShelterLoad implements Job {
  static final GoldTable TABLE = new GoldTable("shelter_load_daily",
      "shelter load: peak headcount per shelter and day divided by the shelter's capacity;"
          + " peaks below k = 10 persons suppressed",
      List.of(GoldColumns.text("shelter_id", "GSI shelter id"), GoldColumns.municipality(),
          GoldColumns.text("name_ja", "shelter name (GSI)"), SpatialColumns.wardCode(),
          GoldColumns.typed("capacity", org.apache.spark.sql.types.DataTypes.IntegerType,
              "persons the shelter holds (sample: assigned, not published by GSI)"),
          SpatialColumns.lon(), SpatialColumns.lat(), SpatialColumns.pointWkb(),
          GoldColumns.period(Grain.DAY),
          GoldColumns.count("peak_headcount", "largest headcount that day; null when suppressed"),
          GoldColumns.value("load_ratio", "peak_headcount / capacity; null when suppressed"),
          GoldColumns.records("check-ins and check-outs that day"), GoldColumns.suppressed()),
      List.of("dt"));
  private static final String CHECKINS = "disaster_checkins";

  @Override
  public String name() {
    return "spatial.shelter_load";
  }

  @Override
  public String description() {
    return "Gold shelter_load_daily: peak headcount / capacity per shelter and day with"
        + " location, from silver.disaster_checkins and silver.located_points";
  }

  @Override
  public List<TableRef> inputs() {
    return List.of(TableRef.silver(CHECKINS), TableRef.silver(LocatePoints.TABLE),
        io.citylake.conform.ReferenceTable.SHELTERS.ref());
  }

  @Override
  public boolean pureOfDeclaredInputs() {
    return true;
  }

  @Override
  public List<TableRef> outputs() {
    return List.of(TABLE.ref());
  }

  @Override
  public JobResult run(JobContext context) {
    context.spark().sparkContext().setJobDescription(name());
    TableRef checkins = TableRef.silver(CHECKINS);
    if (!context.tables().exists(checkins)) {
      return JobResult.of(name(), 0, 0, Map.of());
    }
    WindowSpec upToEvent = Window.partitionBy("shelter_id").orderBy(col("ts"), col("_order"))
        .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    Dataset<Row> events = context.tables().read(checkins)
        .where(col("dt").leq(functions.lit(java.sql.Date.valueOf(context.runDate()))))
        .withColumn("_delta", functions.when(col("action").equalTo("in"), 1L).otherwise(-1L))
        // at the same instant, check-ins count first (as in shelter_days_to_shortage)
        .withColumn("_order", functions.when(col("action").equalTo("in"), 0).otherwise(1))
        .withColumn("_after", functions.sum("_delta").over(upToEvent))
        .withColumn("_before", col("_after").minus(col("_delta")));
    Dataset<Row> days = events.groupBy(col("shelter_id"), col("dt"))
        .agg(functions.greatest(functions.lit(0L), functions.max(functions.greatest(
                col("_before"), col("_after")))).as("peak_headcount"),
            functions.count(functions.lit(1)).as("records"));
    Dataset<Row> shelters = context.tables().read(io.citylake.conform.ReferenceTable.SHELTERS.ref())
        .select(col("shelter_id").as("_shelter"), col("capacity"));
    Dataset<Row> located = context.tables().read(TableRef.silver(LocatePoints.TABLE))
        .where(col("point_kind").equalTo("shelter"))
        .select(col("point_id").as("_point"), col("municipality"), col("label").as("name_ja"),
            col("ward_code"), col("lon"), col("lat"), col("geometry_wkb"));
    Dataset<Row> rows = days
        .join(functions.broadcast(shelters), col("shelter_id").equalTo(col("_shelter")), "left")
        .join(functions.broadcast(located), col("shelter_id").equalTo(col("_point")), "left")
        .withColumn("load_ratio", col("peak_headcount").divide(col("capacity")));
    Dataset<Row> published = KAnonymity.suppress(rows, context.config().minPersonsPerCell(),
        "peak_headcount", List.of("peak_headcount", "load_ratio"));
    long written = GoldTables.overwrite(context, TABLE, published);
    return JobResult.of(name(), 0, written, Map.of(TABLE.name(), written));
  }
}
