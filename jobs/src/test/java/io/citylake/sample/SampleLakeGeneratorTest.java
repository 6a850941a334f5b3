package io.citylake.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citylake.contract.RawDataset;
import io.citylake.contract.RawFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleLakeGeneratorTest {
  static final SampleSpec SMALL = new SampleSpec(7L, 300, LocalDate.of(2026, 11, 1), 3);
  private static final ObjectMapper JSON = new ObjectMapper();

  static Path lake;
  static SampleLakeSummary summary;

  @BeforeAll
  static void generate() {
    // generated once per JVM: SampleGeographyTest reads the same lake
    lake = SmallSample.lake();
    summary = SmallSample.summary();
  }

  @Test
  void sameSpecWritesByteIdenticalFiles(@TempDir Path again) throws IOException {
    new SampleLakeGenerator(SMALL).generate(again);

    assertThat(TreeHashes.of(again)).isEqualTo(TreeHashes.of(lake));
  }

  @Test
  void otherSeedWritesOtherData(@TempDir Path other) throws IOException {
    new SampleLakeGenerator(new SampleSpec(8L, 300, SMALL.firstDay(), 3)).generate(other);

    var a = TreeHashes.of(lake);
    var b = TreeHashes.of(other);
    assertThat(b.keySet()).containsAll(List.of("raw/transit/gtfs/sapporo-bus/stops.txt",
        "reference/sensors.csv"));
    assertThat(b.get("reference/sensors.csv")).isNotEqualTo(a.get("reference/sensors.csv"));
    assertThat(b.get("raw/transit/taps/dt=2026-11-01/taps-2026-11-01.csv.gz"))
        .isNotEqualTo(a.get("raw/transit/taps/dt=2026-11-01/taps-2026-11-01.csv.gz"));
  }

  @Test
  void everyRawDatasetHasFilesNamedByTheContractLayout() throws IOException {
    for (RawDataset ds : RawDataset.values()) {
      List<Path> files = files(lake.resolve(ds.rawPath()));
      assertThat(files).as(ds.rawPath()).isNotEmpty();
      for (Path f : files) {
        String dt = f.getParent().getFileName().toString();
        assertThat(dt).matches("dt=2026-11-0[1-3]");
        assertThat(f.getFileName().toString()).isEqualTo(
            ds.dataset() + "-" + dt.substring(3) + ds.format().extension() + ".gz");
      }
      assertThat(summary.dataset(ds.rawPath()).files()).isEqualTo(files.size());
    }
  }

  @Test
  void everyCsvFileStartsWithTheContractHeader() throws IOException {
    for (RawDataset ds : RawDataset.values()) {
      if (ds.format() != RawFormat.CSV) {
        continue;
      }
      List<Path> all = new ArrayList<>(files(lake.resolve(ds.rawPath())));
      all.addAll(files(lake.resolve("late").resolve(ds.rawPath())));
      for (Path f : all) {
        assertThat(lines(f).get(0)).as(f.toString()).isEqualTo(ds.csvHeader());
      }
    }
  }

  @Test
  void jsonLinesParseExceptTheCountedMalformedOnes() throws IOException {
    for (RawDataset ds : RawDataset.values()) {
      if (ds.format() != RawFormat.JSONL) {
        continue;
      }
      int bad = 0;
      long total = 0;
      for (Path f : files(lake.resolve(ds.rawPath()))) {
        for (String line : lines(f)) {
          total++;
          try {
            var node = JSON.readTree(line);
            if (!node.has("location") && ds == RawDataset.SENSOR_OBSERVATIONS) {
              continue;
            }
            assertThat(fieldNames(node)).as(line)
                .isEqualTo(ds.fields());
          } catch (JsonProcessingException e) {
            bad++;
          }
        }
      }
      int malformed = count(ds, "truncated_json") + count(ds, "garbage_line");
      assertThat(bad).as(ds.tableName())
          .isBetween(malformed, malformed + count(ds, "duplicate"));
      assertThat(total).isEqualTo(summary.dataset(ds.rawPath()).lines());
    }
  }

  @Test
  void csvLinesHaveTheContractFieldCountExceptTheCountedMalformedOnes() throws IOException {
    for (RawDataset ds : RawDataset.values()) {
      if (ds.format() != RawFormat.CSV) {
        continue;
      }
      int bad = 0;
      List<Path> all = new ArrayList<>(files(lake.resolve(ds.rawPath())));
      all.addAll(files(lake.resolve("late").resolve(ds.rawPath())));
      for (Path f : all) {
        List<String> lines = lines(f);
        for (String line : lines.subList(1, lines.size())) {
          if (line.split(",", -1).length != ds.fields().size()) {
            bad++;
          }
        }
      }
      int malformed = count(ds, "missing_field") + count(ds, "extra_field")
          + count(ds, "garbage_line");
      assertThat(bad).as(ds.tableName())
          .isBetween(malformed, malformed + count(ds, "duplicate"));
    }
  }

  @Test
  void lateFolderHoldsAnExtraFileAMissingPartitionAndACorrection() throws IOException {
    assertThat(lake.resolve("late/raw/transit/taps/dt=2026-11-03/taps-2026-11-03-late.csv.gz"))
        .exists();
    assertThat(lake.resolve("raw/transit/taps/dt=2026-11-03/taps-2026-11-03.csv.gz")).exists();
    assertThat(lake.resolve("late/raw/transit/arrivals/dt=2026-11-03")).isDirectory();
    assertThat(lake.resolve("raw/transit/arrivals/dt=2026-11-03")).doesNotExist();
    String name = "disaster/inventory/dt=2026-11-03/inventory-2026-11-03.csv.gz";
    List<String> raw = lines(lake.resolve("raw/" + name));
    List<String> late = lines(lake.resolve("late/raw/" + name));
    assertThat(late).hasSameSizeAs(raw).isNotEqualTo(raw);
  }

  @Test
  void gtfsFeedsLookLikeRealPublishers() throws IOException {
    Path gtfs = lake.resolve("raw/transit/gtfs");
    byte[] susami = Files.readAllBytes(gtfs.resolve("susami-community-bus/stops.txt"));
    assertThat(new String(susami, 0, 3, StandardCharsets.ISO_8859_1))
        .isEqualTo("\u00ef\u00bb\u00bf");
    assertThat(new String(susami, StandardCharsets.UTF_8)).contains("\r\n");
    assertThat(gtfs.resolve("tsukuba-tsukubus/agency_jp.txt")).exists();
    assertThat(Files.readString(gtfs.resolve("sapporo-bus/stop_times.txt")))
        .doesNotContain("\r").containsPattern(",2[4-9]:\\d\\d:\\d\\d,");
    for (String feed : List.of("sapporo-bus", "tsukuba-tsukubus", "susami-community-bus")) {
      for (String f : List.of("agency", "stops", "routes", "trips", "stop_times", "calendar",
          "calendar_dates")) {
        assertThat(gtfs.resolve(feed).resolve(f + ".txt")).exists();
      }
    }
  }

  @Test
  void summaryCountsInjectedDirtOfEveryKind() {
    assertThat(summary.dirtOfKind("duplicate")).isPositive();
    assertThat(summary.dirtOfKind("utc_z_timestamp")).isPositive();
    assertThat(summary.dirt()).containsKeys("transit_taps.unknown_auth_qr",
        "sensors_observations.missing_location", "points_steps.negative_steps",
        "sensors_observations.unknown_type", "disaster_drone_flights.absurd_payload");
    long rawLines = summary.datasets().stream()
        .filter(d -> d.path().startsWith("raw/") && !d.path().startsWith("raw/transit/gtfs"))
        .mapToLong(SampleLakeSummary.DatasetFiles::lines).sum();
    assertThat(summary.dirtOfKind("duplicate")).isLessThan((int) (rawLines * 0.02));
    assertThat(summary.totalBytes()).isPositive();
  }

  @Test
  void specRejectsTooFewPersons() {
    assertThatThrownBy(() -> new SampleSpec(1, 10, LocalDate.of(2026, 11, 1), 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot generate sample lake: persons must be at least 30 (got: 10)");
  }

  private static int count(RawDataset ds, String kind) {
    return summary.dirt().getOrDefault(ds.tableName() + "." + kind, 0);
  }

  static List<Path> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  static List<String> lines(Path gz) throws IOException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(gz)), StandardCharsets.UTF_8))) {
      return r.lines().toList();
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.fieldNames().forEachRemaining(out::add);
    return out;
  }
}
