package io.citylake.conform;

import io.citylake.job.TableRef;
import java.util.List;
import java.util.Optional;

/**
 * A curated reference file of {@code <lake>/reference/} and the silver table it becomes: explicit
 * column types (Spark DDL) and, for located rows, the lon/lat columns that give its geometry.
 */
public enum ReferenceTable {
  SENSORS("sensors.csv", "ref_sensors",
      "sensor_id STRING COMMENT 'sensor id, as in observations (urn:ngsi-ld:...)',"
          + " type STRING COMMENT 'PeopleCounter, SnowDepth, AirQuality or BridgeStrain',"
          + " municipality STRING COMMENT 'municipality slug',"
          + " lon DOUBLE COMMENT 'WGS84 longitude, degrees',"
          + " lat DOUBLE COMMENT 'WGS84 latitude, degrees',"
          + " installed_on DATE COMMENT 'day the sensor was installed'", List.of("sensor_id"), true,
      "Installed sensors with their type and location (reference/sensors.csv)"),
  SHELTERS("shelters.csv", "ref_shelters",
      "shelter_id STRING COMMENT 'GSI designated-site id',"
          + " site_type STRING COMMENT 'kind of designated site, as GSI publishes it',"
          + " name_ja STRING COMMENT 'site name in Japanese',"
          + " municipality_code STRING COMMENT '5-digit JIS code of the municipality',"
          + " ward_code STRING COMMENT '5-digit JIS code of the ward, when in a city with wards',"
          + " lat DOUBLE COMMENT 'WGS84 latitude, degrees',"
          + " lon DOUBLE COMMENT 'WGS84 longitude, degrees',"
          + " address STRING COMMENT 'address in Japanese',"
          + " capacity INT COMMENT 'persons the site holds (assigned by the sample, not by GSI)',"
          + " hazards STRING COMMENT 'hazards the site is designated for',"
          + " target_group STRING COMMENT 'who the site is for, when restricted',"
          + " remarks STRING COMMENT 'GSI remarks',"
          + " municipality STRING COMMENT 'municipality slug'",
      List.of("shelter_id"), true,
      "Designated evacuation sites (GSI) with their capacity (reference/shelters.csv)"),
  MERCHANTS("merchants.csv", "ref_merchants",
      "merchant_id STRING COMMENT 'merchant id, as in transactions',"
          + " municipality STRING COMMENT 'municipality slug',"
          + " category STRING COMMENT 'merchant category',"
          + " lon DOUBLE COMMENT 'WGS84 longitude, degrees',"
          + " lat DOUBLE COMMENT 'WGS84 latitude, degrees'",
      List.of("merchant_id"), true,
      "Merchants of the points programme with their category and location"
          + " (reference/merchants.csv)"),
  KPI_TARGETS("kpi_targets.csv", "ref_kpi_targets",
      "kpi_id STRING COMMENT 'KPI id (see the KPI definitions)',"
          + " municipality STRING COMMENT 'municipality slug',"
          + " unit STRING COMMENT 'unit of baseline and target',"
          + " direction STRING COMMENT 'whether higher or lower is better',"
          + " baseline DOUBLE COMMENT 'baseline value, null when the city set none',"
          + " baseline_year INT COMMENT 'year (or fiscal year) of the baseline',"
          + " target DOUBLE COMMENT 'target value',"
          + " target_year INT COMMENT 'year (or fiscal year) the target is due',"
          + " year_type STRING COMMENT 'calendar, or fiscal (April to March); empty: calendar',"
          + " path_base DOUBLE COMMENT 'growth path: the level to regain (null: no path)',"
          + " path_base_year INT COMMENT 'growth path: the year of that level',"
          + " path_rate DOUBLE COMMENT 'growth path: annual growth rate, 0.10 for +10 %/yr',"
          + " path_start_year INT COMMENT 'growth path: first year of growth',"
          + " source STRING COMMENT 'where the city states the target'",
      List.of("kpi_id", "municipality"), false,
      "The city's KPI baselines and targets (reference/kpi_targets.csv)"),
  KPI_OBSERVATIONS("kpi_observations.csv", "ref_kpi_observations",
      "kpi_id STRING COMMENT 'KPI id (see the KPI definitions)',"
          + " municipality STRING COMMENT 'municipality slug',"
          + " year_type STRING COMMENT 'calendar, or fiscal (April to March)',"
          + " year INT COMMENT 'the calendar or fiscal year the value covers',"
          + " value DOUBLE COMMENT 'the value the city reports for the year',"
          + " unit STRING COMMENT 'unit of value, the KPI unit',"
          + " source STRING COMMENT 'where the city states the value',"
          + " reported_by STRING COMMENT 'who reported the value',"
          + " reported_on DATE COMMENT 'day the value was reported'",
      List.of("kpi_id", "municipality", "year_type", "year"), false,
      "KPI values reported by the city, not measured by the lake"
          + " (reference/kpi_observations.csv; rejected lines are quarantined)"),
  CONSUMPTION_NORMS("consumption_norms.csv", "ref_consumption_norms",
      "item STRING COMMENT 'consumable item: water_l, food_meals, blankets or batteries',"
          + " per_person_per_day DOUBLE COMMENT 'units one person consumes per day'",
      List.of("item"), false,
      "Daily consumption per person of each shelter supply item"
          + " (reference/consumption_norms.csv)");

  private final String file;
  private final String table;
  private final String ddl;
  private final List<String> key;
  private final boolean located;
  private final String description;

  ReferenceTable(String file, String table, String ddl, List<String> key, boolean located,
      String description) {
    this.file = file;
    this.table = table;
    this.ddl = ddl;
    this.key = List.copyOf(key);
    this.located = located;
    this.description = description;
  }

  /** The table's dictionary entry: description, key as grain, column comments. */
  public io.citylake.lake.TableDoc doc() {
    java.util.Map<String, String> columns = new java.util.LinkedHashMap<>(
        io.citylake.lake.TableDoc.commentsOf(org.apache.spark.sql.types.StructType.fromDDL(ddl)));
    if (located) {
      columns.put("geometry_wkb", "point (lon, lat) as WKB; ST_GeomFromWKB rebuilds it");
    }
    return new io.citylake.lake.TableDoc(description, key, columns);
  }

  public String file() {
    return file;
  }

  public String table() {
    return table;
  }

  /** Column names and types in file order, as Spark DDL. */
  public String ddl() {
    return ddl;
  }

  public List<String> key() {
    return key;
  }

  /** Whether rows carry lon/lat and so get a geometry. */
  public boolean located() {
    return located;
  }

  public TableRef ref() {
    return TableRef.silver(table);
  }

  public static Optional<ReferenceTable> byTable(String table) {
    return java.util.Arrays.stream(values()).filter(t -> t.table.equals(table)).findFirst();
  }
}
