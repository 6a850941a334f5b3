package io.citylake.kpi;

import static org.apache.spark.sql.functions.col;

import io.citylake.contract.Vocabulary;
import io.citylake.gold.PeriodicKpiJob;
import io.citylake.job.JobContext;
import io.citylake.job.TableRef;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * What the bus KPIs need from the silver GTFS tables: the municipality of each stop and the
 * route of each trip. A stop's municipality is its feed's: the feed id's prefix before the first
 * {@code -} when it is a municipality slug ({@code sapporo-bus} → sapporo), else {@code
 * unknown}. Both frames are small and meant to be broadcast; without GTFS tables they are empty.
 */
public final class BusNetwork {
  public static final String STOPS = "gtfs_stops";
  public static final String TRIPS = "gtfs_trips";
  /** The silver taps the bus KPIs count boardings in. */
  public static final String TAPS = "transit_taps";

  private BusNetwork() {}

  /** The municipality a feed id belongs to, as a column expression. */
  public static Column feedMunicipality(Column feedId) {
    Column prefix = functions.substring_index(feedId, "-", 1);
    return functions.when(prefix.isin(Vocabulary.MUNICIPALITIES.toArray()), prefix)
        .otherwise(functions.lit("unknown"));
  }

  /** {@code (stop_id, municipality)}, one row per stop id. */
  public static Dataset<Row> stopMunicipalities(JobContext context) {
    TableRef stops = TableRef.silver(STOPS);
    if (!context.tables().exists(stops)) {
      return empty(context, "stop_id STRING, municipality STRING");
    }
    return context.tables().read(stops)
        .groupBy("stop_id").agg(functions.min(feedMunicipality(col("feed_id")))
            .as("municipality"));
  }

  /** {@code (trip_id, route_id)}, one row per trip id. */
  public static Dataset<Row> tripRoutes(JobContext context) {
    TableRef trips = TableRef.silver(TRIPS);
    if (!context.tables().exists(trips)) {
      return empty(context, "trip_id STRING, route_id STRING");
    }
    return context.tables().read(trips)
        .groupBy("trip_id").agg(functions.min("route_id").as("route_id"));
  }

  /** Board taps of service days {@code from}..{@code to} with their stop's municipality. */
  public static Dataset<Row> boardTaps(JobContext context, java.time.LocalDate from,
      java.time.LocalDate to) {
    Dataset<Row> stops = stopMunicipalities(context);
    Dataset<Row> taps = context.tables().read(TableRef.silver(TAPS))
        .where(col("dt").between(java.sql.Date.valueOf(from), java.sql.Date.valueOf(to)))
        .where(col("kind").equalTo("board"));
    return taps.join(functions.broadcast(stops.withColumnRenamed("stop_id", "_stop")),
            taps.col("stop_id").equalTo(col("_stop")), "left")
        .select(col("dt").as(PeriodicKpiJob.DAY),
            functions.coalesce(col("municipality"), functions.lit("unknown")).as("municipality"),
            col("route_id"), col("stop_id"), col("tapped_at"), col("card_pseudonym"),
            functions.date_trunc("hour", col("tapped_at")).as("hour_start"));
  }

  private static Dataset<Row> empty(JobContext context, String ddl) {
    return context.spark().createDataFrame(List.<Row>of(), StructType.fromDDL(ddl));
  }
}
