package io.citylake.privacy;

import io.citylake.privacy.AdditiveRelation.Kind;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How the published gold tables nest, declared once as data: every additive relation an analyst
 * could subtract along (which rows add up to which, by which key), and every numeric column that
 * adds up to nothing published, with the reason. Complementary suppression protects the
 * relations; the sample-lake tests fail when a published gold table has a numeric column that is
 * neither in a relation nor declared standalone, so a new table cannot be published without
 * saying how it nests. A relation's measures are value columns, nulled in a suppressed cell; a
 * column published for every cell hides nothing and is declared standalone.
 */
public final class GoldRelations {
  private static final String MESH = "tourism_spend_mesh_daily";
  private static final String AREA_FLOW = "people_flow_area_hourly";
  private static final String FLOW = "people_flow_hourly";
  private static final String WARD_DAY_FLOW = "people_flow_ward_daily";
  private static final String MESH3_OF_MESH4 = "substr(area_id, 1, 8)";
  private static final String MONTH_OF_DT = "trunc(dt, 'MM')";

  private static final List<AdditiveRelation> ALL = List.of(
      // tourism spend: 500 m squares in 1 km squares in the municipality, days in months in years
      new AdditiveRelation("tourism_mesh4_in_mesh3", Kind.SPATIAL,
          CellSide.where(MESH, "area_level = 'mesh3'", "municipality", "dt", "area_id"),
          CellSide.where(MESH, "area_level = 'mesh4'", "municipality", "dt", MESH3_OF_MESH4),
          List.of(Measure.of("spend_yen"), Measure.of("transactions"))),
      new AdditiveRelation("tourism_mesh3_in_municipality", Kind.SPATIAL,
          CellSide.of("tourism_spend_daily", "municipality", "dt"),
          CellSide.where(MESH, "area_level = 'mesh3'", "municipality", "dt"),
          List.of(Measure.of("spend_yen"))),
      new AdditiveRelation("tourism_spend_days_in_month", Kind.TIME,
          CellSide.of("tourism_spend_monthly", "municipality", "month"),
          CellSide.of("tourism_spend_daily", "municipality", MONTH_OF_DT),
          List.of(Measure.of("spend_yen"))),
      new AdditiveRelation("tourism_spend_months_in_year", Kind.TIME,
          CellSide.of("tourism_spend_yearly", "municipality", "year"),
          CellSide.of("tourism_spend_monthly", "municipality", "trunc(month, 'YEAR')"),
          List.of(Measure.of("spend_yen"))),
      new AdditiveRelation("visitors_days_in_month", Kind.TIME,
          CellSide.of("visitors_monthly", "municipality", "month"),
          CellSide.of("visitors_daily", "municipality", MONTH_OF_DT),
          List.of(Measure.of("visitors"))),
      new AdditiveRelation("walking_days_in_month", Kind.TIME,
          CellSide.of("walking_minutes_monthly", "municipality", "month"),
          CellSide.of("walking_minutes_daily", "municipality", MONTH_OF_DT),
          List.of(Measure.of("person_days"),
              Measure.weighted("walking_minutes_avg", "person_days"))),
      new AdditiveRelation("car_share_days_in_month", Kind.TIME,
          CellSide.of("car_daily_share_monthly", "municipality", "month"),
          CellSide.of("car_daily_share_daily", "municipality", MONTH_OF_DT),
          List.of(Measure.of("car_person_days"), Measure.of("travel_person_days"))),
      // bus: route × hour in the day; stop × route × hour in the stop-day and in the day
      new AdditiveRelation("bus_wait_hours_in_day", Kind.TIME,
          CellSide.of("bus_wait_daily", "municipality", "dt"),
          CellSide.of("bus_wait_hourly", "municipality", "dt"),
          List.of(Measure.of("taps"), Measure.weighted("wait_minutes_avg", "taps"))),
      new AdditiveRelation("ridership_hours_in_day", Kind.TIME,
          CellSide.of("ridership_daily", "municipality", "dt"),
          CellSide.of("ridership_hourly", "municipality", "dt"),
          List.of(Measure.of("board_taps"))),
      new AdditiveRelation("ridership_hours_in_stop_day", Kind.TIME,
          CellSide.of("ridership_stop_daily", "municipality", "stop_id", "dt"),
          CellSide.of("ridership_hourly", "municipality", "stop_id", "dt"),
          List.of(Measure.of("boardings", "board_taps"))),
      new AdditiveRelation("ridership_stops_in_day", Kind.CROSS_TABLE,
          CellSide.of("ridership_daily", "municipality", "dt"),
          CellSide.of("ridership_stop_daily", "municipality", "dt"),
          List.of(Measure.of("board_taps", "boardings"))),
      // people flow: wards, 1 km squares and H3 cells each add up to the municipal hour
      areasInMunicipality("people_flow_wards_in_municipality", "ward"),
      areasInMunicipality("people_flow_mesh3_in_municipality", "mesh3"),
      areasInMunicipality("people_flow_h3_in_municipality", "h3"),
      new AdditiveRelation("people_flow_mesh4_in_mesh3", Kind.SPATIAL,
          CellSide.where(AREA_FLOW, "area_level = 'mesh3'", "municipality", "dt", "hour_start",
              "area_id"),
          CellSide.where(AREA_FLOW, "area_level = 'mesh4'", "municipality", "dt", "hour_start",
              MESH3_OF_MESH4),
          List.of(Measure.of("people_count"))),
      // people flow per ward and day: the ward's hours add up to it, and the wards' days add up
      // to the municipal hours of the day (the report's daily ward map)
      new AdditiveRelation("people_flow_ward_hours_in_day", Kind.TIME,
          CellSide.of(WARD_DAY_FLOW, "municipality", "dt", "area_id"),
          CellSide.where(AREA_FLOW, "area_level = 'ward'", "municipality", "dt", "area_id"),
          List.of(Measure.of("people_count"))),
      new AdditiveRelation("people_flow_ward_days_in_municipal_day", Kind.SPATIAL,
          CellSide.of(FLOW, "municipality", "dt"),
          CellSide.of(WARD_DAY_FLOW, "municipality", "dt"),
          List.of(Measure.of("people_count"))));

  private static final String PERSONS = "distinct persons: not additive across cells (a person"
      + " counts in several); published for every cell, it is what k is applied to";
  private static final String ANNUALISED = "the period's sum / days_with_data × 365: suppressed"
      + " with the sum";
  private static final String DAYS = "days of the period with data: a calendar count, not"
      + " persons";
  private static final String SENSORS = "distinct devices: not additive, not persons";
  private static final String MAX = "a maximum, not a sum";
  private static final String COORDINATES = "coordinates of the point";
  private static final String RECORDS = "device or stock records, not persons, and no other"
      + " table publishes a total of them";
  private static final String SURVEY = "one survey per municipality and day: no table publishes"
      + " a total or a part of it";
  private static final String ALWAYS_PUBLISHED = "adds up, but is published for suppressed"
      + " cells too (a count of devices' records or of taps without a bus), so it hides nothing"
      + " and reveals no suppressed value";
  private static final String TARGETS = "the city's targets and the catalogue's copies of"
      + " published values; nothing adds up to them";

  private static final Map<String, Map<String, String>> STANDALONE = standalone();

  private GoldRelations() {}

  private static AdditiveRelation areasInMunicipality(String name, String level) {
    return new AdditiveRelation(name, Kind.SPATIAL,
        CellSide.of(FLOW, "municipality", "dt", "hour_start"),
        CellSide.where(AREA_FLOW, "area_level = '" + level + "'", "municipality", "dt",
            "hour_start"),
        List.of(Measure.of("people_count")));
  }

  private static Map<String, Map<String, String>> standalone() {
    Map<String, Map<String, String>> s = new TreeMap<>();
    for (String t : List.of("walking_minutes_daily", "walking_minutes_monthly",
        "ridership_hourly", "ridership_daily", MESH)) {
      s.put(t, Map.of("persons", PERSONS));
    }
    for (String t : List.of("bus_wait_hourly", "bus_wait_daily")) {
      s.put(t, Map.of("persons", PERSONS, "taps_without_arrival", ALWAYS_PUBLISHED));
    }
    for (String t : List.of("car_daily_share_daily", "car_daily_share_monthly")) {
      s.put(t, Map.of("persons", PERSONS, "car_daily_share",
          "car_person_days / travel_person_days: suppressed with them"));
    }
    for (String t : List.of("tourism_spend_daily", "tourism_spend_monthly",
        "tourism_spend_yearly")) {
      s.put(t, Map.of("persons", PERSONS, "annualised_spend_yen", ANNUALISED,
          "days_with_data", DAYS));
    }
    for (String t : List.of("visitors_daily", "visitors_monthly")) {
      s.put(t, Map.of("persons", PERSONS, "annualised_visitors", ANNUALISED,
          "days_with_data", DAYS));
    }
    s.put("survey_shares", Map.of("share", SURVEY, "positive", SURVEY, "respondents", SURVEY,
        "persons", PERSONS));
    s.put("shelter_days_to_shortage", Map.of("stock", RECORDS, "headcount",
        "running headcount at a stock count: a state, not a sum of published cells",
        "norm_per_person_per_day", "reference norm", "days_to_shortage", "a ratio",
        "records", RECORDS));
    s.put("drone_delivery_daily", Map.of("delivery_success_share", RECORDS,
        "heavy_payload_share", RECORDS, "flights", RECORDS, "delivered", RECORDS,
        "max_delivered_payload_kg", MAX, "records", RECORDS));
    s.put("snow_depth_daily", Map.of("snow_depth_max_cm", MAX, "sensors", SENSORS,
        "records", RECORDS));
    s.put("air_quality_daily", Map.of("pm25_mean_ug_m3",
        "a mean of device readings, not a count of persons", "pm25_max_ug_m3", MAX,
        "sensors", SENSORS, "records", RECORDS));
    s.put("snow_depth_ward_daily", Map.of("snow_depth_max_cm", MAX, "sensors", SENSORS,
        "records", RECORDS, "priority_rank", "a rank within the day"));
    s.put(FLOW, Map.of("sensors", SENSORS, "records", ALWAYS_PUBLISHED));
    s.put(AREA_FLOW, Map.of("sensors", SENSORS, "records", ALWAYS_PUBLISHED));
    s.put(WARD_DAY_FLOW, Map.of("sensors", SENSORS, "records", ALWAYS_PUBLISHED));
    s.put("ridership_stop_daily", Map.of("lon", COORDINATES, "lat", COORDINATES,
        "persons", PERSONS));
    s.put("shelter_load_daily", Map.of("capacity", "the shelter's capacity (reference)",
        "lon", COORDINATES, "lat", COORDINATES,
        "peak_headcount", MAX + ": the day's peak of one shelter, suppressed below k",
        "load_ratio", "peak_headcount / capacity: suppressed with it", "records", RECORDS));
    s.put("spatial_areas", Map.of("min_lon", COORDINATES, "min_lat", COORDINATES,
        "max_lon", COORDINATES, "max_lat", COORDINATES));
    s.put("kpi_catalogue", Map.ofEntries(Map.entry("baseline", TARGETS),
        Map.entry("baseline_year", TARGETS), Map.entry("target", TARGETS),
        Map.entry("target_year", TARGETS), Map.entry("path_base", TARGETS),
        Map.entry("path_base_year", TARGETS), Map.entry("path_rate", TARGETS),
        Map.entry("path_start_year", TARGETS), Map.entry("latest_value", TARGETS),
        Map.entry("change_vs_baseline", TARGETS),
        Map.entry("series_points", "count of published points"),
        Map.entry("projected_value", "a trend of published values")));
    s.put("kpi_headline_series", Map.of("value", TARGETS));
    return s;
  }

  public static List<AdditiveRelation> all() {
    return ALL;
  }

  /**
   * The gold tables cleared for publication: those whose every numeric column says how it nests
   * (in a relation or standalone), which the sample-lake tests hold for every table the
   * pipeline publishes. Bookkeeping tables ({@code kpi_watermarks}) are not among them.
   */
  public static java.util.SortedSet<String> publishedTables() {
    java.util.SortedSet<String> tables = new java.util.TreeSet<>(STANDALONE.keySet());
    ALL.forEach(relation -> tables.addAll(relation.tables()));
    return java.util.Collections.unmodifiableSortedSet(tables);
  }

  /** Numeric columns of gold tables that add up to nothing published, with the reason. */
  public static Map<String, Map<String, String>> standaloneColumns() {
    return STANDALONE;
  }

  /**
   * The relations a job protects: those naming one of its own tables and otherwise only tables
   * it reads (written before it). Every relation has exactly one such job in the pipeline.
   */
  public static List<AdditiveRelation> handledBy(Collection<String> own,
      Collection<String> reads) {
    Set<String> visible = new java.util.HashSet<>(own);
    visible.addAll(reads);
    return ALL.stream()
        .filter(r -> r.tables().stream().anyMatch(own::contains))
        .filter(r -> visible.containsAll(r.tables()))
        .toList();
  }

  /** True when {@code column} of {@code table} is in a relation or declared standalone. */
  public static boolean declared(String table, String column) {
    if (STANDALONE.getOrDefault(table, Map.of()).containsKey(column)) {
      return true;
    }
    return ALL.stream().filter(r -> r.tables().contains(table))
        .anyMatch(r -> r.columnsOf(table).contains(column));
  }
}
