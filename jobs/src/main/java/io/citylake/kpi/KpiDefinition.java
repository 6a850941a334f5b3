package io.citylake.kpi;

import io.citylake.gold.CountBasis;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The city's KPI definitions of the data contract as plain data: what each KPI means, in which
 * unit the catalogue reports its headline value, which way is better and at which grains gold
 * publishes it. Gold jobs and the catalogue read these; nothing here needs Spark. Two outcomes
 * are not measured but reported by the town ({@link #measured()} false).
 */
public enum KpiDefinition {
  WALKING_MINUTES_AVG("walking_minutes_avg", "Average walking minutes", "min/day",
      Direction.HIGHER, CountBasis.PERSONS, List.of("municipality x day", "municipality x month"),
      "Mean over persons of walking minutes per day; a person-day with empty walking_minutes"
          + " counts steps/100 minutes; person-days with steps < 0 or > 100000 are invalid"),
  CAR_DAILY_SHARE("car_daily_share", "Car daily share", "share", Direction.LOWER,
      CountBasis.PERSONS, List.of("municipality x day", "municipality x month"),
      "Persons with at least one car trip that day divided by persons with at least one trip"
          + " that day (panel trip diary)"),
  TOURISM_SPEND_YEN("tourism_spend_yen", "Tourism spend", "yen/year", Direction.HIGHER,
      CountBasis.PERSONS,
      List.of("municipality x day", "municipality x month", "municipality x year"),
      "Sum of amount_yen x weight over spend transactions with visitor=true; annualised = mean"
          + " daily spend x 365"),
  VISITORS("visitors", "Visitors", "persons/year", Direction.HIGHER, CountBasis.PERSONS,
      List.of("municipality x day", "municipality x month"),
      "Sum of panel weight over distinct visitor cards per day; annualised = mean daily"
          + " visitors x 365 (visitor-days)"),
  BUS_WAIT_MINUTES_AVG("bus_wait_minutes_avg", "Average bus waiting time", "min",
      Direction.LOWER, CountBasis.PERSONS, List.of("municipality x route x hour",
          "municipality x day"),
      "For each board tap: minutes from the tap to the next actual arrival on the same route at"
          + " the same stop; mean over taps"),
  RIDERSHIP("ridership", "Bus ridership", "board taps/day", Direction.HIGHER,
      CountBasis.PERSONS, List.of("route x stop x hour", "municipality x day"),
      "Count of board taps"),
  ELDERLY_FEELS_SAFE_SHARE("elderly_feels_safe_share", "Elderly feeling safe", "share",
      Direction.HIGHER, CountBasis.PERSONS, List.of("municipality x survey"),
      "Share of feels_safe=agree among respondents aged 65+ (age bands 65-74 and 75+)"),
  SATISFACTION_SHARE("satisfaction_share", "Resident satisfaction", "share", Direction.HIGHER,
      CountBasis.PERSONS, List.of("municipality x survey"),
      "Share of respondents answering satisfaction 4 or 5"),
  CONTINUE_INTENT_SHARE("continue_intent_share", "Intent to continue", "share",
      Direction.HIGHER, CountBasis.PERSONS, List.of("municipality x survey"),
      "Share of respondents answering continue_intent=yes"),
  SHELTER_DAYS_TO_SHORTAGE("shelter_days_to_shortage", "Shelter days to shortage", "days",
      Direction.HIGHER, CountBasis.RECORDS, List.of("shelter x item x time"),
      "Per shelter and consumable item: latest stock / (current headcount x daily norm per"
          + " person); items with norm 0 are skipped; headcount = check-ins minus check-outs"),
  DRONE_DELIVERY_SUCCESS("drone_delivery_success", "Drone delivery success", "share",
      Direction.HIGHER, CountBasis.RECORDS, List.of("municipality x day"),
      "Delivered flights / flights; also the share of flights with payload of 5 kg or more."
          + " The city's target (deliveries of 5 kg or more with a successful autonomous flight)"
          + " is composite: a flight meets it when its record has status = delivered and"
          + " payload_kg >= 5, so drone_delivery_daily publishes the success share, the share"
          + " of payloads of 5 kg or more and max_delivered_payload_kg. The flight records"
          + " cannot show whether a flight was flown autonomously (they have no autonomy or"
          + " manual-override field) nor that the goods arrived intact, so the 5 kg target is"
          + " not_comparable with the success share and is read from those columns"),
  PEOPLE_FLOW("people_flow", "People flow", "persons/day", Direction.HIGHER,
      CountBasis.RECORDS, List.of("municipality x hour"),
      "Sum of PeopleCounter values (persons per 15 min) per municipality and hour"),
  SNOW_DEPTH_MAX("snow_depth_max", "Maximum snow depth", "cm", Direction.LOWER,
      CountBasis.RECORDS, List.of("municipality x day"), "Maximum SnowDepth observation"),
  COMPANIES_ATTRACTED("companies_attracted", "Companies attracted", "companies",
      Direction.HIGHER, CountBasis.RECORDS, List.of("municipality x year (reported)"),
      "Companies that set up in the municipality in the year, as reported by the town"
          + " (reference/kpi_observations.csv); not measured by the lake's sensors", false),
  HOUSEHOLDS_MOVED_IN("households_moved_in", "Households moved in", "households",
      Direction.HIGHER, CountBasis.RECORDS, List.of("municipality x year (reported)"),
      "Households that moved into the municipality in the year, as reported by the town"
          + " (reference/kpi_observations.csv); not measured by the lake's sensors", false);

  private final String id;
  private final String title;
  private final String unit;
  private final Direction direction;
  private final CountBasis basis;
  private final List<String> grains;
  private final String definition;
  private final boolean measured;

  KpiDefinition(String id, String title, String unit, Direction direction, CountBasis basis,
      List<String> grains, String definition) {
    this(id, title, unit, direction, basis, grains, definition, true);
  }

  KpiDefinition(String id, String title, String unit, Direction direction, CountBasis basis,
      List<String> grains, String definition, boolean measured) {
    this.measured = measured;
    this.id = id;
    this.title = title;
    this.unit = unit;
    this.direction = direction;
    this.basis = basis;
    this.grains = List.copyOf(grains);
    this.definition = definition;
  }

  /** The contract's {@code kpi_id}. */
  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  /** Unit of the catalogue's headline value, comparable with reference/kpi_targets.csv. */
  public String unit() {
    return unit;
  }

  public Direction direction() {
    return direction;
  }

  public CountBasis basis() {
    return basis;
  }

  /** The grains gold publishes, e.g. {@code municipality x day}. */
  public List<String> grains() {
    return grains;
  }

  public String definition() {
    return definition;
  }

  /**
   * True when the lake computes the KPI from delivered data (it has a gold headline series);
   * false for outcomes only the city reports (reference/kpi_observations.csv).
   */
  public boolean measured() {
    return measured;
  }

  /** The KPIs the lake computes, in definition order. */
  public static List<KpiDefinition> measuredKpis() {
    return Arrays.stream(values()).filter(KpiDefinition::measured).toList();
  }

  public static Optional<KpiDefinition> byId(String id) {
    return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
  }
}
