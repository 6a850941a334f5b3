package io.citylake.kpi;

import static org.apache.spark.sql.functions.col;

import io.citylake.conform.ReferenceTable;
import io.citylake.gold.GoldColumns;
import io.citylake.gold.GoldTable;
import io.citylake.gold.GoldTables;
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
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code shelter_days_to_shortage} per shelter, consumable item and stock count: the count's
 * stock ÷ (headcount at that moment × the item's daily norm per person). Headcount = check-ins
 * minus check-outs up to the count (check-ins at the same instant count), never below zero;
 * items with norm 0 (blankets) are skipped; with nobody in the shelter the value is null.
 * {@code is_latest} marks each shelter and item's current value. The KPI describes stock
 * records, so it is not suppressed. Small: recomputed in full each night. Broadcasts the
 * norms and shelters; shuffles once for the per-shelter running headcount; overwrites
 * gold.shelter_days_to_shortage.
 */
public final class ShelterDaysToShortageKpi implements Job {
  private static final TableRef INVENTORY = TableRef.silver("disaster_inventory");
  private static final TableRef CHECKINS = TableRef.silver("disaster_checkins");
  static final GoldTable TABLE = new GoldTable("shelter_days_to_shortage",
      "shelter_days_to_shortage: days until a consumable runs out at each stock count, given the"
          + " headcount then and the daily norm per person",
      List.of(GoldColumns.text("shelter_id", "GSI shelter id"), GoldColumns.municipality(),
          GoldColumns.text("item", "consumable item (water_l, food_meals, batteries)"),
          GoldColumns.typed("counted_at", DataTypes.TimestampType, "time of the stock count"),
          GoldColumns.typed("dt", DataTypes.DateType, "JST day of the stock count"),
          GoldColumns.value("stock", "units in stock at the count"),
          GoldColumns.count("headcount", "persons checked in at the count (ins minus outs)"),
          GoldColumns.value("norm_per_person_per_day", "units one person uses per day"),
          GoldColumns.value("days_to_shortage", "stock / (headcount x norm); null when empty"),
          GoldColumns.typed("is_latest", DataTypes.BooleanType,
              "true for the newest count of the shelter and item"),
          GoldColumns.records("check-in/out records up to the count"), GoldColumns.suppressed()),
      List.of());

  @Override
  public String name() {
    return "kpi.shelter_days_to_shortage";
  }

  @Override
  public String description() {
    return "Gold shelter_days_to_shortage per shelter, item and stock count";
  }

  @Override
  public List<TableRef> inputs() {
    return List.of(INVENTORY, CHECKINS,
        ReferenceTable.CONSUMPTION_NORMS.ref(), ReferenceTable.SHELTERS.ref());
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
    if (!context.tables().exists(INVENTORY)) {
      return JobResult.of(name(), 0, 0, Map.of());
    }
    Dataset<Row> counted = withHeadcount(context, stockCounts(context));
    Dataset<Row> rows = counted
        .withColumn("days_to_shortage", functions.when(col("headcount").gt(0),
            col("stock").divide(col("headcount").multiply(col("norm_per_person_per_day")))))
        .withColumn("is_latest", col("counted_at").equalTo(functions.max("counted_at")
            .over(Window.partitionBy("shelter_id", "item"))))
        .withColumn("dt", functions.to_date(col("counted_at")));
    long written = GoldTables.overwrite(context, TABLE, KAnonymity.notApplicable(rows));
    return JobResult.of(name(), 0, written, Map.of(TABLE.name(), written));
  }

  private static Dataset<Row> stockCounts(JobContext context) {
    Dataset<Row> norms = context.tables().read(ReferenceTable.CONSUMPTION_NORMS.ref())
        .where(col("per_person_per_day").gt(0));
    Dataset<Row> shelters = context.tables().read(ReferenceTable.SHELTERS.ref())
        .select(col("shelter_id").as("_shelter"), col("municipality"));
    Dataset<Row> inventory = context.tables().read(INVENTORY)
        .where(col("dt").leq(functions.lit(java.sql.Date.valueOf(context.runDate()))));
    return inventory.join(functions.broadcast(norms), "item")
        .join(functions.broadcast(shelters), col("shelter_id").equalTo(col("_shelter")), "left")
        .select(col("shelter_id"), col("municipality"), col("item"), col("counted_at"),
            col("quantity").as("stock"), col("per_person_per_day").as("norm_per_person_per_day"));
  }

  /** Running headcount per shelter over check-ins (+1) and check-outs (-1) and the counts. */
  private static Dataset<Row> withHeadcount(JobContext context, Dataset<Row> counts) {
    Dataset<Row> events = counts.withColumn("_delta", functions.lit(0L))
        .withColumn("_event", functions.lit(1)).withColumn("_ts", col("counted_at"));
    if (context.tables().exists(CHECKINS)) {
      Dataset<Row> moves = context.tables().read(CHECKINS)
          .where(col("dt").leq(functions.lit(java.sql.Date.valueOf(context.runDate()))))
          .select(col("shelter_id"), col("ts").as("_ts"), functions.lit(0).as("_event"),
              functions.when(col("action").equalTo("in"), 1L).otherwise(-1L).as("_delta"));
      events = events.unionByName(moves, true);
    }
    org.apache.spark.sql.expressions.WindowSpec upToNow = Window.partitionBy("shelter_id")
        .orderBy(col("_ts"), col("_event"))
        .rowsBetween(Window.unboundedPreceding(), Window.currentRow());
    return events
        .withColumn("headcount", functions.greatest(functions.lit(0L),
            functions.sum("_delta").over(upToNow)))
        .withColumn("records", functions.sum(functions.when(col("_event").equalTo(0), 1L)
            .otherwise(0L)).over(upToNow))
        .where(col("_event").equalTo(1));
  }
}
