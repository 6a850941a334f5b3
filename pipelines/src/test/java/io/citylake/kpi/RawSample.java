package io.citylake.kpi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads the sample lake's raw files with plain Java (GZIP + split / Jackson), independently of
 * the pipeline, and applies the contract's rules by hand: malformed lines are skipped, codes
 * are checked against the contract's lists and the reference files.
 */
final class RawSample {
  static final ZoneId JST = ZoneId.of("Asia/Tokyo");
  static final Set<String> MUNICIPALITIES = Set.of("sapporo", "tsukuba", "susami");
  static final Set<String> AGE_BANDS = Set.of("0-19", "20-39", "40-64", "65-74", "75+");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One CSV data line's fields (by header name) or one JSON object, with its partition. */
  record Line(LocalDate dt, Map<String, String> fields) {
    String get(String name) {
      String value = fields.get(name);
      return value == null ? null : value.trim();
    }

    boolean present(String... names) {
      for (String name : names) {
        if (get(name) == null || get(name).isEmpty()) {
          return false;
        }
      }
      return true;
    }
  }

  private final Path lake;

  RawSample(Path lake) {
    this.lake = lake;
  }

  /** Well-formed lines of a CSV dataset (right number of fields), in partition order. */
  List<Line> csv(String dataset) {
    List<Line> result = new ArrayList<>();
    for (Path file : files(lake.resolve("raw").resolve(dataset))) {
      List<String> lines = read(file);
      String[] header = lines.get(0).replace("\uFEFF", "").split(",", -1);
      for (String text : lines.subList(1, lines.size())) {
        String[] values = text.split(",", -1);
        if (text.isBlank() || values.length != header.length) {
          continue;
        }
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < header.length; i++) {
          fields.put(header[i], values[i]);
        }
        result.add(new Line(partition(file), fields));
      }
    }
    return result;
  }

  /** Parsable objects of a JSON-lines dataset; nested values are kept as JSON text. */
  List<Line> jsonl(String dataset) {
    List<Line> result = new ArrayList<>();
    for (Path file : files(lake.resolve("raw").resolve(dataset))) {
      for (String text : read(file)) {
        JsonNode node;
        try {
          node = JSON.readTree(text);
        } catch (IOException e) {
          continue;
        }
        if (node == null || !node.isObject()) {
          continue;
        }
        Map<String, String> fields = new HashMap<>();
        node.fields().forEachRemaining(e -> fields.put(e.getKey(),
            e.getValue().isNull() ? null
                : e.getValue().isContainerNode() ? e.getValue().toString() : e.getValue().asText()));
        result.add(new Line(partition(file), fields));
      }
    }
    return result;
  }

  /**
   * The context broker's NGSI-LD exports under {@code raw/sensors/ngsi_ld} as observation lines
   * of the JSON-lines contract (id, type, municipality from the sensor registry, observedAt,
   * value in the contract's unit), read with a plain JSON parser for the shapes the sample
   * writes: temporal people counts, normalized snow heights in millimetres with a zone-less JST
   * date, keyValues PM2.5.
   */
  List<Line> brokerObservations() {
    Map<String, String> municipality = referenceColumn("sensors.csv", "municipality");
    Map<String, String[]> mapped = Map.of("CrowdFlowObserved", new String[] {"peopleCount",
        "PeopleCounter"}, "WeatherObserved", new String[] {"snowHeight", "SnowDepth"},
        "AirQualityObserved", new String[] {"pm25", "AirQuality"});
    List<Line> result = new ArrayList<>();
    for (Path file : files(lake.resolve("raw/sensors/ngsi_ld"))) {
      JsonNode entities;
      try {
        entities = JSON.readTree(String.join("\n", read(file)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      for (JsonNode entity : entities) {
        String[] map = mapped.get(entity.path("type").asText());
        if (map == null || !entity.has(map[0])) {
          continue;
        }
        JsonNode attribute = entity.get(map[0]);
        JsonNode date = entity.path("dateObserved");
        String entityTime = date.path("value").has("@value")
            ? date.path("value").path("@value").asText() + "+09:00" : date.asText(null);
        for (JsonNode instance : attribute.isArray() ? attribute : List.of(attribute)) {
          double value = instance.isNumber() ? instance.asDouble()
              : instance.path("value").asDouble();
          if ("MMT".equals(instance.path("unitCode").asText())) {
            value = value / 10;
          }
          Map<String, String> fields = new HashMap<>();
          fields.put("id", entity.path("id").asText());
          fields.put("type", map[1]);
          fields.put("municipality", municipality.get(entity.path("id").asText()));
          fields.put("observedAt", instance.has("observedAt")
              ? instance.get("observedAt").asText() : entityTime);
          fields.put("value", Double.toString(value));
          result.add(new Line(partition(file), fields));
        }
      }
    }
    return result;
  }

  /** First column of a reference CSV (ids), e.g. shelter_id of shelters.csv. */
  Set<String> referenceIds(String file) {
    Set<String> ids = new HashSet<>();
    List<String> lines = read(lake.resolve("reference").resolve(file));
    lines.subList(1, lines.size()).forEach(l -> ids.add(l.split(",", -1)[0]));
    return ids;
  }

  /** A column of a reference CSV by the first column, e.g. shelter_id → municipality. */
  Map<String, String> referenceColumn(String file, String column) {
    List<String> lines = read(lake.resolve("reference").resolve(file));
    List<String> header = List.of(lines.get(0).split(",", -1));
    Map<String, String> values = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      if (f.length == header.size()) {
        values.put(f[0], f[header.indexOf(column)]);
      }
    }
    return values;
  }

  /** Column {@code column} of every GTFS feed's {@code file}, by the first column, with feed. */
  Map<String, String[]> gtfs(String file, String column) {
    Map<String, String[]> values = new HashMap<>();
    for (Path feed : list(lake.resolve("raw/transit/gtfs"))) {
      List<String> lines = read(feed.resolve(file));
      List<String> header = List.of(lines.get(0).replace("\uFEFF", "").trim().split(",", -1));
      for (String line : lines.subList(1, lines.size())) {
        String[] f = line.trim().split(",", -1);
        if (f.length == header.size()) {
          values.put(f[header.indexOf(file.equals("trips.txt") ? "trip_id" : header.get(0))],
              new String[] {feed.getFileName().toString(), f[header.indexOf(column)]});
        }
      }
    }
    return values;
  }

  static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The contract's service-day rule: the event's JST day is dt or the night after it. */
  static boolean onServiceDay(Instant at, LocalDate dt) {
    LocalDate day = at.atZone(JST).toLocalDate();
    return !day.isBefore(dt) && !day.isAfter(dt.plusDays(1));
  }

  static Double number(String text) {
    try {
      return text == null || text.isBlank() ? null : Double.valueOf(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static LocalDate date(String text) {
    try {
      return LocalDate.parse(text.trim());
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static LocalDate partition(Path file) {
    return LocalDate.parse(file.getParent().getFileName().toString().substring(3));
  }

  private static List<Path> files(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      return paths.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> paths = Files.list(dir)) {
      return paths.filter(Files::isDirectory).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> read(Path file) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader reader = new BufferedReader(
            new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().map(l -> l.replace("\r", "")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
