package io.citylake.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citylake.contract.RawDataset;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes one day of the context broker's NGSI-LD export, as a JSON array with one entity per line,
 * mixing the forms real exports mix:
 *
 * <ul>
 *   <li>people counters as {@code CrowdFlowObserved} in the <em>temporal</em> representation: one
 *       entity per device and day, {@code peopleCount} an array of 15-minute instances, each
 *       with its {@code observedAt} in UTC;
 *   <li>snow gauges as <em>normalized</em> {@code WeatherObserved}, one entity per hour, with
 *       {@code dateObserved} wrapped as {@code {"@type":"DateTime"}} and written without zone
 *       (the broker's local time, JST) and {@code snowHeight} in millimetres ({@code MMT});
 *   <li>air-quality stations as <em>keyValues</em> {@code AirQualityObserved}, hourly, with
 *       {@code dateObserved} in JST and bare numbers in the models' default units;
 *   <li>one {@code NoiseLevelObserved} entity a day, a type no KPI maps yet.
 * </ul>
 */
final class NgsiLdWriter {
  private static final RawDataset DATASET = RawDataset.SENSOR_NGSI_LD;
  private static final String CONTEXT =
      "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SampleSpec spec;
  private final SensorNetwork network;
  private final SensorLogWriter readings;

  NgsiLdWriter(SampleSpec spec, SensorNetwork network, SensorLogWriter readings) {
    this.spec = spec;
    this.network = network;
    this.readings = readings;
  }

  void write(LakeFiles lake, int day) throws IOException {
    SplittableRandom rng = spec.random("ngsi_ld", day);
    boolean weekend = ServiceCalendar.weekendOrHoliday(spec.day(day));
    List<ObjectNode> entities = new ArrayList<>();
    for (Sensor s : network.brokerDevices()) {
      switch (s.type()) {
        case "PeopleCounter" -> entities.add(crowdFlow(s, day, weekend, rng));
        case "SnowDepth" -> {
          for (int hour = 0; hour < 24; hour++) {
            entities.add(weather(s, day, hour, weekend, rng));
          }
        }
        default -> {
          for (int hour = 0; hour < 24; hour++) {
            entities.add(airQuality(s, day, hour, weekend, rng));
          }
        }
      }
    }
    entities.add(noise(day, rng));
    List<String> lines = new ArrayList<>();
    lines.add("[");
    for (int i = 0; i < entities.size(); i++) {
      lines.add(entities.get(i).toString() + (i < entities.size() - 1 ? "," : ""));
    }
    lines.add("]");
    lake.writeRawDocument(DATASET, spec.day(day), lines, entities.size());
  }

  private ObjectNode crowdFlow(Sensor s, int day, boolean weekend, SplittableRandom rng) {
    ObjectNode e = entity(s);
    geoProperty(e, s);
    ArrayNode counts = e.putArray("peopleCount");
    for (int sec = 0; sec < 86_400; sec += 900) {
      ObjectNode instance = counts.addObject();
      instance.put("type", "Property");
      instance.put("value", readings.value(s, day, sec, weekend, rng).intValue());
      instance.put("observedAt", JstTime.toUtc(JstTime.at(spec.day(day), sec)));
    }
    e.putArray("@context").add(CONTEXT);
    return e;
  }

  private ObjectNode weather(Sensor s, int day, int hour, boolean weekend,
      SplittableRandom rng) {
    ObjectNode e = entity(s);
    ObjectNode observed = e.putObject("dateObserved");
    observed.put("type", "Property");
    ObjectNode when = observed.putObject("value");
    when.put("@type", "DateTime");
    when.put("@value", JstTime.at(spec.day(day), hour * 3600).substring(0, 19));
    double cm = readings.value(s, day, hour * 3600, weekend, rng).doubleValue();
    ObjectNode snow = e.putObject("snowHeight");
    snow.put("type", "Property");
    snow.put("value", Math.round(cm * 10));
    snow.put("unitCode", "MMT");
    ObjectNode temperature = e.putObject("temperature");
    temperature.put("type", "Property");
    temperature.put("value", Math.round((-2 + 3 * rng.nextGaussian()) * 10) / 10.0);
    temperature.put("unitCode", "CEL");
    geoProperty(e, s);
    e.putArray("@context").add(CONTEXT);
    return e;
  }

  private ObjectNode airQuality(Sensor s, int day, int hour, boolean weekend,
      SplittableRandom rng) {
    ObjectNode e = entity(s);
    e.put("dateObserved", JstTime.at(spec.day(day), hour * 3600));
    double pm25 = readings.value(s, day, hour * 3600, weekend, rng).doubleValue();
    e.put("pm25", pm25);
    e.put("pm10", Math.round(pm25 * 17) / 10.0);
    point(e.putObject("location"), s.lon(), s.lat());
    e.put("@context", CONTEXT);
    return e;
  }

  private ObjectNode noise(int day, SplittableRandom rng) {
    ObjectNode e = JSON.createObjectNode();
    e.put("id", "urn:ngsi-ld:NoiseLevelObserved:sapporo-broker-0001");
    e.put("type", "NoiseLevelObserved");
    e.put("dateObservedFrom", JstTime.toUtc(JstTime.at(spec.day(day), 12 * 3600)));
    e.put("dateObservedTo", JstTime.toUtc(JstTime.at(spec.day(day), 13 * 3600)));
    e.put("LAeq", Math.round((55 + 10 * rng.nextDouble()) * 10) / 10.0);
    point(e.putObject("location"), 141.3545, 43.0590);
    return e;
  }

  private static ObjectNode entity(Sensor s) {
    ObjectNode e = JSON.createObjectNode();
    e.put("id", s.id());
    e.put("type", SensorNetwork.BROKER_ENTITY_TYPES.get(s.type()));
    return e;
  }

  private static void geoProperty(ObjectNode e, Sensor s) {
    ObjectNode location = e.putObject("location");
    location.put("type", "GeoProperty");
    point(location.putObject("value"), s.lon(), s.lat());
  }

  private static void point(ObjectNode geometry, double lon, double lat) {
    geometry.put("type", "Point");
    geometry.putArray("coordinates").add(lon).add(lat);
  }
}
