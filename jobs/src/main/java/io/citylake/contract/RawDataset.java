package io.citylake.contract;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The dated raw datasets of the data contract ({@code DATA-CONTRACT.md}), one constant each.
 *
 * <p>Providers do not change their formats for us, so the field lists here are the providers' own
 * column names in their own order; bronze keeps them as strings and silver types them. Every layer,
 * the sample generator and the tests take the layout from here instead of repeating it.
 */
public enum RawDataset {
  SENSOR_OBSERVATIONS("sensors", "observations", RawFormat.JSONL,
      List.of("id", "type", "municipality", "observedAt", "location", "value", "unit")),
  TRANSIT_TAPS("transit", "taps", RawFormat.CSV,
      List.of("tap_id", "card_id", "auth", "kind", "stop_id", "route_id", "tapped_at", "fare_yen")),
  TRANSIT_ARRIVALS("transit", "arrivals", RawFormat.CSV,
      List.of("trip_id", "stop_id", "scheduled_at", "actual_at")),
  TRANSIT_TRIP_DIARY("transit", "trip_diary", RawFormat.CSV,
      List.of("person_id", "municipality", "age_band", "trip_date", "trip_no", "mode", "purpose")),
  POINTS_STEPS("points", "steps", RawFormat.CSV,
      List.of("person_id", "municipality", "age_band", "activity_date", "steps", "walking_minutes")),
  POINTS_TRANSACTIONS("points", "transactions", RawFormat.JSONL,
      List.of("txn_id", "card_id", "municipality", "kind", "merchant_id", "merchant_category",
          "amount_yen", "points", "visitor", "home_prefecture", "weight", "ts", "lon", "lat")),
  DISASTER_CHECKINS("disaster", "checkins", RawFormat.CSV,
      List.of("shelter_id", "person_id", "action", "ts")),
  DISASTER_INVENTORY("disaster", "inventory", RawFormat.CSV,
      List.of("shelter_id", "item", "quantity", "counted_at")),
  DISASTER_DRONE_FLIGHTS("disaster", "drone_flights", RawFormat.JSONL,
      List.of("flight_id", "origin_id", "shelter_id", "payload_kg", "departed_at", "arrived_at",
          "status", "distance_km")),
  DISASTER_ALERTS("disaster", "alerts", RawFormat.JSONL,
      List.of("alert_id", "municipality", "level", "area_wkt", "issued_at", "lifted_at")),
  SURVEY_RESPONSES("surveys", "responses", RawFormat.CSV,
      List.of("respondent_id", "municipality", "age_band", "survey_date", "question", "answer")),
  /**
   * NGSI-LD entities from the city's data-linkage platform (FIWARE context broker). Bronze keeps
   * one row per observed attribute instance (see {@code io.citylake.ingest.NgsiLdEntities}).
   */
  SENSOR_NGSI_LD("sensors", "ngsi_ld", RawFormat.NGSI_LD,
      List.of("entity_id", "entity_type", "entity_no", "attribute", "dataset_id", "observed_at",
          "time_source", "value", "value_kind", "unit_code", "location"));

  /**
   * Fields that identify a person (the contract's privacy rules): they never leave bronze in
   * clear, and screens that show bronze text mask them unless asked not to.
   */
  public static final List<String> PERSONAL_IDENTIFIERS =
      List.of("person_id", "card_id", "respondent_id");

  private final String family;
  private final String dataset;
  private final RawFormat format;
  private final List<String> fields;

  RawDataset(String family, String dataset, RawFormat format, List<String> fields) {
    this.family = family;
    this.dataset = dataset;
    this.format = format;
    this.fields = List.copyOf(fields);
  }

  /** Log family, the first directory under {@code raw/}: sensors, transit, points, disaster, surveys. */
  public String family() {
    return family;
  }

  /** Dataset directory under the family, e.g. {@code taps}. */
  public String dataset() {
    return dataset;
  }

  public RawFormat format() {
    return format;
  }

  /** The provider's field names in file order (CSV header order). */
  public List<String> fields() {
    return fields;
  }

  /** This dataset's fields that identify a person, in file order. */
  public List<String> personalFields() {
    return fields.stream().filter(PERSONAL_IDENTIFIERS::contains).toList();
  }

  /** The CSV header line a provider writes, e.g. {@code tap_id,card_id,...}. */
  public String csvHeader() {
    return String.join(",", fields);
  }

  /** Path of the dataset below the lake root, e.g. {@code raw/transit/taps}. */
  public String rawPath() {
    return "raw/" + family + "/" + dataset;
  }

  /** Table name used in every layer, e.g. {@code transit_taps}. */
  public String tableName() {
    return family + "_" + dataset;
  }

  /** Finds a dataset by its table name ({@code transit_taps}) or path ({@code transit/taps}). */
  public static Optional<RawDataset> find(String name) {
    return Arrays.stream(values())
        .filter(d -> d.tableName().equals(name) || (d.family + "/" + d.dataset).equals(name))
        .findFirst();
  }
}
