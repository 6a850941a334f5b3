package io.citylake.conform.datasets;

import io.citylake.ingest.BronzeColumns;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Which NGSI-LD attributes are the sensor observations the KPIs read, and how their units convert
 * to the contract's: {@code CrowdFlowObserved.peopleCount} → people counts,
 * {@code WeatherObserved.snowHeight} → snow depth (cm), {@code AirQualityObserved.pm25} → air
 * quality (µg/m³). Unit codes are UN/CEFACT; a value without one is in the Smart Data Models'
 * default unit. A unit that does not convert keeps its value and names the code, so the
 * observation is quarantined for it instead of being read in the wrong unit.
 */
public final class NgsiLdObservations {
  /** One mapped attribute: its sensor type, contract unit and unit-code conversions. */
  public record Mapping(String entityType, String attribute, String sensorType, String unit,
      List<Conversion> conversions) {}

  /** Multiply a value in {@code unitCode} by {@code factor} (divide when below 1). */
  public record Conversion(String unitCode, double multiplier, double divisor) {}

  public static final List<Mapping> MAPPINGS = List.of(
      new Mapping("CrowdFlowObserved", "peopleCount", "PeopleCounter", "persons",
          List.of(new Conversion(null, 1, 1), new Conversion("C62", 1, 1),
              new Conversion("IE", 1, 1))),
      new Mapping("WeatherObserved", "snowHeight", "SnowDepth", "cm",
          List.of(new Conversion(null, 1, 1), new Conversion("CMT", 1, 1),
              new Conversion("MTR", 100, 1), new Conversion("MMT", 1, 10))),
      new Mapping("AirQualityObserved", "pm25", "AirQuality", "ug/m3",
          List.of(new Conversion(null, 1, 1), new Conversion("GQ", 1, 1),
              new Conversion("GP", 1000, 1))));

  /** The unit a quarantined observation names when its code does not convert. */
  public static final String UNCONVERTED_PREFIX = "unitCode ";

  private NgsiLdObservations() {}

  /**
   * Mapped attribute instances of {@code bronze.sensors_ngsi_ld} as rows of
   * {@code bronze.sensors_observations}: the entity id as sensor id, the mapped type, the time as
   * delivered (zone-less read as JST), the location's centroid as a GeoJSON point, the value in
   * the contract's unit; municipality is left to the sensor registry. Ingest metadata unchanged.
   */
  public static Dataset<Row> asObservations(Dataset<Row> ngsiBronze) {
    Column mapped = functions.lit(false);
    Column type = null;
    Column unit = null;
    Column value = null;
    Column v = functions.expr("try_cast(value AS DOUBLE)");
    Column code = functions.col("unit_code");
    for (Mapping m : MAPPINGS) {
      Column is = functions.col("entity_type").equalTo(m.entityType())
          .and(functions.col("attribute").equalTo(m.attribute()));
      mapped = mapped.or(is);
      type = type == null ? functions.when(is, m.sensorType()) : type.when(is, m.sensorType());
      for (Conversion c : m.conversions()) {
        Column when = is.and(c.unitCode() == null ? code.isNull() : code.equalTo(c.unitCode()));
        Column converted = v.multiply(c.multiplier()).divide(c.divisor()).cast("string");
        unit = unit == null ? functions.when(when, m.unit()) : unit.when(when, m.unit());
        value = value == null ? functions.when(when, converted) : value.when(when, converted);
      }
    }
    unit = unit.otherwise(functions.concat(functions.lit(UNCONVERTED_PREFIX), code));
    value = value.otherwise(functions.col("value"));
    List<Column> columns = new ArrayList<>(List.of(
        functions.col("entity_id").as("id"), type.as("type"),
        functions.lit(null).cast("string").as("municipality"),
        functions.expr("CASE WHEN observed_at RLIKE " + SensorNgsiLdConformer.ZONELESS
            + " THEN concat(observed_at, '+09:00') ELSE observed_at END").as("observedAt"),
        functions.expr("CASE WHEN get_json_object(location, '$.type') = 'Point' THEN location"
            + " WHEN (" + SensorNgsiLdConformer.geometry("location") + ") IS NOT NULL"
            + " THEN ST_AsGeoJSON(ST_Centroid(ST_GeomFromGeoJSON(location))) END")
            .as("location"),
        value.as("value"), unit.as("unit")));
    for (String metadata : BronzeColumns.schema(List.of()).fieldNames()) {
      columns.add(functions.col(metadata));
    }
    return ngsiBronze.where(mapped.and(functions.col(BronzeColumns.PARSE_ERROR).isNull()))
        .select(columns.toArray(Column[]::new));
  }

  /** Whether a bronze source file is an NGSI-LD delivery (its sensors' municipality is the registry's). */
  static String fromBroker() {
    return BronzeColumns.SOURCE_FILE + " LIKE '"
        + io.citylake.contract.RawDataset.SENSOR_NGSI_LD.rawPath() + "/%'";
  }
}
