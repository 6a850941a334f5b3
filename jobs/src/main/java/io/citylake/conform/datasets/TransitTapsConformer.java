package io.citylake.conform.datasets;

import static io.citylake.conform.TypedColumn.cast;
import static io.citylake.conform.TypedColumn.pseudonym;
import static io.citylake.conform.TypedColumn.text;
import static io.citylake.conform.TypedColumn.timestamp;

import io.citylake.conform.Conformer;
import io.citylake.conform.Lookup;
import io.citylake.conform.Rule;
import io.citylake.conform.TypedColumn;
import io.citylake.contract.RawDataset;
import io.citylake.contract.Vocabulary;
import io.citylake.job.TableRef;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;

/** Boarding and alighting taps of IC cards and face authentication at bus stops. */
public final class TransitTapsConformer implements Conformer {
  @Override
  public RawDataset dataset() {
    return RawDataset.TRANSIT_TAPS;
  }

  @Override
  public String description() {
    return "One boarding or alighting tap per row, card pseudonymised, stop and route checked"
        + " against the GTFS feeds";
  }

  @Override
  public List<TypedColumn> columns() {
    return List.of(
        text("tap_id", true, "provider's tap identifier (natural key)"),
        pseudonym("card_pseudonym", "card_id", "keyed pseudonym of the IC card / face id"),
        text("auth", true, "ic or face"),
        text("kind", true, "board or alight"),
        text("stop_id", true, "GTFS stop_id of the stop"),
        text("route_id", true, "GTFS route_id of the route"),
        timestamp("tapped_at", true, "when the tap happened"),
        cast("fare_yen", DataTypes.createDecimalType(12, 2), true, "fare charged, yen"));
  }

  @Override
  public List<String> naturalKey() {
    return List.of("tap_id");
  }

  @Override
  public List<Rule> rules() {
    return List.of(
        Rule.oneOf("auth", Vocabulary.TAP_AUTH),
        Rule.oneOf("kind", Vocabulary.TAP_KIND),
        Rule.between("fare_yen", 0, 100_000),
        Rule.onServiceDay("tapped_at"));
  }

  @Override
  public List<Lookup> lookups() {
    return List.of(
        new Lookup("stop_id", TableRef.silver("gtfs_stops"), "stop_id"),
        new Lookup("route_id", TableRef.silver("gtfs_routes"), "route_id"));
  }
}
