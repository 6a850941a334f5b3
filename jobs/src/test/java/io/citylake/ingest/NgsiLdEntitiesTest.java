package io.citylake.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Splitting NGSI-LD deliveries into attribute instances: the Smart Data Models examples of
 * {@code ../shared/reference-data/ngsi-ld/} as published (both forms), the temporal
 * representation, documents of several entities, and broken text.
 */
class NgsiLdEntitiesTest {
  static final Path EXAMPLES = io.citylake.testing.RawFiles.sharedReferenceData().resolve("ngsi-ld");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The split of one example file, by attribute name. */
  private static Map<String, Map<String, String>> example(String file) throws IOException {
    return byAttribute(NgsiLdEntities.split(Files.readString(EXAMPLES.resolve(file),
        StandardCharsets.UTF_8)));
  }

  private static Map<String, Map<String, String>> byAttribute(List<ParsedRecord> split) {
    return split.stream().collect(Collectors.toMap(r -> field(r, "attribute"),
        NgsiLdEntitiesTest::fields));
  }

  private static Map<String, String> fields(ParsedRecord record) {
    Map<String, String> fields = new java.util.HashMap<>();
    for (int i = 0; i < NgsiLdEntities.FIELDS.size(); i++) {
      fields.put(NgsiLdEntities.FIELDS.get(i), (String) record.parsed().values()[i]);
    }
    return fields;
  }

  private static String field(ParsedRecord record, String name) {
    return (String) record.parsed().values()[NgsiLdEntities.FIELDS.indexOf(name)];
  }

  /** The example's attribute names read with a plain JSON parser: what the split must cover. */
  private static List<String> attributesOf(String file) throws IOException {
    JsonNode entity = JSON.readTree(EXAMPLES.resolve(file).toFile());
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = entity.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!List.of("id", "type", "@context").contains(name)) {
        names.add(name);
      }
    }
    return names;
  }

  @Test
  void everyAttributeOfEveryExampleBecomesOneRecordOfItsEntity() throws IOException {
    for (String file : List.of("CrowdFlowObserved.normalized.jsonld",
        "CrowdFlowObserved.keyvalues.jsonld", "AirQualityObserved.normalized.jsonld",
        "AirQualityObserved.keyvalues.jsonld", "WeatherObserved.normalized.jsonld",
        "WeatherObserved.keyvalues.jsonld")) {
      JsonNode entity = JSON.readTree(EXAMPLES.resolve(file).toFile());
      List<ParsedRecord> split = NgsiLdEntities.split(
          Files.readString(EXAMPLES.resolve(file), StandardCharsets.UTF_8));
      assertThat(split).as(file).extracting(r -> field(r, "attribute"))
          .containsExactlyElementsOf(attributesOf(file));
      assertThat(split).as(file).allSatisfy(r -> {
        assertThat(r.parsed().isCorrupt()).isFalse();
        assertThat(field(r, "entity_id")).isEqualTo(entity.get("id").asText());
        assertThat(field(r, "entity_type")).isEqualTo(entity.get("type").asText());
        assertThat(field(r, "entity_no")).isEqualTo("0");
        assertThat(JSON.readTree(field(r, "location")))
            .isEqualTo(entity.get("location").has("value")
                ? entity.get("location").get("value") : entity.get("location"));
        assertThat(JSON.readTree(r.raw()).get("id").asText()).isEqualTo(entity.get("id").asText());
      });
    }
  }

  @Test
  void normalizedWeatherKeepsValuesUnitsAndTheWrappedDateTime() throws IOException {
    Map<String, Map<String, String>> weather = example("WeatherObserved.normalized.jsonld");
    assertThat(weather.get("snowHeight")).containsEntry("value", "20")
        .containsEntry("value_kind", "number")
        .containsEntry("observed_at", "2016-11-30T07:00:00.00Z")
        .containsEntry("time_source", "dateObserved");
    assertThat(weather.get("temperature")).containsEntry("value", "3.3");
    assertThat(weather.get("uVIndexMax")).containsEntry("value", "1.0");
    assertThat(weather.get("refDevice")).containsEntry("value", "urn:ngsi-ld:Device:device-0A3478")
        .containsEntry("value_kind", "relationship");
    assertThat(weather.get("dateObserved")).containsEntry("value", "2016-11-30T07:00:00.00Z")
        .containsEntry("value_kind", "datetime");
    assertThat(JSON.readTree(weather.get("address").get("value")).get("addressLocality").asText())
        .isEqualTo("Valladolid");
    assertThat(weather.get("location")).containsEntry("value_kind", "geo");
  }

  @Test
  void normalizedAirQualityCarriesUnCefactUnitCodesAndAZonelessDate() throws IOException {
    Map<String, Map<String, String>> air = example("AirQualityObserved.normalized.jsonld");
    assertThat(air.get("co")).containsEntry("value", "500").containsEntry("unit_code", "GP");
    assertThat(air.get("no2")).containsEntry("value", "69").containsEntry("unit_code", "GQ");
    assertThat(air.get("windDirection")).containsEntry("value", "186")
        .containsEntry("unit_code", null);
    assertThat(air.get("co")).containsEntry("observed_at", "2016-03-15T11:00:00")
        .containsEntry("time_source", "dateObserved");
    assertThat(air.get("refPointOfInterest"))
        .containsEntry("value", "urn:ngsi-ld:PointOfInterest:28079004-Pza.deEspanya");
    Map<String, Map<String, String>> keyValues = example("AirQualityObserved.keyvalues.jsonld");
    assertThat(keyValues.get("windDirection")).containsEntry("value", "180")
        .containsEntry("unit_code", null);
    assertThat(keyValues).doesNotContainKeys("pm4", "tpc", "tsp", "pressure", "charge");
  }

  @Test
  void anIntervalDateObservedFallsBackToDateObservedFrom() throws IOException {
    Map<String, Map<String, String>> keyValues = example("CrowdFlowObserved.keyvalues.jsonld");
    assertThat(keyValues.get("peopleCount")).containsEntry("value", "100")
        .containsEntry("observed_at", "2018-08-07T11:10:00Z")
        .containsEntry("time_source", "dateObservedFrom");
    assertThat(keyValues.get("congested")).containsEntry("value", "false")
        .containsEntry("value_kind", "boolean");
    assertThat(JSON.readTree(keyValues.get("peopleCount").get("location")).get("type").asText())
        .isEqualTo("LineString");
    Map<String, Map<String, String>> normalized = example("CrowdFlowObserved.normalized.jsonld");
    assertThat(normalized.get("peopleCount")).containsEntry("observed_at", "2018-08-07T11:10:00")
        .containsEntry("time_source", "dateObserved");
    String intervalOnly = "{\"id\":\"urn:x:1\",\"type\":\"CrowdFlowObserved\","
        + "\"dateObserved\":\"2026-11-01T10:00:00+09:00/2026-11-01T10:15:00+09:00\","
        + "\"peopleCount\":7}";
    assertThat(byAttribute(NgsiLdEntities.split(intervalOnly)).get("peopleCount"))
        .containsEntry("observed_at", "2026-11-01T10:00:00+09:00")
        .containsEntry("time_source", NgsiLdEntities.INTERVAL_START);
  }

  @Test
  void temporalAttributesBecomeOneRecordPerInstance() {
    String temporal = "{\"id\":\"urn:ngsi-ld:CrowdFlowObserved:t1\",\"type\":\"CrowdFlowObserved\","
        + "\"peopleCount\":[{\"type\":\"Property\",\"value\":3,\"observedAt\":\"2026-11-01T00:00:00Z\"},"
        + "{\"type\":\"Property\",\"value\":5,\"observedAt\":\"2026-11-01T00:15:00Z\","
        + "\"datasetId\":\"urn:ngsi-ld:Dataset:gate-b\"}],"
        + "\"peopleCountTowards\":{\"type\":\"Property\",\"values\":[[1,\"2026-11-01T00:00:00Z\"],"
        + "[2,\"2026-11-01T00:15:00Z\"],[4,\"2026-11-01T00:30:00Z\"]]}}";
    List<ParsedRecord> split = NgsiLdEntities.split(temporal);
    assertThat(split).extracting(r -> field(r, "attribute") + "=" + field(r, "value") + "@"
            + field(r, "observed_at") + "/" + field(r, "dataset_id"))
        .containsExactly("peopleCount=3@2026-11-01T00:00:00Z/null",
            "peopleCount=5@2026-11-01T00:15:00Z/urn:ngsi-ld:Dataset:gate-b",
            "peopleCountTowards=1@2026-11-01T00:00:00Z/null",
            "peopleCountTowards=2@2026-11-01T00:15:00Z/null",
            "peopleCountTowards=4@2026-11-01T00:30:00Z/null");
    assertThat(split).allSatisfy(r ->
        assertThat(field(r, "time_source")).isEqualTo(NgsiLdEntities.OBSERVED_AT));
  }

  @Test
  void arraysAndLinesOfEntitiesAreNumberedInDocumentOrder() {
    String array = "[{\"id\":\"a\",\"type\":\"T\",\"x\":1},\n{\"id\":\"b\",\"type\":\"T\",\"x\":2}]";
    String lines = "{\"id\":\"a\",\"type\":\"T\",\"x\":1}\n{\"id\":\"b\",\"type\":\"T\",\"x\":2}\n";
    for (String document : List.of(array, lines)) {
      assertThat(NgsiLdEntities.split(document))
          .extracting(r -> field(r, "entity_id") + field(r, "entity_no") + field(r, "value"))
          .containsExactly("a01", "b12");
    }
  }

  @Test
  void brokenTextIsKeptAsOneUnparsableRecordAfterTheEntitiesBeforeIt() {
    String truncated = "[{\"id\":\"a\",\"type\":\"T\",\"x\":1},\n{\"id\":\"b\",\"type\":\"T\",\"x\":";
    List<ParsedRecord> split = NgsiLdEntities.split(truncated);
    assertThat(split).hasSize(2);
    assertThat(field(split.get(0), "entity_id")).isEqualTo("a");
    assertThat(split.get(1).parsed().error()).startsWith("invalid JSON: truncated");
    assertThat(split.get(1).raw()).isEqualTo("{\"id\":\"b\",\"type\":\"T\",\"x\":");
    List<ParsedRecord> notObjects = NgsiLdEntities.split("[42, {\"id\":\"c\",\"type\":\"T\"}]");
    assertThat(notObjects.get(0).parsed().error()).isEqualTo("not a JSON object");
    assertThat(notObjects.get(0).raw()).isEqualTo("42");
    // an entity with no attribute is one record without attribute, so silver can quarantine it
    assertThat(notObjects.get(1).parsed().isCorrupt()).isFalse();
    assertThat(field(notObjects.get(1), "attribute")).isNull();
    assertThat(notObjects.get(1).raw()).isEqualTo("{\"id\":\"c\",\"type\":\"T\"}");
  }
}
