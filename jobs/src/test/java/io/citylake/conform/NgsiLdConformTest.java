package io.citylake.conform;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.conform.datasets.SensorNgsiLdConformer;
import io.citylake.conform.datasets.SensorObservationsConformer;
import io.citylake.contract.RawDataset;
import io.citylake.ingest.IngestRawDataset;
import io.citylake.ingest.NgsiLdEntities;
import io.citylake.testing.RawFiles;
import io.citylake.testing.SparkTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * NGSI-LD deliveries through bronze and silver on a small lake: the Smart Data Models examples
 * (normalized on one day, keyValues the next, so the two forms of one entity are not
 * duplicates of each other) reach the long table with exact values, and the city's own broker
 * entities of registered devices (temporal, normalized in metres and mg/m³, a unit that does not
 * convert) become sensor observations in the contract's units.
 */
class NgsiLdConformTest extends SparkTestBase {
  private static final LocalDate DAY1 = LocalDate.of(2026, 11, 1);
  private static final LocalDate DAY2 = LocalDate.of(2026, 11, 2);
  private static final Path EXAMPLES = RawFiles.sharedReferenceData().resolve("ngsi-ld");
  private static final String CROWD = "urn:ngsi-ld:CrowdFlowObserved:sapporo-broker-0001";
  private static final String SNOW = "urn:ngsi-ld:WeatherObserved:sapporo-broker-0001";
  private static final String AIR = "urn:ngsi-ld:AirQualityObserved:sapporo-broker-0001";
  /** The city's broker export of DAY1: three registered devices in three forms. */
  private static final String BROKER = "[\n"
      + "{\"id\":\"" + CROWD + "\",\"type\":\"CrowdFlowObserved\",\"location\":{\"type\":"
      + "\"GeoProperty\",\"value\":{\"type\":\"Point\",\"coordinates\":[141.35,43.06]}},"
      + "\"peopleCount\":[{\"type\":\"Property\",\"value\":12,\"observedAt\":\"2026-10-31T23:00:00Z\"},"
      + "{\"type\":\"Property\",\"value\":15,\"observedAt\":\"2026-10-31T23:15:00Z\"}]},\n"
      + "{\"id\":\"" + SNOW + "\",\"type\":\"WeatherObserved\",\"dateObserved\":{\"type\":"
      + "\"Property\",\"value\":{\"@type\":\"DateTime\",\"@value\":\"2026-11-01T09:00:00\"}},"
      + "\"snowHeight\":{\"type\":\"Property\",\"value\":0.25,\"unitCode\":\"MTR\"}},\n"
      + "{\"id\":\"" + AIR + "\",\"type\":\"AirQualityObserved\",\"dateObserved\":"
      + "\"2026-11-01T10:00:00+09:00\",\"pm25\":{\"type\":\"Property\",\"value\":0.5,"
      + "\"unitCode\":\"GP\"},\"location\":{\"type\":\"Point\",\"coordinates\":[141.36,43.07]}},\n"
      + "{\"id\":\"" + AIR + "\",\"type\":\"AirQualityObserved\",\"dateObserved\":"
      + "\"2026-11-01T11:00:00+09:00\",\"pm25\":{\"type\":\"Property\",\"value\":9,"
      + "\"unitCode\":\"XYZ\"}}\n]";

  private static Path ngsi(LocalDate day, String name) {
    return lakeDir().resolve(RawDataset.SENSOR_NGSI_LD.rawPath()).resolve("dt=" + day)
        .resolve(name);
  }

  @BeforeAll
  static void twoNights() throws IOException {
    spark().createDataFrame(List.of(
            registered(CROWD, "PeopleCounter", 141.35, 43.06),
            registered(SNOW, "SnowDepth", 141.34, 43.05),
            registered(AIR, "AirQuality", 141.36, 43.07)),
        StructType.fromDDL("sensor_id STRING, type STRING, municipality STRING, lon DOUBLE,"
            + " lat DOUBLE, installed_on DATE"))
        .write().format("delta").save(lake().paths().silver(ReferenceTable.SENSORS.table()));
    for (String form : List.of("normalized", "keyvalues")) {
      LocalDate day = form.equals("normalized") ? DAY1 : DAY2;
      for (String type : List.of("CrowdFlowObserved", "AirQualityObserved", "WeatherObserved")) {
        Path target = ngsi(day, type + "." + form + ".jsonld");
        Files.createDirectories(target.getParent());
        Files.copy(EXAMPLES.resolve(type + "." + form + ".jsonld"), target,
            StandardCopyOption.REPLACE_EXISTING);
      }
      if (day.equals(DAY1)) {
        RawFiles.write(ngsi(DAY1, "broker-export.json"), BROKER);
      }
      new IngestRawDataset(RawDataset.SENSOR_NGSI_LD).run(context(day));
      new ConformDataset(new SensorNgsiLdConformer()).run(context(day));
      new ConformDataset(new SensorObservationsConformer()).run(context(day));
    }
  }

  private static Row registered(String id, String type, double lon, double lat) {
    return RowFactory.create(id, type, "sapporo", lon, lat, java.sql.Date.valueOf("2020-01-01"));
  }

  private static Row silver(String entityPrefix, String attribute, LocalDate day) {
    List<Row> rows = rows("SELECT value_num, value_text, unit_code, CAST(observed_at AS STRING),"
        + " observed_at_zone_assumed, time_source, ST_AsText(ST_GeomFromWKB(geometry_wkb)),"
        + " _source_file FROM " + delta(lake().paths().silver("sensors_ngsi_ld"))
        + " WHERE entity_id LIKE '" + entityPrefix + "%' AND attribute = '" + attribute
        + "' AND dt = DATE'" + day + "'");
    assertThat(rows).as(entityPrefix + " " + attribute + " " + day).hasSize(1);
    return rows.get(0);
  }

  @Test
  void smartDataModelsExamplesLoadWithExactValuesInBothForms() {
    Row snow = silver("urn:ngsi-ld:WeatherObserved:Spain", "snowHeight", DAY1);
    assertThat(snow.getDouble(0)).isEqualTo(20.0);
    // 07:00 UTC is 16:00 in the session's time zone, JST
    assertThat(snow.getString(3)).isEqualTo("2016-11-30 16:00:00");
    assertThat(snow.getBoolean(4)).isFalse();
    assertThat(snow.getString(6)).isEqualTo("POINT (-4.754444444 41.640833333)");
    assertThat(silver("urn:ngsi-ld:WeatherObserved:Spain", "snowHeight", DAY2).getDouble(0))
        .isEqualTo(20.0);

    Row co = silver("urn:ngsi-ld:AirQualityObserved:Madrid", "co", DAY1);
    assertThat(co.getDouble(0)).isEqualTo(500.0);
    assertThat(co.getString(2)).isEqualTo("GP");
    // no zone in the file: read as JST and flagged
    assertThat(co.getString(3)).isEqualTo("2016-03-15 11:00:00");
    assertThat(co.getBoolean(4)).isTrue();
    assertThat(silver("urn:ngsi-ld:AirQualityObserved:Madrid", "windDirection", DAY1)
        .getDouble(0)).isEqualTo(186.0);
    assertThat(silver("urn:ngsi-ld:AirQualityObserved:Madrid", "windDirection", DAY2)
        .getDouble(0)).isEqualTo(180.0);
    assertThat(silver("urn:ngsi-ld:AirQualityObserved:Madrid", "refPointOfInterest", DAY1)
        .getString(1)).isEqualTo("urn:ngsi-ld:PointOfInterest:28079004-Pza.deEspanya");

    Row crowd = silver("urn:ngsi-ld:CrowdFlowObserved:Valladolid", "peopleCount", DAY2);
    assertThat(crowd.getDouble(0)).isEqualTo(100.0);
    assertThat(crowd.getString(3)).isEqualTo("2018-08-07 20:10:00");
    assertThat(crowd.getString(5)).isEqualTo("dateObservedFrom");
    assertThat(crowd.getString(6)).startsWith("LINESTRING (-4.73735395519672 41.6538181849672");
  }

  @Test
  void everyAttributeInstanceOfEveryDeliveryIsInSilverOrQuarantine() throws IOException {
    long bronze = rows("SELECT count(*) FROM " + delta(lake().paths().bronze("sensors_ngsi_ld")))
        .get(0).getLong(0);
    long expected = 0;
    List<Path> files;
    try (var walk = Files.walk(lakeDir().resolve(RawDataset.SENSOR_NGSI_LD.rawPath()))) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    for (Path file : files) {
      expected += NgsiLdEntities.split(Files.readString(file)).size();
    }
    assertThat(bronze).isEqualTo(expected);
    long silver = rows("SELECT count(*) FROM " + delta(lake().paths().silver("sensors_ngsi_ld")))
        .get(0).getLong(0);
    Row accounting = rows("SELECT sum(bronze_rows), sum(silver_rows), sum(quarantined_rows),"
        + " sum(duplicate_rows + superseded_rows) FROM " + delta(lake().paths().silver(
            ConformAccounting.TABLE)) + " WHERE dataset = 'sensors_ngsi_ld'").get(0);
    assertThat(accounting.getLong(0)).isEqualTo(bronze);
    assertThat(accounting.getLong(1)).isEqualTo(silver);
    assertThat(accounting.getLong(1) + accounting.getLong(2) + accounting.getLong(3))
        .isEqualTo(bronze);
  }

  @Test
  void brokerEntitiesOfRegisteredDevicesBecomeObservationsInContractUnits() {
    Map<String, String> observations = rows("SELECT id, type, municipality,"
        + " CAST(observed_at AS STRING), value, unit, lon, lat, location_from_registry FROM "
        + delta(lake().paths().silver("sensors_observations"))).stream()
        .collect(Collectors.toMap(r -> r.getString(0) + "@" + r.getString(3),
            r -> r.mkString("|")));
    assertThat(observations).containsOnlyKeys(CROWD + "@2026-11-01 08:00:00",
        CROWD + "@2026-11-01 08:15:00", SNOW + "@2026-11-01 09:00:00",
        AIR + "@2026-11-01 10:00:00");
    assertThat(observations.get(CROWD + "@2026-11-01 08:15:00")).isEqualTo(CROWD
        + "|PeopleCounter|sapporo|2026-11-01 08:15:00|15.0|persons|141.35|43.06|false");
    // 0.25 m, no location in the entity: placed where the registry says
    assertThat(observations.get(SNOW + "@2026-11-01 09:00:00"))
        .isEqualTo(SNOW + "|SnowDepth|sapporo|2026-11-01 09:00:00|25.0|cm|141.34|43.05|true");
    // 0.5 mg/m³
    assertThat(observations.get(AIR + "@2026-11-01 10:00:00"))
        .isEqualTo(AIR + "|AirQuality|sapporo|2026-11-01 10:00:00|500.0|ug/m3|141.36|43.07|false");
  }

  @Test
  void unmappableObservationsAreQuarantinedWithTheirRuleNeverDropped() {
    Map<String, Long> rules = rows("SELECT rule, count(*) FROM "
        + delta(Quarantine.path(lake().paths())) + " WHERE dataset = 'sensors_observations'"
        + " GROUP BY rule").stream()
        .collect(Collectors.toMap(r -> r.getString(0), r -> r.getLong(1)));
    assertThat(rules).containsEntry("unit code not convertible", 1L);
    // the examples' entities are no registered device: four mapped attributes (two snowHeight,
    // two peopleCount) have no municipality to be counted in
    assertThat(rules).containsEntry("missing municipality", 4L);
    assertThat(rules.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(5);
  }
}
