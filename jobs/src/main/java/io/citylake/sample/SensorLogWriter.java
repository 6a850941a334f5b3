package io.citylake.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citylake.contract.RawDataset;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes one day of NGSI-LD-like sensor observations: people counters every 15 minutes with a
 * commuter profile, snow depth, air quality and bridge strain hourly; Sapporo's snow rises from
 * the first-snow day on. Dirt: missing location, absurd values, devices of unknown type, plus
 * line-level dirt.
 */
final class SensorLogWriter {
  private static final RawDataset DATASET = RawDataset.SENSOR_OBSERVATIONS;
  private static final double[] HOURLY_FLOW = {0.05, 0.03, 0.02, 0.02, 0.04, 0.12, 0.35, 0.80,
      1.00, 0.75, 0.62, 0.70, 0.85, 0.75, 0.68, 0.70, 0.80, 0.95, 1.00, 0.80, 0.55, 0.40, 0.25,
      0.12};
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SampleSpec spec;
  private final SensorNetwork network;
  private final EventCalendar calendar;
  private final DirtInjector dirt;

  SensorLogWriter(SampleSpec spec, SensorNetwork network, EventCalendar calendar,
      DirtInjector dirt) {
    this.spec = spec;
    this.network = network;
    this.calendar = calendar;
    this.dirt = dirt;
  }

  void write(LakeFiles lake, int day) throws IOException {
    SplittableRandom rng = spec.random("observations", day);
    boolean weekend = ServiceCalendar.weekendOrHoliday(spec.day(day));
    List<String> lines = new ArrayList<>();
    for (Sensor s : network.all()) {
      boolean quarterly = s.type().equals("PeopleCounter");
      int step = quarterly ? 900 : 3600;
      for (int sec = 0; sec < 86_400; sec += step) {
        lines.add(line(s, day, sec, value(s, day, sec, weekend, rng), rng));
      }
    }
    int unknown = Math.max(1, network.all().size() / 40);
    for (int i = 0; i < unknown; i++) {
      dirt.record(DATASET, "unknown_type");
      lines.add(unknownType(day, i, rng));
    }
    lake.writeRaw(false, DATASET, spec.day(day), "",
        dirt.dirty(rng, DATASET, lines, DirtInjector.Rates.DEFAULT));
  }

  private String line(Sensor s, int day, int sec, Number value, SplittableRandom rng) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", s.id());
    o.put("type", s.type());
    o.put("municipality", s.municipality());
    o.put("observedAt", JstTime.at(spec.day(day), sec));
    if (!dirt.roll(rng, 0.004, DATASET, "missing_location")) {
      ObjectNode loc = o.putObject("location");
      loc.put("type", "Point");
      loc.putArray("coordinates").add(s.lon()).add(s.lat());
    }
    if (dirt.roll(rng, 0.002, DATASET, "absurd_value")) {
      value = s.type().equals("SnowDepth") ? 9999 : -1;
    }
    if (value instanceof Integer i) {
      o.put("value", i);
    } else {
      o.put("value", value.doubleValue());
    }
    o.put("unit", s.unit());
    return o.toString();
  }

  /** A device's reading at a second of a service day, in the contract's unit. */
  Number value(Sensor s, int day, int sec, boolean weekend, SplittableRandom rng) {
    int hour = sec / 3600;
    double noise = rng.nextGaussian();
    return switch (s.type()) {
      case "PeopleCounter" -> (int) Math.max(0, Math.round(s.level() * HOURLY_FLOW[hour]
          * (weekend ? 0.8 : 1.0) * (1 + 0.15 * noise)));
      case "SnowDepth" -> round1(snowDepth(s, day, hour) + (snowDepth(s, day, hour) > 0
          ? 0.3 * noise : 0));
      case "AirQuality" -> round1(Math.max(0.5, s.level()
          + 3 * Math.sin((hour - 8) * Math.PI / 12) + 1.5 * noise));
      default -> round1(s.level() + 60 * HOURLY_FLOW[hour] + 4 * noise);
    };
  }

  /** Snow falls for 36 hours from the first-snow day to the gauge's level, then settles. */
  private double snowDepth(Sensor s, int day, int hour) {
    int t = (day - calendar.snowStart()) * 24 + hour;
    if (t < 0 || spec.days() <= calendar.snowStart()) {
      return 0;
    }
    double depth = t <= 36 ? s.level() * t / 36.0 : s.level() - 0.08 * (t - 36);
    return Math.max(0, depth);
  }

  private String unknownType(int day, int i, SplittableRandom rng) {
    ObjectNode o = JSON.createObjectNode();
    o.put("id", String.format(Locale.ROOT, "urn:ngsi-ld:NoiseLevel:sapporo-9%03d", i + 1));
    o.put("type", "NoiseLevel");
    o.put("municipality", "sapporo");
    o.put("observedAt", JstTime.at(spec.day(day), rng.nextInt(96) * 900));
    ObjectNode loc = o.putObject("location");
    loc.put("type", "Point");
    loc.putArray("coordinates").add(141.3508).add(43.0687);
    o.put("value", round1(45 + rng.nextDouble() * 30));
    o.put("unit", "dB");
    return o.toString();
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
