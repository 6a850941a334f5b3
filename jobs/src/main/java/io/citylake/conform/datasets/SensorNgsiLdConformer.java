package io.citylake.conform.datasets;

import static io.citylake.conform.TypedColumn.cast;
import static io.citylake.conform.TypedColumn.text;

import io.citylake.conform.Conformer;
import io.citylake.conform.TypedColumn;
import io.citylake.contract.RawDataset;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.DataTypes;

/**
 * The long table of every attribute the city's context broker delivered, one row per attribute
 * instance, whatever the entity type: nothing the KPIs do not map yet is lost, and an analyst can
 * reach every attribute of every entity. The attributes the KPIs need also become sensor
 * observations ({@link NgsiLdObservations}).
 */
public final class SensorNgsiLdConformer implements Conformer {
  /** A delivered time without zone, which the city's broker writes in JST. */
  static final String ZONELESS =
      "'^\\\\d{4}-\\\\d{2}-\\\\d{2}T\\\\d{2}:\\\\d{2}(:\\\\d{2}(\\\\.\\\\d+)?)?$'";
  /** The delivered time as an instant: zoned as written, zone-less read as JST. */
  static final String OBSERVED_AT = "CASE WHEN observed_at RLIKE " + TypedColumn.ZONED_TIME
      + " THEN try_cast(observed_at AS TIMESTAMP) WHEN observed_at RLIKE " + ZONELESS
      + " THEN try_cast(concat(observed_at, '+09:00') AS TIMESTAMP) END";

  @Override
  public RawDataset dataset() {
    return RawDataset.SENSOR_NGSI_LD;
  }

  @Override
  public String description() {
    return "One observed attribute instance of one NGSI-LD entity from the city's context broker"
        + " (FIWARE), in normalized, keyValues or temporal form, typed and located";
  }

  @Override
  public List<TypedColumn> columns() {
    return List.of(
        text("entity_id", true, "NGSI-LD entity id (URN)"),
        text("entity_type", true, "NGSI-LD entity type, e.g. CrowdFlowObserved"),
        cast("entity_no", DataTypes.IntegerType, false,
            "position of the entity in its delivered document, from 0"),
        text("attribute", true, "attribute name as delivered (short Smart Data Models name)"),
        text("dataset_id", false, "NGSI-LD datasetId of a multi-instance attribute"),
        new TypedColumn("observed_at", DataTypes.TimestampType, OBSERVED_AT,
            Optional.of("observed_at"), false, "when the value was observed (JST session time);"
                + " null for a static property (no observedAt, and no dateObserved on the"
                + " entity), such as the location of a temporal export"),
        text("time_source", false, "which property gave observed_at: observedAt, dateObserved,"
            + " dateObservedFrom or dateObserved (interval start)"),
        TypedColumn.derived("observed_at_zone_assumed", DataTypes.BooleanType,
            "observed_at RLIKE " + ZONELESS,
            "true when the delivered time had no zone and was read as JST"),
        TypedColumn.derived("value_num", DataTypes.DoubleType,
            "CASE WHEN value_kind = 'number' THEN try_cast(value AS DOUBLE) END",
            "numeric value, null for other kinds"),
        TypedColumn.derived("value_text", DataTypes.StringType,
            "CASE WHEN value_kind IS DISTINCT FROM 'number' THEN value END",
            "value of any other kind as text (JSON for objects and arrays, the URN of a"
                + " relationship)"),
        text("value_kind", false, "number, text, boolean, datetime, json, geo or relationship"),
        text("unit_code", false, "UN/CEFACT unit code as delivered (normalized form only)"),
        TypedColumn.derived("geometry_wkb", DataTypes.BinaryType, geometry("location"),
            "the entity's location as WKB (rebuild with ST_GeomFromWKB)"));
  }

  @Override
  public List<String> naturalKey() {
    return List.of("entity_id", "attribute", "dataset_id", "observed_at");
  }

  /** WKB of a GeoJSON geometry column, null when it is absent or not a geometry. */
  static String geometry(String geoJson) {
    return "CASE WHEN get_json_object(" + geoJson + ", '$.type') IN ('Point', 'LineString',"
        + " 'Polygon', 'MultiPoint', 'MultiLineString', 'MultiPolygon') AND get_json_object("
        + geoJson + ", '$.coordinates') IS NOT NULL THEN ST_AsBinary(ST_GeomFromGeoJSON("
        + geoJson + ")) END";
  }
}
