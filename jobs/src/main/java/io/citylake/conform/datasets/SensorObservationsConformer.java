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
import io.citylake.job.JobContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * NGSI-LD sensor observations (people counters, snow depth, air quality, bridge strain), from the
 * devices' JSON-lines feed and from the context broker's entities ({@link NgsiLdObservations}).
 * A device that omits its location is placed where reference/sensors.csv says it is installed;
 * a broker entity's municipality is the registry's.
 */
public final class SensorObservationsConformer implements Conformer {
  private static final String LON = "coalesce(_msg_lon, _ref_lon)";
  private static final String LAT = "coalesce(_msg_lat, _ref_lat)";

  @Override
  public RawDataset dataset() {
    return RawDataset.SENSOR_OBSERVATIONS;
  }

  @Override
  public String description() {
    return "One observation of one sensor at one time, located (from the message or the sensor"
        + " registry) with a WKB point";
  }

  @Override
  public List<TypedColumn> columns() {
    return List.of(
        text("id", true, "NGSI-LD id of the sensor, e.g. urn:ngsi-ld:SnowDepth:sapporo-0001"),
        text("type", true, "PeopleCounter, SnowDepth, AirQuality or BridgeStrain"),
        text("municipality", true, "municipality slug"),
        new TypedColumn("observed_at", DataTypes.TimestampType,
            timestamp("observedAt", true, "").sql(), Optional.of("observedAt"), true,
            "observation time"),
        cast("value", DataTypes.DoubleType, true, "observed value in the type's unit"),
        text("unit", false, "unit as sent: persons, cm, ug/m3, microstrain"),
        TypedColumn.derived("lon", DataTypes.DoubleType, "try_cast(" + LON + " AS DOUBLE)",
            "longitude (message, else sensor registry)"),
        TypedColumn.derived("lat", DataTypes.DoubleType, "try_cast(" + LAT + " AS DOUBLE)",
            "latitude (message, else sensor registry)"),
        TypedColumn.derived("location_from_registry", DataTypes.BooleanType,
            "_msg_lon IS NULL",
            "true when the message had no location and the registry's was used"),
        TypedColumn.derived("geometry_wkb", DataTypes.BinaryType, Rules.point(LON, LAT),
            "point geometry as WKB (rebuild with ST_GeomFromWKB)"));
  }

  @Override
  public List<String> naturalKey() {
    return List.of("id", "observed_at");
  }

  @Override
  public List<Rule> rules() {
    return List.of(
        new Rule("unit code not convertible", "unit LIKE '"
            + NgsiLdObservations.UNCONVERTED_PREFIX + "%'").on("unit"),
        Rule.oneOf("type", Vocabulary.SENSOR_TYPES),
        Rule.oneOf("municipality", Vocabulary.MUNICIPALITIES),
        valueRange("PeopleCounter", 0, 100_000),
        valueRange("SnowDepth", 0, 600),
        valueRange("AirQuality", 0, 1000),
        valueRange("BridgeStrain", -10_000, 10_000),
        new Rule("missing location", "lon IS NULL OR lat IS NULL"),
        Rule.inJapan("lon", "lat"),
        Rule.onServiceDay("observed_at"));
  }

  @Override
  public List<Lookup> lookups() {
    return List.of(new Lookup("id", ReferenceTable.SENSORS.ref(), "sensor_id"));
  }

  @Override
  public List<RawDataset> alsoFrom() {
    return List.of(RawDataset.SENSOR_NGSI_LD);
  }

  @Override
  public Dataset<Row> rowsFrom(RawDataset source, Dataset<Row> bronze) {
    return NgsiLdObservations.asObservations(bronze);
  }

  @Override
  public Dataset<Row> prepare(Dataset<Row> bronze, JobContext context) {
    Dataset<Row> registry = context.tables().read(ReferenceTable.SENSORS.ref())
        .select(functions.col("sensor_id").as("_ref_id"),
            functions.col("lon").cast("string").as("_ref_lon"),
            functions.col("lat").cast("string").as("_ref_lat"),
            functions.col("municipality").as("_ref_municipality"));
    return withMessageCoordinates(bronze.join(functions.broadcast(registry),
            bronze.col("id").equalTo(registry.col("_ref_id")), "left")
        .withColumn("municipality", functions.expr("CASE WHEN "
            + NgsiLdObservations.fromBroker() + " THEN _ref_municipality ELSE municipality END")));
  }

  /**
   * The message's coordinates as delivered ({@code _msg_lon}, {@code _msg_lat}), parsed from its
   * GeoJSON location once per row for the columns and rules that read them.
   */
  public static Dataset<Row> withMessageCoordinates(Dataset<Row> messages) {
    // insertion order, so the plan's columns come in the same order in every JVM (Map.of's
    // iteration order is not fixed)
    Map<String, Column> coordinates = new LinkedHashMap<>();
    coordinates.put("_msg_lon", functions.expr("get_json_object(location, '$.coordinates[0]')"));
    coordinates.put("_msg_lat", functions.expr("get_json_object(location, '$.coordinates[1]')"));
    return messages.withColumns(coordinates);
  }

  private static Rule valueRange(String type, double min, double max) {
    return new Rule(type + " value out of range", "type = '" + type + "' AND value IS NOT NULL"
        + " AND (value < " + min + " OR value > " + max + ")").on("value");
  }
}
