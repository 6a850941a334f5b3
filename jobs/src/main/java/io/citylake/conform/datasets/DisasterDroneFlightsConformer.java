package io.citylake.conform.datasets;

import static io.citylake.conform.TypedColumn.cast;
import static io.citylake.conform.TypedColumn.text;
import static io.citylake.conform.TypedColumn.timestamp;

import io.citylake.conform.Conformer;
import io.citylake.conform.Lookup;
import io.citylake.conform.ReferenceTable;
import io.citylake.conform.Rule;
import io.citylake.conform.TypedColumn;
import io.citylake.contract.RawDataset;
import io.citylake.contract.Vocabulary;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;

/** Drone supply flights to shelters, the basis of delivery success and payload KPIs. */
public final class DisasterDroneFlightsConformer implements Conformer {
  @Override
  public RawDataset dataset() {
    return RawDataset.DISASTER_DRONE_FLIGHTS;
  }

  @Override
  public String description() {
    return "One drone flight from a depot to a shelter with payload and outcome";
  }

  @Override
  public List<TypedColumn> columns() {
    return List.of(
        text("flight_id", true, "flight identifier (natural key)"),
        text("origin_id", true, "depot the drone took off from"),
        text("shelter_id", true, "GSI shelter id of the destination"),
        cast("payload_kg", DataTypes.DoubleType, true, "payload, kg"),
        timestamp("departed_at", true, "take-off time"),
        timestamp("arrived_at", false, "arrival time; null when the flight did not arrive"),
        text("status", true, "delivered, aborted or failed"),
        cast("distance_km", DataTypes.DoubleType, false, "flight distance, km"));
  }

  @Override
  public List<String> naturalKey() {
    return List.of("flight_id");
  }

  @Override
  public List<Rule> rules() {
    return List.of(
        Rule.oneOf("status", Vocabulary.FLIGHT_STATUS),
        Rule.between("payload_kg", 0, 50),
        Rule.between("distance_km", 0, 200),
        new Rule("arrived before departure",
            "arrived_at IS NOT NULL AND departed_at IS NOT NULL AND arrived_at < departed_at")
            .on("departed_at", "arrived_at"),
        Rule.onServiceDay("departed_at"));
  }

  @Override
  public List<Lookup> lookups() {
    return List.of(new Lookup("shelter_id", ReferenceTable.SHELTERS.ref(), "shelter_id"));
  }
}
