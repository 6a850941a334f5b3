package io.citylake.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.citylake.conform.Quarantine;
import io.citylake.contract.RawDataset;
import io.citylake.contract.RawFormat;
import io.citylake.ingest.IngestGtfsFeeds;
import io.citylake.ingest.IngestLedger;
import io.citylake.lake.LakeConfig;
import io.citylake.lake.LakePaths;
import io.citylake.ops.LakeTableHistory;
import io.citylake.testing.SharedResources;
import io.citylake.testing.SparkTestBase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The nightly pipeline end to end on the committed sample lake: every raw line in bronze exactly
 * once (counted per file without Spark) after the shared first night, every bronze row accounted
 * for in silver, and no raw identifier published. Only reads the shared lake, so it runs beside the
 * other readers; the re-run and the late deliveries, which point the metastore at a copy, are
 * {@link LateDeliveriesOnSampleLakeTest}'s.
 */
@Order(10)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ResourceLock(value = SharedResources.METASTORE, mode = ResourceAccessMode.READ)
class NightlyOnSampleLakeTest extends SparkTestBase {
  private static RunSummary firstNight;
  /** The shared first-night lake, only read here. */
  private static Path root;

  @BeforeAll
  static void runFirstNight() {
    SampleLakeNight.Lake sample = SampleLakeNight.shared(spark());
    firstNight = sample.night();
    root = sample.root();
  }

  private static LakePaths paths() {
    return LakeConfig.local(root).paths();
  }

  @Test
  @Order(1)
  void firstNightSucceedsForTheLatestDeliveredDay() {
    assertThat(firstNight.outcomes()).allSatisfy(o ->
        assertThat(o.status()).as(o.job() + " " + o.message()).isEqualTo(JobOutcome.Status.SUCCEEDED));
    assertThat(firstNight.runDate()).isEqualTo(latestPartition(root.resolve("raw")));
  }

  @Test
  @Order(2)
  void everyRawLineIsInBronzeExactlyOncePerFile() throws IOException {
    for (RawDataset dataset : RawDataset.values()) {
      Map<String, Long> expected = dataset.format() == RawFormat.NGSI_LD
          ? attributeInstancesPerFile(root.resolve(dataset.rawPath()))
          : dataLinesPerFile(root.resolve(dataset.rawPath()), dataset.format() == RawFormat.CSV);
      assertThat(bronzeLinesPerFile(paths().bronze(dataset.tableName())))
          .as(dataset.tableName()).isEqualTo(expected);
    }
    assertThat(bronzeLinesPerFile(paths().bronze(IngestGtfsFeeds.TABLE)))
        .isEqualTo(dataLinesPerFile(root.resolve("raw/transit/gtfs"), true));
  }

  /**
   * The ingest jobs hand their ledger rows to the run, which commits the waiting ones before the
   * first job that reads them: a few commits for the stage, not one per ingest job.
   */
  @Test
  @Order(3)
  void theIngestStageRecordsItsFilesInAFewLedgerCommits() {
    long ingestJobs = firstNight.outcomes().stream()
        .filter(o -> o.job().startsWith("ingest.")).count();
    long ledgerCommits = new LakeTableHistory(spark(), paths())
        .history("bronze." + IngestLedger.TABLE, Integer.MAX_VALUE).stream()
        .filter(v -> firstNight.runId().equals(v.run()) && "WRITE".equals(v.operation()))
        .count();
    assertThat(ingestJobs).isGreaterThan(10);
    assertThat(ledgerCommits).as("appends to the ingest ledger by the first night's %d ingest jobs",
        ingestJobs).isBetween(1L, ingestJobs / 4);
  }

  @Test
  @Order(3)
  void bronzeTablesArePublishedInTheMetastore() {
    assertThat(rows("SHOW TABLES IN bronze")).extracting(r -> r.getString(1))
        .contains("transit_taps", "points_steps", "sensors_observations", "transit_gtfs");
    assertThat(rows("SELECT count(*) FROM bronze.transit_taps").get(0).getLong(0))
        .isEqualTo(rows("SELECT count(*) FROM " + delta(paths().bronze("transit_taps")))
            .get(0).getLong(0));
  }

  @Test
  @Order(3)
  void everyBronzeRowIsSilverQuarantinedOrARemovedDuplicatePerDatasetAndDay() {
    for (RawDataset dataset : RawDataset.values()) {
      String table = dataset.tableName();
      Map<String, Long> bronze = countsByDay("SELECT CAST(dt AS STRING), count(*) FROM "
          + delta(paths().bronze(table)) + " GROUP BY dt");
      if (dataset == RawDataset.SENSOR_OBSERVATIONS) {
        // the broker's people counts, snow heights and PM2.5 are sensor observations too
        countsByDay("SELECT CAST(dt AS STRING), count(*) FROM "
            + delta(paths().bronze(RawDataset.SENSOR_NGSI_LD.tableName()))
            + " WHERE _parse_error IS NULL AND concat(entity_type, '.', attribute) IN"
            + " ('CrowdFlowObserved.peopleCount', 'WeatherObserved.snowHeight',"
            + " 'AirQualityObserved.pm25') GROUP BY dt")
            .forEach((day, rows) -> bronze.merge(day, rows, Long::sum));
      }
      Map<String, Long> silver = countsByDay("SELECT CAST(dt AS STRING), count(*) FROM "
          + delta(paths().silver(table)) + " GROUP BY dt");
      Map<String, Long> quarantined = countsByDay("SELECT CAST(dt AS STRING), count(*) FROM "
          + delta(Quarantine.path(paths())) + " WHERE dataset = '" + table
          + "' GROUP BY dt");
      Map<String, Long> removed = countsByDay("SELECT CAST(dt AS STRING),"
          + " duplicate_rows + superseded_rows FROM " + delta(paths().silver(
              "conform_accounting")) + " WHERE dataset = '" + table + "'");
      for (String day : bronze.keySet()) {
        assertThat(silver.getOrDefault(day, 0L) + quarantined.getOrDefault(day, 0L)
            + removed.getOrDefault(day, 0L)).as(table + " " + day).isEqualTo(bronze.get(day));
      }
      assertThat(silver.values().stream().mapToLong(Long::longValue).sum()).as(table)
          .isPositive();
    }
  }

  @Test
  @Order(3)
  void noRawIdentifierReachesSilverOrGold() throws IOException {
    String identifiers = "P-(sapporo|tsukuba|susami)-[0-9]{6}|IC-[0-9A-F]{12}";
    // the pattern must really catch the sample's identifiers, or this test proves nothing
    assertThat(countMatches(root.resolve("raw/transit/taps"), identifiers)).isPositive();
    assertThat(countMatches(root.resolve("raw/points/steps"), identifiers)).isPositive();
    java.util.List<String> published = new java.util.ArrayList<>();
    for (String database : java.util.List.of("silver", "gold")) {
      rows("SHOW TABLES IN " + database).forEach(t -> published.add(database + "." + t.getString(1)));
    }
    assertThat(published).contains("silver.transit_taps", "gold.kpi_catalogue");
    for (String name : published) {
      long leaks = rows("SELECT count(*) FROM (SELECT to_json(struct(*)) AS row_json FROM "
          + name + ") WHERE row_json RLIKE '" + identifiers + "'").get(0).getLong(0);
      assertThat(leaks).as(name).isZero();
    }
  }

  @Test
  @Order(3)
  void aPersonHasOneAndTheSamePseudonymAcrossDatasets() throws Exception {
    String key = Files.readString(root.resolve("reference/DEMO-PSEUDONYM-KEY")).trim();
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(key.getBytes(StandardCharsets.UTF_8),
        "HmacSHA256"));
    String person = rows("SELECT person_id FROM "
        + delta(paths().bronze("disaster_checkins"))
        + " WHERE person_id RLIKE '^P-[a-z]+-[0-9]{6}$' INTERSECT SELECT person_id FROM "
        + delta(paths().bronze("points_steps")) + " INTERSECT SELECT respondent_id FROM "
        + delta(paths().bronze("surveys_responses")) + " ORDER BY 1 LIMIT 1")
        .get(0).getString(0);
    String expected = "p_" + java.util.HexFormat.of().formatHex(
        mac.doFinal(person.getBytes(StandardCharsets.UTF_8)), 0, 16);

    for (String source : java.util.List.of(
        "SELECT person_pseudonym FROM silver.disaster_checkins",
        "SELECT person_pseudonym FROM silver.points_steps",
        "SELECT respondent_pseudonym FROM silver.surveys_responses")) {
      assertThat(rows(source + " WHERE " + source.split(" ")[1] + " = '" + expected + "' LIMIT 1"))
          .as(source).hasSize(1);
    }
  }

  private static Map<String, Long> countsByDay(String sql) {
    Map<String, Long> counts = new TreeMap<>();
    rows(sql).forEach(r -> counts.put(r.getString(0), r.getLong(1)));
    return counts;
  }

  private static long countMatches(Path root, String regex) throws IOException {
    java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(regex);
    try (Stream<Path> files = Files.walk(root)) {
      long matches = 0;
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        matches += readLines(file).stream().filter(l -> pattern.matcher(l).find()).count();
      }
      return matches;
    }
  }

  static java.util.List<String> readLines(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().toList();
    }
  }

  private static Map<String, Long> bronzeLinesPerFile(String table) {
    Map<String, Long> counts = new TreeMap<>();
    for (Row row : rows("SELECT _source_file, count(*) FROM " + delta(table) + " GROUP BY 1")) {
      counts.put(root.resolve(row.getString(0)).toAbsolutePath().toString(), row.getLong(1));
    }
    return counts;
  }

  /** Non-blank lines per file, minus the header of CSV-like files, read with plain Java. */
  static Map<String, Long> dataLinesPerFile(Path root, boolean csv) throws IOException {
    Map<String, Long> counts = new TreeMap<>();
    if (!Files.exists(root)) {
      return counts;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = file.getFileName().toString();
        boolean header = csv || name.endsWith(".txt") || name.contains(".csv");
        if (name.contains(".jsonl")) {
          header = false;
        }
        long lines = countLines(file) - (header ? 1 : 0);
        if (lines > 0) {
          counts.put(file.toAbsolutePath().toString(), lines);
        }
      }
    }
    return counts;
  }

  /**
   * Attribute instances per NGSI-LD file, counted with a plain JSON parser: every attribute of
   * every entity but its id, type and context, once per element of a temporal array.
   */
  static Map<String, Long> attributeInstancesPerFile(Path root) throws IOException {
    Map<String, Long> counts = new TreeMap<>();
    ObjectMapper json = new ObjectMapper();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        long instances = 0;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
          for (com.fasterxml.jackson.databind.JsonNode entity : json.readTree(in)) {
            for (var it = entity.fields(); it.hasNext(); ) {
              var attribute = it.next();
              if (!List.of("id", "type", "@context").contains(attribute.getKey())) {
                instances += attribute.getValue().isArray() ? attribute.getValue().size() : 1;
              }
            }
          }
        }
        counts.put(file.toAbsolutePath().toString(), instances);
      }
    }
    return counts;
  }

  private static long countLines(Path file) throws IOException {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().filter(line -> !line.replace("\uFEFF", "").isBlank()).count();
    }
  }

  private static LocalDate latestPartition(Path raw) {
    try (Stream<Path> dirs = Files.walk(raw)) {
      return dirs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("dt="))
          .map(n -> LocalDate.parse(n.substring(3))).max(LocalDate::compareTo).orElseThrow();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }


}
