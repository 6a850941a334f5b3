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
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code snow_depth_max} per ward and day with a snow-removal priority: rank 1 is the ward of the
 * municipality with the deepest snow that day (ties share a rank). Snow sensors are devices, so
 * nothing is suppressed. Joins the distinct sensor locations to the broadcast ward polygons
 * (Sedona), shuffles for the aggregation and the per-day ranking, writes
 * gold.snow_depth_ward_daily by replaceWhere on the recomputed days.
 */
public final class SnowDepthByWard extends PeriodicKpiJob {
  static final GoldTable TABLE = new GoldTable("snow_depth_ward_daily",
      "snow_depth_max: maximum SnowDepth observation per ward and day, cm, with the"
          + " snow-removal priority rank within the municipality",
      List.of(GoldColumns.municipality(), SpatialColumns.areaId(), GoldColumns.period(Grain.DAY),
          GoldColumns.value("snow_depth_max_cm", "maximum snow depth observed in the ward, cm"),
          GoldColumns.count("sensors", "SnowDepth sensors reporting"),
          GoldColumns.records("SnowDepth observations"),
          GoldColumns.typed("priority_rank", DataTypes.IntegerType,
              "snow-removal priority within the municipality that day: 1 = deepest snow"),
          GoldColumns.suppressed()),
      List.of("dt"));

  @Override
  public String name() {
    return "spatial.snow_by_ward";
  }

  @Override
  public String description() {
    return "Gold snow_depth_max per ward and day with a snow-removal priority rank from"
        + " silver.sensors_observations (Sedona join to silver.ref_boundaries)";
  }

  @Override
  protected List<KpiSource> sources() {
    return List.of(KpiSource.byServiceDay(PeopleFlowByArea.SOURCE));
  }

  @Override
  protected List<String> references() {
    return List.of(PointLocator.BOUNDARIES);
  }

  @Override
  protected List<GoldOutput> goldOutputs() {
    return List.of(new GoldOutput(TABLE, Grain.DAY, CountBasis.RECORDS, "records", List.of(),
        (rows, period) -> rows
            .groupBy(col("municipality"), col("ward_code").as("area_id"), period)
            .agg(functions.max("value").as("snow_depth_max_cm"),
                functions.countDistinct("id").as("sensors"),
                functions.count(functions.lit(1)).as("records"))
            .withColumn("priority_rank", functions.dense_rank().over(Window
                .partitionBy(col("municipality"), col("dt"))
                .orderBy(col("snow_depth_max_cm").desc())))));
  }

  @Override
  protected Dataset<Row> base(JobContext context, LocalDate from, LocalDate to) {
    Dataset<Row> depths = context.tables().read(TableRef.silver(PeopleFlowByArea.SOURCE))
        .where(col("dt").between(Date.valueOf(from), Date.valueOf(to)))
        .where(col("type").equalTo("SnowDepth"))
        .select(col("dt").as(DAY), col("municipality"), col("id"), col("value"), col("lon"),
            col("lat"));
    return PointLocator.withWard(depths, PointLocator.boundaries(context));
  }
}
