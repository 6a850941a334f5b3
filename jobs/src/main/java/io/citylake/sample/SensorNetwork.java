package io.citylake.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Places the municipalities' IoT devices inside the real polygons: people counters (many in
 * central Sapporo), snow depth gauges in every Sapporo ward, air quality and bridge strain sensors.
 * Counts scale with the panel size.
 */
final class SensorNetwork {
  static final Map<String, String> UNITS = Map.of("PeopleCounter", "persons", "SnowDepth", "cm",
      "AirQuality", "ug/m3", "BridgeStrain", "microstrain");
  /** Extra snow (cm) in the hilly wards: Minami, Teine, Kiyota, Atsubetsu. */
  private static final Map<String, Double> EXTRA_SNOW =
      Map.of("01106", 18.0, "01109", 9.0, "01110", 7.0, "01108", 5.0);

  /** The NGSI-LD entity type the context broker uses for each sensor type it delivers. */
  static final Map<String, String> BROKER_ENTITY_TYPES = Map.of("PeopleCounter",
      "CrowdFlowObserved", "SnowDepth", "WeatherObserved", "AirQuality", "AirQualityObserved");

  private final List<Sensor> sensors;
  private final List<Sensor> brokerDevices;

  SensorNetwork(SampleSpec spec, ReferenceData reference) {
    SplittableRandom rng = spec.random("sensors", 0);
    List<Sensor> out = new ArrayList<>();
    add(out, reference, "sapporo", "PeopleCounter", spec.scaled(65, 10), rng);
    add(out, reference, "sapporo", "SnowDepth", 10 * spec.scaled(2, 1), rng);
    add(out, reference, "sapporo", "AirQuality", spec.scaled(8, 3), rng);
    add(out, reference, "sapporo", "BridgeStrain", spec.scaled(7, 2), rng);
    add(out, reference, "tsukuba", "PeopleCounter", spec.scaled(18, 3), rng);
    add(out, reference, "tsukuba", "AirQuality", spec.scaled(4, 1), rng);
    add(out, reference, "tsukuba", "BridgeStrain", spec.scaled(3, 1), rng);
    add(out, reference, "susami", "PeopleCounter", spec.scaled(6, 2), rng);
    add(out, reference, "susami", "AirQuality", 1, rng);
    add(out, reference, "susami", "BridgeStrain", spec.scaled(2, 1), rng);
    this.sensors = List.copyOf(out);
    SplittableRandom brokerRng = spec.random("broker-devices", 0);
    List<Sensor> broker = new ArrayList<>();
    add(broker, reference, "sapporo", "PeopleCounter", spec.scaled(6, 2), brokerRng);
    add(broker, reference, "sapporo", "SnowDepth", spec.scaled(3, 1), brokerRng);
    add(broker, reference, "sapporo", "AirQuality", spec.scaled(2, 1), brokerRng);
    add(broker, reference, "tsukuba", "AirQuality", spec.scaled(2, 1), brokerRng);
    this.brokerDevices = broker.stream().map(SensorNetwork::viaBroker).toList();
  }

  /** The devices that send JSON lines. */
  List<Sensor> all() {
    return sensors;
  }

  /**
   * The devices of the city's data-linkage platform: their observations arrive as NGSI-LD
   * entities from the context broker, under the broker's entity ids, which the registry lists.
   */
  List<Sensor> brokerDevices() {
    return brokerDevices;
  }

  /** Every registered device: the JSON-lines devices, then the broker's. */
  List<Sensor> registered() {
    List<Sensor> all = new ArrayList<>(sensors);
    all.addAll(brokerDevices);
    return all;
  }

  private static Sensor viaBroker(Sensor s) {
    String entityType = BROKER_ENTITY_TYPES.get(s.type());
    String id = s.id().replace(":" + s.type() + ":", ":" + entityType + ":")
        .replace(s.municipality() + "-", s.municipality() + "-broker-");
    return new Sensor(id, s.type(), s.municipality(), s.wardCode(), s.lon(), s.lat(),
        s.installedOn(), s.unit(), s.level());
  }

  private static void add(List<Sensor> out, ReferenceData reference, String muni, String type,
      int n, SplittableRandom rng) {
    List<Area> areas = reference.areasOf(muni);
    for (int i = 1; i <= n; i++) {
      Area area = areas.get(areaIndex(muni, type, i, areas.size(), rng));
      double[] p = PointSampler.inside(area, rng);
      if (muni.equals("sapporo") && type.equals("PeopleCounter") && area.code().equals("01101")) {
        p = nearCentre(area, rng, p);
      }
      String id = String.format(Locale.ROOT, "urn:ngsi-ld:%s:%s-%04d", type, muni, i);
      LocalDate installed = LocalDate.of(2018, 4, 1).plusDays(rng.nextInt(2500));
      String ward = muni.equals("sapporo") ? area.code() : "";
      out.add(new Sensor(id, type, muni, ward, p[0], p[1], installed.toString(), UNITS.get(type),
          level(type, area, rng)));
    }
  }

  /** Snow gauges go round-robin over the wards; 40 % of Sapporo people counters sit in Chuo-ku. */
  private static int areaIndex(String muni, String type, int i, int areas, SplittableRandom rng) {
    if (areas == 1) {
      return 0;
    }
    if (type.equals("SnowDepth")) {
      return (i - 1) % areas;
    }
    if (type.equals("PeopleCounter") && rng.nextDouble() < 0.4) {
      return 0;
    }
    return rng.nextInt(areas);
  }

  private static double[] nearCentre(Area chuo, SplittableRandom rng, double[] fallback) {
    double[] p = PointSampler.near(List.of(chuo), 141.3545, 43.0590, 900, rng);
    return chuo.contains(p[0], p[1]) ? p : fallback;
  }

  private static double level(String type, Area area, SplittableRandom rng) {
    return switch (type) {
      case "PeopleCounter" -> area.code().equals("01101")
          ? 120 + rng.nextDouble() * 180 : 15 + rng.nextDouble() * 60;
      case "SnowDepth" -> 22 + EXTRA_SNOW.getOrDefault(area.code(), 0.0) + rng.nextDouble() * 6;
      case "AirQuality" -> 6 + rng.nextDouble() * 6;
      default -> 90 + rng.nextDouble() * 80;
    };
  }
}
