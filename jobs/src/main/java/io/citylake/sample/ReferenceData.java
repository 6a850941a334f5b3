package io.citylake.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * The real reference data bundled as resources (MLIT boundaries, GSI shelters), so the generator
 * runs without the shared reference-data directory.
 */
final class ReferenceData {
  static final String BOUNDARIES = "municipalities.geojson";
  static final String SHELTERS = "shelters.csv";
  static final List<String> MUNICIPALITIES = List.of("sapporo", "tsukuba", "susami");
  private static final Map<String, String> SLUG_BY_CODE =
      Map.of("01100", "sapporo", "08220", "tsukuba", "30406", "susami");
  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  private final byte[] boundariesBytes;
  private final List<Area> areas;
  private final String shelterHeader;
  private final List<Shelter> shelters;

  private ReferenceData(byte[] boundariesBytes, List<Area> areas, String shelterHeader,
      List<Shelter> shelters) {
    this.boundariesBytes = boundariesBytes;
    this.areas = List.copyOf(areas);
    this.shelterHeader = shelterHeader;
    this.shelters = List.copyOf(shelters);
  }

  static ReferenceData load() {
    byte[] geojson = resource(BOUNDARIES);
    byte[] csv = resource(SHELTERS);
    List<String> lines = new String(csv, StandardCharsets.UTF_8).lines().toList();
    List<Shelter> shelters = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      shelters.add(parseShelter(line));
    }
    return new ReferenceData(geojson, parseAreas(geojson), lines.get(0), shelters);
  }

  /** The boundaries file as bundled (properties already as the contract names them). */
  byte[] boundariesBytes() {
    return boundariesBytes.clone();
  }

  /** All 12 areas in file order: 10 Sapporo wards, Tsukuba, Susami. */
  List<Area> areas() {
    return areas;
  }

  /** The areas of a municipality: Sapporo's wards, or the one polygon. */
  List<Area> areasOf(String municipality) {
    return areas.stream().filter(a -> a.municipality().equals(municipality)).toList();
  }

  Area area(String code) {
    return areas.stream().filter(a -> a.code().equals(code)).findFirst().orElseThrow();
  }

  String shelterHeader() {
    return shelterHeader;
  }

  List<Shelter> shelters() {
    return shelters;
  }

  List<Shelter> sheltersOf(String municipality) {
    return shelters.stream().filter(s -> s.municipality().equals(municipality)).toList();
  }

  private static Shelter parseShelter(String line) {
    List<String> f = new ArrayList<>(Arrays.asList(line.split(",", -1)));
    if (f.size() != 12) {
      throw new IllegalStateException(
          "Cannot read bundled shelters.csv: expected 12 fields (got: " + line + ")");
    }
    int capacity = Shelter.assignCapacity(f.get(0), f.get(1), f.get(2));
    f.set(8, Integer.toString(capacity));
    return new Shelter(f.get(0), f.get(1), f.get(2), SLUG_BY_CODE.get(f.get(3)), f.get(4),
        Double.parseDouble(f.get(6)), Double.parseDouble(f.get(5)), f.get(9), capacity, f);
  }

  private static List<Area> parseAreas(byte[] geojson) {
    try {
      JsonNode root = new ObjectMapper().readTree(geojson);
      List<Area> out = new ArrayList<>();
      for (JsonNode feature : root.get("features")) {
        JsonNode p = feature.get("properties");
        out.add(new Area(p.get("municipality").asText(), p.get("code").asText(),
            p.get("name_ja").asText(), p.get("name_en").asText(), geometry(feature.get("geometry"))));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read bundled " + BOUNDARIES, e);
    }
  }

  private static Geometry geometry(JsonNode g) {
    JsonNode c = g.get("coordinates");
    if (g.get("type").asText().equals("Polygon")) {
      return polygon(c);
    }
    Polygon[] parts = new Polygon[c.size()];
    for (int i = 0; i < c.size(); i++) {
      parts[i] = polygon(c.get(i));
    }
    return GEOMETRY.createMultiPolygon(parts);
  }

  private static Polygon polygon(JsonNode rings) {
    LinearRing shell = ring(rings.get(0));
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = ring(rings.get(i));
    }
    return GEOMETRY.createPolygon(shell, holes);
  }

  private static LinearRing ring(JsonNode points) {
    Coordinate[] cs = new Coordinate[points.size()];
    for (int i = 0; i < points.size(); i++) {
      cs[i] = new Coordinate(points.get(i).get(0).asDouble(), points.get(i).get(1).asDouble());
    }
    return GEOMETRY.createLinearRing(cs);
  }

  private static byte[] resource(String name) {
    try (InputStream in = ReferenceData.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(
            "Cannot load sample reference data: resource missing from the jar (got: " + name + ")");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot load sample reference data " + name, e);
    }
  }
}
