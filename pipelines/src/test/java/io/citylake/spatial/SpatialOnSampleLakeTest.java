package io.citylake.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citylake.cli.CityLakeCli;
import io.citylake.job.Job;
import io.citylake.job.TableRef;
import io.citylake.pipeline.JobOutcome;
import io.citylake.pipeline.RunSummary;
import io.citylake.pipeline.SampleLakeNight;
import io.citylake.publish.ExportFormat;
import io.citylake.publish.GeoExport;
import io.citylake.testing.SharedResources;
import io.citylake.testing.SparkTestBase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * The spatial gold tables of the sample lake's first night, each recomputed here without the
 * spatial jobs: wards found with JTS point-in-polygon on the boundary WKB, grid squares with
 * {@link JisMeshCode} in plain Java, shelter headcounts replayed event by event, and sums compared
 * with the municipal KPI tables that know nothing of areas.
 *
 * <p>Reads the shared first-night lake as it is; exports go to this class's own folder
 * ({@code lakeDir()}), never into the lake.
 */
@Order(10)
@ResourceLock(value = SharedResources.METASTORE, mode = ResourceAccessMode.READ)
class SpatialOnSampleLakeTest extends SparkTestBase {
  private static final int K = 10;
  private static final GeometryFactory GEOMETRY = new GeometryFactory();
  private static SampleLakeNight.Lake sample;
  private static RunSummary night;
  private static Wards wards;

  @BeforeAll
  static void runTheNight() {
    sample = SampleLakeNight.shared(spark());
    night = sample.night();
    wards = new Wards(rows("SELECT code, geometry_wkb FROM silver.ref_boundaries"));
  }

  @Test
  void everySpatialJobSucceedsAndWritesRows() {
    Map<String, JobOutcome> outcomes = night.outcomes().stream()
        .collect(Collectors.toMap(JobOutcome::job, o -> o));
    for (Job job : SpatialJobs.all()) {
      assertThat(outcomes.get(job.name()).status()).as(job.name())
          .isEqualTo(JobOutcome.Status.SUCCEEDED);
      for (TableRef table : job.outputs()) {
        assertThat(rows("SELECT count(*) FROM " + table.whole()).get(0).getLong(0))
            .as(table.toString()).isPositive();
      }
    }
  }

  @Test
  void everyLocatedPointLiesInTheWardJtsFindsAndOthersAreUnknown() {
    List<Row> points = rows("SELECT point_kind, point_id, lon, lat, ward_code,"
        + " outside_boundaries FROM silver.located_points");
    assertThat(points).hasSizeGreaterThan(100);
    int located = 0;
    for (Row p : points) {
      String expected = p.isNullAt(2) ? PointLocator.UNKNOWN
          : wards.at(p.getDouble(2), p.getDouble(3));
      assertThat(p.getString(4)).as(p.getString(0) + " " + p.getString(1)).isEqualTo(expected);
      assertThat(p.getBoolean(5)).isEqualTo(expected.equals(PointLocator.UNKNOWN));
      located += expected.equals(PointLocator.UNKNOWN) ? 0 : 1;
    }
    assertThat(located).isGreaterThan(points.size() * 9 / 10);
    assertThat(rows("SELECT DISTINCT point_kind FROM silver.located_points"))
        .extracting(r -> r.getString(0))
        .containsExactlyInAnyOrder("sensor", "stop", "merchant", "shelter");
  }

  @Test
  void sapporoSheltersFallInTheWardGsiPublishesForThem() {
    List<Row> pairs = rows("SELECT s.ward_code, l.ward_code FROM silver.ref_shelters s"
        + " JOIN silver.located_points l ON l.point_kind = 'shelter'"
        + " AND l.point_id = s.shelter_id WHERE s.municipality = 'sapporo'");
    assertThat(pairs).hasSizeGreaterThan(50);
    long agreeing = pairs.stream().filter(r -> r.getString(0).equals(r.getString(1))).count();
    assertThat((double) agreeing / pairs.size()).isGreaterThanOrEqualTo(0.95);
  }

  @Test
  void peopleFlowOfEveryAreaLevelAddsUpToTheMunicipalFlow() {
    Map<String, Long> municipal = new HashMap<>();
    for (Row r : rows("SELECT municipality, hour_start, records FROM gold.people_flow_hourly")) {
      municipal.put(r.getString(0) + "|" + r.get(1), r.getLong(2));
    }
    assertThat(municipal).isNotEmpty();
    for (AreaLevel level : AreaLevel.values()) {
      Map<String, Long> byArea = new HashMap<>();
      for (Row r : rows("SELECT municipality, hour_start, sum(records)"
          + " FROM gold.people_flow_area_hourly WHERE area_level = '" + level.label() + "'"
          + " GROUP BY municipality, hour_start")) {
        byArea.put(r.getString(0) + "|" + r.get(1), r.getLong(2));
      }
      assertThat(byArea).as(level.label()).isEqualTo(municipal);
    }
  }

  @Test
  void peopleFlowPerWardIsTheSumOfItsCountersAndSmallCellsAreSuppressed() {
    Map<String, double[]> expected = new HashMap<>();
    for (Row r : rows("SELECT municipality, date_trunc('hour', observed_at), lon, lat, value"
        + " FROM silver.sensors_observations WHERE type = 'PeopleCounter'")) {
      String ward = wards.at(r.getDouble(2), r.getDouble(3));
      double[] sum = expected.computeIfAbsent(r.getString(0) + "|" + ward + "|" + r.get(1),
          k -> new double[2]);
      sum[0] += r.getDouble(4);
      sum[1]++;
    }
    List<Row> gold = rows("SELECT municipality, area_id, hour_start, people_count, records,"
        + " suppressed FROM gold.people_flow_area_hourly WHERE area_level = 'ward'");
    assertThat(gold).hasSize(expected.size());
    int suppressed = 0;
    long complements = 0;
    for (Row r : gold) {
      String key = r.getString(0) + "|" + r.getString(1) + "|" + r.get(2);
      double[] sum = expected.get(key);
      assertThat(sum).as(key).isNotNull();
      assertThat(r.getLong(4)).as(key).isEqualTo((long) sum[1]);
      if (sum[0] < K) {
        assertThat(r.getBoolean(5)).as(key).isTrue();
      } else if (r.getBoolean(5)) {
        complements++;
      }
      if (r.getBoolean(5)) {
        assertThat(r.isNullAt(3)).as(key).isTrue();
        suppressed++;
      } else {
        assertThat(((Number) r.get(3)).doubleValue()).as(key).isCloseTo(sum[0], within(1e-6));
      }
    }
    assertThat(suppressed).as("the sample has quiet night hours").isPositive();
    // wards from k persons on are suppressed only as complements, counted by the job
    assertThat(complements).isPositive().isLessThanOrEqualTo(
        night.secondarySuppressed().get(PeopleFlowByArea.TABLE.name()));
  }

  @Test
  void aMunicipalHourBelowKIsSuppressedLikeItsAreasSoASingleAreaTownDisclosesNothing() {
    Map<String, Double> counted = new HashMap<>();
    for (Row r : rows("SELECT municipality, date_trunc('hour', observed_at), value"
        + " FROM silver.sensors_observations WHERE type = 'PeopleCounter'")) {
      counted.merge(r.getString(0) + "|" + r.get(1), r.getDouble(2), Double::sum);
    }
    // (every municipal hour of the sample counts at least k; the generated lakes of
    // `citylake bench pipeline` have Susami's night hours below it)
    Map<String, Boolean> municipal = new HashMap<>();
    for (Row r : rows("SELECT municipality, hour_start, people_count, suppressed"
        + " FROM gold.people_flow_hourly")) {
      String key = r.getString(0) + "|" + r.get(1);
      assertThat(counted).as(key).containsKey(key);
      assertThat(r.getBoolean(3)).as(key).isEqualTo(counted.get(key) < K);
      assertThat(r.isNullAt(2)).as(key).isEqualTo(r.getBoolean(3));
      municipal.put(key, r.getBoolean(3));
    }
    assertThat(municipal).hasSameSizeAs(counted);
    // a municipality that is one ward: its ward hour and its municipal hour are one number, so
    // they are published or suppressed together
    List<Row> singleWard = rows("SELECT municipality, hour_start, suppressed"
        + " FROM gold.people_flow_area_hourly WHERE area_level = 'ward' AND municipality IN"
        + " (SELECT municipality FROM gold.spatial_areas WHERE area_level = 'ward'"
        + " GROUP BY municipality HAVING count(*) = 1)");
    assertThat(singleWard).as("the sample has a one-ward town (Susami)").isNotEmpty();
    for (Row r : singleWard) {
      String key = r.getString(0) + "|" + r.get(1);
      assertThat(municipal.get(key)).as(key).isEqualTo(r.getBoolean(2));
    }
  }

  @Test
  void tourismSpendPerGridSquareMatchesAPlainJavaSum() {
    Map<String, Square> expected = new HashMap<>();
    for (Row r : rows("SELECT municipality, dt, card_pseudonym, lat, lon,"
        + " CAST(amount_yen AS DOUBLE) * weight FROM silver.points_transactions"
        + " WHERE visitor AND kind = 'spend' AND lat IS NOT NULL AND lon IS NOT NULL")) {
      for (int order : new int[] {3, 4}) {
        String code = JisMeshCode.encode(r.getDouble(3), r.getDouble(4), order);
        expected.computeIfAbsent(r.getString(0) + "|mesh" + order + "|" + code + "|" + r.get(1),
            k -> new Square()).add(r.getString(2), r.getDouble(5));
      }
    }
    List<Row> gold = rows("SELECT municipality, area_level, area_id, dt, spend_yen,"
        + " transactions, persons, suppressed FROM gold.tourism_spend_mesh_daily");
    assertThat(gold).hasSize(expected.size());
    int shown = 0;
    long complements = 0;
    for (Row r : gold) {
      String key = r.getString(0) + "|" + r.getString(1) + "|" + r.getString(2) + "|" + r.get(3);
      Square square = expected.get(key);
      assertThat(square).as(key).isNotNull();
      assertThat(r.getLong(6)).as(key).isEqualTo(square.cards.size());
      if (square.cards.size() < K) {
        assertThat(r.getBoolean(7)).as(key).isTrue();
      } else if (r.getBoolean(7)) {
        complements++;
      }
      if (r.getBoolean(7)) {
        assertThat(r.isNullAt(4) && r.isNullAt(5)).as(key).isTrue();
      } else {
        assertThat(r.getDouble(4)).as(key).isCloseTo(square.spend, within(1e-6 * square.spend));
        assertThat(r.getLong(5)).as(key).isEqualTo(square.transactions);
        shown++;
      }
    }
    assertThat(shown).isPositive();
    // squares from k cards on are suppressed only as complements, each counted by the job
    assertThat(complements).isPositive()
        .isEqualTo(night.secondarySuppressed().get(TourismSpendByMesh.TABLE.name()));
  }

  @Test
  void snowPriorityRanksWardsByDepthAndTheDeepestWardIsTheMunicipalMaximum() {
    Map<String, List<Row>> byDay = rows("SELECT municipality, dt, area_id, snow_depth_max_cm,"
        + " priority_rank FROM gold.snow_depth_ward_daily").stream()
        .collect(Collectors.groupingBy(r -> r.getString(0) + "|" + r.get(1)));
    Map<String, Double> municipal = rows("SELECT municipality, dt, snow_depth_max_cm"
        + " FROM gold.snow_depth_daily").stream()
        .collect(Collectors.toMap(r -> r.getString(0) + "|" + r.get(1), r -> r.getDouble(2)));
    assertThat(byDay.keySet()).isEqualTo(municipal.keySet());
    for (var day : byDay.entrySet()) {
      List<Row> sorted = new ArrayList<>(day.getValue());
      sorted.sort(Comparator.comparingDouble((Row r) -> -r.getDouble(3)));
      int rank = 0;
      double previous = Double.NaN;
      for (Row r : sorted) {
        if (r.getDouble(3) != previous) {
          rank++;
          previous = r.getDouble(3);
        }
        assertThat(r.getInt(4)).as(day.getKey() + " " + r.getString(2)).isEqualTo(rank);
      }
      assertThat(sorted.get(0).getDouble(3)).as(day.getKey())
          .isEqualTo(municipal.get(day.getKey()));
    }
  }

  @Test
  void shelterLoadIsTheReplayedPeakHeadcountOverCapacity() {
    LocalDate day = night.runDate();
    List<Row> events = rows("SELECT shelter_id, dt, action FROM silver.disaster_checkins"
        + " WHERE dt <= DATE'" + day + "' ORDER BY shelter_id, ts,"
        + " CASE action WHEN 'in' THEN 0 ELSE 1 END");
    Map<String, Long> peaks = new HashMap<>();
    String shelter = null;
    long headcount = 0;
    for (Row e : events) {
      if (!e.getString(0).equals(shelter)) {
        shelter = e.getString(0);
        headcount = 0;
      }
      long before = headcount;
      headcount += "in".equals(e.getString(2)) ? 1 : -1;
      peaks.merge(shelter + "|" + e.get(1), Math.max(0, Math.max(before, headcount)), Math::max);
    }
    Map<String, Integer> capacity = rows("SELECT shelter_id, capacity FROM silver.ref_shelters")
        .stream().collect(Collectors.toMap(r -> r.getString(0), r -> r.getInt(1)));
    List<Row> gold = rows("SELECT shelter_id, dt, peak_headcount, load_ratio, suppressed,"
        + " lon, lat, ST_AsText(ST_GeomFromWKB(geometry_wkb)) FROM gold.shelter_load_daily");
    assertThat(gold).hasSize(peaks.size());
    for (Row r : gold) {
      String key = r.getString(0) + "|" + r.get(1);
      long peak = peaks.get(key);
      assertThat(r.getBoolean(4)).as(key).isEqualTo(peak < K);
      if (peak < K) {
        assertThat(r.isNullAt(2) && r.isNullAt(3)).as(key).isTrue();
      } else {
        assertThat(r.getLong(2)).as(key).isEqualTo(peak);
        assertThat(r.getDouble(3)).as(key)
            .isCloseTo((double) peak / capacity.get(r.getString(0)), within(1e-12));
      }
      assertThat(r.getString(7)).isEqualTo(GEOMETRY.createPoint(
          new Coordinate(r.getDouble(5), r.getDouble(6))).toText());
    }
  }

  @Test
  void smallPersonCellsAreSuppressedInEverySpatialTable() {
    assertThat(rows("SELECT count(*) FROM gold.people_flow_area_hourly WHERE suppressed"
        + " <> (people_count IS NULL)").get(0).getLong(0)).isZero();
    assertThat(rows("SELECT count(*) FROM gold.tourism_spend_mesh_daily WHERE"
        + " (persons < " + K + " AND NOT suppressed) OR (suppressed AND spend_yen IS NOT NULL)")
        .get(0).getLong(0)).isZero();
    assertThat(rows("SELECT count(*) FROM gold.shelter_load_daily WHERE suppressed"
        + " AND (peak_headcount IS NOT NULL OR load_ratio IS NOT NULL)").get(0).getLong(0))
        .isZero();
  }

  @Test
  void theNightCountsPrimaryAndSecondarySuppressionPerTableAsGoldShowsThem() {
    // the first night wrote every tourism square: below k is primary, from k on a complement
    Row gold = rows("SELECT count_if(suppressed AND persons < " + K + "),"
        + " count_if(suppressed AND persons >= " + K + ")"
        + " FROM gold.tourism_spend_mesh_daily").get(0);
    String mesh = "tourism_spend_mesh_daily";
    assertThat(gold.getLong(0)).as("primary").isPositive();
    assertThat(night.primarySuppressed()).containsEntry(mesh, gold.getLong(0));
    assertThat(night.secondarySuppressed()).containsEntry(mesh, gold.getLong(1));
  }

  @Test
  void exportOfAnUnknownTableOrAGeometryLessTableAsGeoJsonIsOneLine() {
    StringWriter err = new StringWriter();
    int code = CityLakeCli.execute(new PrintWriter(new StringWriter()), new PrintWriter(err),
        "export", "--lake", sample.root().toString(), "--table", "no_such_table");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString().lines().toList()).singleElement().asString()
        .startsWith("citylake export: Cannot export gold.no_such_table: no such gold table");

    StringWriter err2 = new StringWriter();
    code = CityLakeCli.execute(new PrintWriter(new StringWriter()), new PrintWriter(err2),
        "export", "--lake", sample.root().toString(), "--table", "kpi_catalogue",
        "--format", "geojson");
    assertThat(code).isEqualTo(2);
    assertThat(err2.toString().lines().toList()).singleElement().asString()
        .contains("the table has no geometry; use --format csv");
  }

  @Test
  void geoParquetExportIsReadByDuckDbWithTheSameRowsAndGeometries() throws Exception {
    Path file = new GeoExport(spark(), sample.config())
        .export("spatial_areas", ExportFormat.GEOPARQUET, lakeDir().resolve("exports-test"));
    Map<String, byte[]> expected = new HashMap<>();
    for (Row r : rows("SELECT area_level, area_id, geometry_wkb FROM gold.spatial_areas")) {
      expected.put(r.getString(0) + "|" + r.getString(1), (byte[]) r.get(2));
    }
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement sql = duckdb.createStatement()) {
      sql.execute("SET autoinstall_known_extensions = false");
      sql.execute("SET autoload_known_extensions = false");
      String parquet = "'" + file.toAbsolutePath() + "'";
      try (ResultSet geo = sql.executeQuery("SELECT decode(value) FROM parquet_kv_metadata("
          + parquet + ") WHERE decode(key) = 'geo'")) {
        assertThat(geo.next()).as("geo metadata").isTrue();
        JsonNode metadata = new ObjectMapper().readTree(geo.getString(1));
        assertThat(metadata.path("version").asText()).startsWith("1.");
        assertThat(metadata.path("primary_column").asText()).isEqualTo("geometry");
        JsonNode column = metadata.path("columns").path("geometry");
        assertThat(column.path("encoding").asText()).isEqualTo("WKB");
        assertThat(column.path("geometry_types")).isNotEmpty();
        assertThat(column.path("bbox")).hasSize(4);
      }
      WKBReader wkb = new WKBReader();
      int read = 0;
      try (ResultSet areas = sql.executeQuery(
          "SELECT area_level, area_id, geometry FROM read_parquet(" + parquet + ")")) {
        while (areas.next()) {
          String key = areas.getString(1) + "|" + areas.getString(2);
          assertThat(expected).as(key).containsKey(key);
          Geometry exported = wkb.read(areas.getBytes(3));
          assertThat(exported.equalsExact(wkb.read(expected.get(key)))).as(key).isTrue();
          read++;
        }
      }
      assertThat(read).isEqualTo(expected.size());
    }
  }

  @Test
  void geoJsonAndCsvExportsHoldEveryRowWithItsGeometry() throws Exception {
    GeoExport export = new GeoExport(spark(), sample.config());
    Path out = lakeDir().resolve("exports-test");
    Path geojson = export.export("shelter_load_daily", ExportFormat.GEOJSON, out);
    JsonNode collection = new ObjectMapper().readTree(geojson.toFile());
    assertThat(collection.path("type").asText()).isEqualTo("FeatureCollection");
    long shelterDays = rows("SELECT count(*) FROM gold.shelter_load_daily").get(0).getLong(0);
    assertThat(collection.path("features")).hasSize((int) shelterDays);
    for (JsonNode feature : collection.path("features")) {
      JsonNode properties = feature.path("properties");
      assertThat(feature.path("geometry").path("type").asText()).isEqualTo("Point");
      assertThat(feature.path("geometry").path("coordinates").get(0).asDouble())
          .isEqualTo(properties.path("lon").asDouble());
      assertThat(feature.path("geometry").path("coordinates").get(1).asDouble())
          .isEqualTo(properties.path("lat").asDouble());
      assertThat(properties.has("geometry_wkb")).isFalse();
    }

    Path csv = export.export("snow_depth_ward_daily", ExportFormat.CSV, out);
    List<String> lines = Files.readAllLines(csv);
    long wardDays = rows("SELECT count(*) FROM gold.snow_depth_ward_daily").get(0).getLong(0);
    assertThat(lines).hasSize((int) wardDays + 1);
    assertThat(lines.get(0)).startsWith("municipality,area_id,").endsWith(",geometry_wkt");
    assertThat(lines.subList(1, lines.size()))
        .allMatch(l -> l.contains("\"POLYGON") || l.contains("\"MULTIPOLYGON"));
  }

  /** A grid square's expected tourism figures. */
  private static final class Square {
    final java.util.Set<String> cards = new java.util.HashSet<>();
    double spend;
    long transactions;

    void add(String card, double amount) {
      cards.add(card);
      spend += amount;
      transactions++;
    }
  }

  /** The lake's ward polygons, searched with JTS: the smallest code of those covering a point. */
  static final class Wards {
    private final Map<String, PreparedGeometry> polygons = new HashMap<>();
    private final Map<String, String> cache = new HashMap<>();

    Wards(List<Row> boundaries) {
      WKBReader reader = new WKBReader();
      for (Row b : boundaries) {
        try {
          polygons.put(b.getString(0),
              PreparedGeometryFactory.prepare(reader.read((byte[]) b.get(1))));
        } catch (ParseException e) {
          throw new IllegalStateException(e);
        }
      }
    }

    String at(double lon, double lat) {
      return cache.computeIfAbsent(lon + "," + lat, k -> {
        Geometry point = GEOMETRY.createPoint(new Coordinate(lon, lat));
        return polygons.entrySet().stream().filter(e -> e.getValue().intersects(point))
            .map(Map.Entry::getKey).min(Comparator.naturalOrder())
            .orElse(PointLocator.UNKNOWN);
      });
    }
  }
}
