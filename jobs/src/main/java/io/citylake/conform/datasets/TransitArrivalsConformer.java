package io.citylake.conform.datasets;

import static io.citylake.conform.TypedColumn.text;
import static io.citylake.conform.TypedColumn.timestamp;

import io.citylake.conform.Conformer;
import io.citylake.conform.Lookup;
import io.citylake.conform.Rule;
import io.citylake.conform.TypedColumn;
import io.citylake.contract.RawDataset;
import io.citylake.job.TableRef;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;

/** Actual arrival times of vehicles at stops, the basis of bus waiting time. */
public final class TransitArrivalsConformer implements Conformer {
  @Override
  public RawDataset dataset() {
    return RawDataset.TRANSIT_ARRIVALS;
  }

  @Override
  public String description() {
    return "One vehicle arrival per trip and stop with scheduled and actual time";
  }

  @Override
  public List<TypedColumn> columns() {
    return List.of(
        text("trip_id", true, "GTFS trip_id"),
        text("stop_id", true, "GTFS stop_id"),
        timestamp("scheduled_at", true, "timetable arrival time"),
        timestamp("actual_at", true, "observed arrival time"),
        TypedColumn.derived("delay_seconds", DataTypes.LongType,
            "unix_seconds(try_cast(actual_at AS TIMESTAMP))"
                + " - unix_seconds(try_cast(scheduled_at AS TIMESTAMP))",
            "actual minus scheduled, seconds (negative: early)"));
  }

  @Override
  public List<String> naturalKey() {
    return List.of("trip_id", "stop_id", "scheduled_at");
  }

  @Override
  public List<Rule> rules() {
    return List.of(
        new Rule("absurd delay", "delay_seconds IS NOT NULL AND (delay_seconds < -3600"
            + " OR delay_seconds > 4 * 3600)").on("scheduled_at", "actual_at"),
        Rule.onServiceDay("scheduled_at"));
  }

  @Override
  public List<Lookup> lookups() {
    return List.of(
        new Lookup("trip_id", TableRef.silver("gtfs_trips"), "trip_id"),
        new Lookup("stop_id", TableRef.silver("gtfs_stops"), "stop_id"));
  }
}
