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
      "sensor_id STRING, type STRING, municipality STRING, lon DOUBLE, lat DOUBLE,"
          + " installed_on DATE", List.of("sensor_id"), true),
  SHELTERS("shelters.csv", "ref_shelters",
      "shelter_id STRING, site_type STRING, name_ja STRING, municipality_code STRING,"
          + " ward_code STRING, lat DOUBLE, lon DOUBLE, address STRING, capacity INT,"
          + " hazards STRING, target_group STRING, remarks STRING, municipality STRING",
      List.of("shelter_id"), true),
  MERCHANTS("merchants.csv", "ref_merchants",
      "merchant_id STRING, municipality STRING, category STRING, lon DOUBLE, lat DOUBLE",
      List.of("merchant_id"), true),
  KPI_TARGETS("kpi_targets.csv", "ref_kpi_targets",
      "kpi_id STRING, municipality STRING, unit STRING, direction STRING, baseline DOUBLE,"
          + " baseline_year INT, target DOUBLE, target_year INT, source STRING",
      List.of("kpi_id", "municipality"), false),
  CONSUMPTION_NORMS("consumption_norms.csv", "ref_consumption_norms",
      "item STRING, per_person_per_day DOUBLE", List.of("item"), false);

  private final String file;
  private final String table;
  private final String ddl;
  private final List<String> key;
  private final boolean located;

  ReferenceTable(String file, String table, String ddl, List<String> key, boolean located) {
    this.file = file;
    this.table = table;
    this.ddl = ddl;
    this.key = List.copyOf(key);
    this.located = located;
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
