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
 * {@code tourism_spend_yen} per JIS X 0410 1 km and 500 m square and day, where visitors spend:
 * the merchant's location, weighted like the municipal KPI (Σ amount × panel weight over
 * visitors' spend). A square with fewer than k distinct visitor cards is suppressed. Computes
 * mesh codes per row (no join), shuffles once, writes gold.tourism_spend_mesh_daily by
 * replaceWhere on the recomputed days.
 */
public final class TourismSpendByMesh extends PeriodicKpiJob {
  static final String SOURCE = "points_transactions";
  static final GoldTable TABLE = new GoldTable("tourism_spend_mesh_daily",
      "tourism_spend_yen: visitors' weighted card spend per JIS 1 km / 500 m square and day;"
          + " squares with fewer than k = 10 visitor cards suppressed",
      List.of(GoldColumns.municipality(), SpatialColumns.areaLevel("mesh3 (1 km), mesh4 (500 m)"),
          SpatialColumns.areaId(), GoldColumns.period(Grain.DAY),
          GoldColumns.value("spend_yen", "sum of amount_yen x weight; null when suppressed"),
          GoldColumns.count("transactions", "visitors' spend transactions; null when suppressed"),
          GoldColumns.persons(), GoldColumns.suppressed()),
      List.of("dt"));

  @Override
  public String name() {
    return "spatial.tourism_by_mesh";
  }

  @Override
  public String description() {
    return "Gold tourism_spend_yen per JIS 1 km and 500 m square and day from"
        + " silver.points_transactions";
  }

  @Override
  protected List<KpiSource> sources() {
    return List.of(KpiSource.byServiceDay(SOURCE));
  }

  /** The municipal tables this job's cells add up to (complementary suppression). */
  @Override
  protected List<String> goldInputs() {
    return List.of("tourism_spend_daily");
  }

  @Override
  protected List<GoldOutput> goldOutputs() {
    return List.of(new GoldOutput(TABLE, Grain.DAY, CountBasis.PERSONS, "persons",
        List.of("spend_yen", "transactions"), (rows, period) -> rows
            .select(col("municipality"), period, col("card_pseudonym"), col("spend"),
                PointLocator.areas(AreaLevel.MESH3, AreaLevel.MESH4).as("_area"))
            .select(col("municipality"), col("dt"), col("card_pseudonym"), col("spend"),
                col("_area.area_level"), col("_area.area_id"))
            .where(col("area_id").isNotNull())
            .groupBy(col("municipality"), col("area_level"), col("area_id"), col("dt"))
            .agg(functions.sum("spend").as("spend_yen"),
                functions.count(functions.lit(1)).as("transactions"),
                functions.countDistinct("card_pseudonym").as("persons"))));
  }

  @Override
  protected Dataset<Row> base(JobContext context, LocalDate from, LocalDate to) {
    Dataset<Row> spend = context.tables().read(TableRef.silver(SOURCE))
        .where(col("dt").between(Date.valueOf(from), Date.valueOf(to)))
        .where(col("visitor").and(col("kind").equalTo("spend")))
        .select(col("dt").as(DAY), col("municipality"), col("card_pseudonym"), col("lon"),
            col("lat"), col("amount_yen").cast("double").multiply(col("weight")).as("spend"));
    return PointLocator.withCells(spend, context.config().h3Resolution());
  }
}
