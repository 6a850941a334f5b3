package io.citylake.kpi;

import static org.apache.spark.sql.functions.col;

import io.citylake.conform.ReferenceTable;
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
 * {@code drone_delivery_success}: delivered flights ÷ flights, and the share of flights with a
 * payload of at least {@value #HEAVY_KG} kg, per municipality (of the destination shelter, from
 * silver.ref_shelters) and service day of departure. Flights are records, not persons: never
 * suppressed. Broadcasts ref_shelters; shuffles once for the aggregation; writes
 * gold.drone_delivery_daily by replaceWhere.
 */
public final class DroneDeliveryKpi extends PeriodicKpiJob {
  static final String SOURCE = "disaster_drone_flights";
  static final double HEAVY_KG = 5.0;

  @Override
  public String name() {
    return "kpi.drone_delivery";
  }

  @Override
  public String description() {
    return "Gold drone_delivery_success per municipality and day from"
        + " silver.disaster_drone_flights";
  }

  @Override
  protected List<KpiSource> sources() {
    return List.of(KpiSource.byServiceDay(SOURCE));
  }

  @Override
  protected List<String> references() {
    return List.of(ReferenceTable.SHELTERS.table());
  }

  @Override
  protected List<GoldOutput> goldOutputs() {
    GoldTable table = new GoldTable("drone_delivery_daily",
        "drone_delivery_success: delivered share and heavy-payload share of drone flights per"
            + " municipality of the destination shelter and day of departure",
        List.of(GoldColumns.municipality(), GoldColumns.period(Grain.DAY),
            GoldColumns.value("delivery_success_share", "delivered flights / flights (0..1)"),
            GoldColumns.value("heavy_payload_share",
                "flights with payload >= 5 kg / flights (0..1)"),
            GoldColumns.count("flights", "drone flights departed"),
            GoldColumns.count("delivered", "flights with status delivered"),
            GoldColumns.value("max_delivered_payload_kg", "largest payload delivered, kg"),
            GoldColumns.records("drone flights"), GoldColumns.suppressed()),
        List.of("dt"));
    return List.of(new GoldOutput(table, Grain.DAY, CountBasis.RECORDS, "records", List.of(),
        DroneDeliveryKpi::aggregate));
  }

  private static Dataset<Row> aggregate(Dataset<Row> flights, Column period) {
    Column delivered = col("status").equalTo("delivered");
    return flights.groupBy(col("municipality"), period).agg(
        functions.avg(functions.when(delivered, 1.0).otherwise(0.0))
            .as("delivery_success_share"),
        functions.avg(functions.when(col("payload_kg").geq(HEAVY_KG), 1.0).otherwise(0.0))
            .as("heavy_payload_share"),
        functions.count(functions.lit(1)).as("flights"),
        functions.sum(functions.when(delivered, 1L).otherwise(0L)).as("delivered"),
        functions.max(functions.when(delivered, col("payload_kg")))
            .as("max_delivered_payload_kg"),
        functions.count(functions.lit(1)).as("records"));
  }

  @Override
  protected Dataset<Row> base(JobContext context, LocalDate from, LocalDate to) {
    Dataset<Row> shelters = context.tables().read(ReferenceTable.SHELTERS.ref())
        .select(col("shelter_id").as("_shelter"), col("municipality"));
    Dataset<Row> flights = context.tables().read(TableRef.silver(SOURCE))
        .where(col("dt").between(Date.valueOf(from), Date.valueOf(to)));
    return flights.join(functions.broadcast(shelters),
            flights.col("shelter_id").equalTo(shelters.col("_shelter")), "left")
        .select(col("dt").as(DAY),
            functions.coalesce(col("municipality"), functions.lit("unknown")).as("municipality"),
            col("status"), col("payload_kg"));
  }
}
