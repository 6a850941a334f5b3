package io.citylake.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Every generated location lies inside its municipality's real polygon, checked independently:
 * the polygons are read from the written {@code reference/boundaries.geojson} by this test's own
 * parser, with plain (unprepared) JTS {@code covers}.
 */
class SampleGeographyTest {
  private static final GeometryFactory GF = new GeometryFactory();
  private static final Map<String, String> FEED_MUNICIPALITY = Map.of("sapporo-bus", "sapporo",
      "tsukuba-tsukubus", "tsukuba", "susami-community-bus", "susami");

  static Path lake;
  static final Map<String, Geometry> MUNICIPALITY = new HashMap<>();

  @BeforeAll
  static void generate() throws IOException {
    lake = SmallSample.lake();
    JsonNode root = new ObjectMapper().readTree(lake.resolve("reference/boundaries.geojson")
        .toFile());
    Map<String, List<Geometry>> parts = new HashMap<>();
    for (JsonNode f : root.get("features")) {
      parts.computeIfAbsent(f.get("properties").get("municipality").asText(),
          k -> new ArrayList<>()).add(geometry(f.get("geometry")));
    }
    parts.forEach((m, g) -> MUNICIPALITY.put(m, GF.buildGeometry(g).union()));
    assertThat(MUNICIPALITY).containsOnlyKeys("sapporo", "tsukuba", "susami");
  }

  @Test
  void sensorsLieInsideTheirMunicipality() throws IOException {
    assertInside(csv("reference/sensors.csv"), "municipality", "lon", "lat", 30);
  }

  @Test
  void merchantsLieInsideTheirMunicipality() throws IOException {
    assertInside(csv("reference/merchants.csv"), "municipality", "lon", "lat", 30);
  }

  @Test
  void realSheltersLieInsideTheirMunicipality() throws IOException {
    assertInside(csv("reference/shelters.csv"), "municipality", "lon", "lat", 647);
  }

  @Test
  void gtfsStopsLieInsideTheFeedsMunicipality() throws IOException {
    for (var e : FEED_MUNICIPALITY.entrySet()) {
      List<Map<String, String>> stops = csv("raw/transit/gtfs/" + e.getKey() + "/stops.txt");
      stops.forEach(s -> s.put("municipality", e.getValue()));
      assertInside(stops, "municipality", "stop_lon", "stop_lat", 10);
    }
  }

  @Test
  void everyShelterHasAnAssignedCapacity() throws IOException {
    assertThat(csv("reference/shelters.csv"))
        .allSatisfy(s -> assertThat(Integer.parseInt(s.get("capacity"))).isBetween(10, 3000));
  }

  private static void assertInside(List<Map<String, String>> rows, String muni, String lon,
      String lat, int atLeast) {
    assertThat(rows).hasSizeGreaterThanOrEqualTo(atLeast);
    for (Map<String, String> r : rows) {
      Geometry polygon = MUNICIPALITY.get(r.get(muni));
      assertThat(polygon).as(r.toString()).isNotNull();
      var point = GF.createPoint(new Coordinate(Double.parseDouble(r.get(lon)),
          Double.parseDouble(r.get(lat))));
      assertThat(polygon.covers(point)).as(r.toString()).isTrue();
    }
  }

  private static List<Map<String, String>> csv(String relative) throws IOException {
    String text = Files.readString(lake.resolve(relative), StandardCharsets.UTF_8);
    List<String> lines = text.replace("\uFEFF", "").lines().toList();
    String[] header = lines.get(0).split(",", -1);
    List<Map<String, String>> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], f[i]);
      }
      out.add(row);
    }
    return out;
  }

  private static Geometry geometry(JsonNode g) {
    JsonNode c = g.get("coordinates");
    if (g.get("type").asText().equals("Polygon")) {
      return polygon(c);
    }
    List<Geometry> polys = new ArrayList<>();
    c.forEach(p -> polys.add(polygon(p)));
    return GF.buildGeometry(polys);
  }

  private static Polygon polygon(JsonNode rings) {
    List<LinearRing> rs = new ArrayList<>();
    for (JsonNode ring : rings) {
      List<Coordinate> cs = new ArrayList<>();
      ring.forEach(p -> cs.add(new Coordinate(p.get(0).asDouble(), p.get(1).asDouble())));
      rs.add(GF.createLinearRing(cs.toArray(new Coordinate[0])));
    }
    return GF.createPolygon(rs.get(0), rs.subList(1, rs.size()).toArray(new LinearRing[0]));
  }
}
