package io.citylake.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.conform.ConformDataset;
import io.citylake.conform.Conformer;
import io.citylake.conform.Quarantine;
import io.citylake.conform.datasets.DatasetConformers;
import io.citylake.job.JobResult;
import io.citylake.testing.BadInputCorpus;
import io.citylake.testing.RawFiles;
import io.citylake.testing.SparkTestBase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every kind of broken delivery of the corpus ({@code src/test/resources/bad-input/corpus.json})
 * in one lake, ingested and conformed once as a night would, then held to its expected outcome:
 * quarantined with the right rule, or refused with a clear reason in the ingest ledger and a
 * warning; never silently lost, never a failed job.
 */
class BadInputCorpusTest extends SparkTestBase {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 1);
  private static final List<BadInputCorpus.Entry> CORPUS = BadInputCorpus.entries();
  private static final String UNREADABLE = "raw/transit/taps/dt=2026-11-01/unreadable.csv";
  private static final String DS_STORE = "raw/transit/taps/dt=2026-11-01/.DS_Store";
  private static final Map<String, JobResult> INGESTS = new ConcurrentSkipListMap<>();
  private static final Map<String, JobResult> CONFORMS = new ConcurrentSkipListMap<>();
  private static final List<String> FAILURES = new CopyOnWriteArrayList<>();
  /** Per delivered file (lake path): ledger rows, bronze and silver rows, quarantined rules. */
  private static final Map<String, List<Row>> LEDGER = new TreeMap<>();
  private static final Map<String, Long> BRONZE = new TreeMap<>();
  private static final Map<String, Long> SILVER = new TreeMap<>();
  private static final Map<String, Map<String, Long>> QUARANTINED = new TreeMap<>();
  private static List<Path> delivered;
  /** Whether the JVM can read a mode-000 file (root can): then that kind cannot be shown. */
  private static boolean unreadableIsReadable;

  @BeforeAll
  static void oneNightOverTheCorpus() {
    delivered = new ArrayList<>(BadInputCorpus.copyInto(lakeDir()));
    unreadableFile().ifPresent(delivered::add);
    // Maven leaves .DS_Store out of test resources, so the stray is written here
    delivered.add(RawFiles.writeBytes(lakeDir().resolve(DS_STORE),
        new byte[] {0, 0, 0, 1, 'B', 'u', 'd', '1', 0, 0, 16, 0}));
    samplePseudonyms();
    reference("ref_sensors", "sensor_id STRING, municipality STRING, lon DOUBLE, lat DOUBLE",
        RowFactory.create("urn:ngsi-ld:PeopleCounter:sapporo-0001", "sapporo", 141.3508,
            43.0687));
    reference("gtfs_stops", "stop_id STRING", RowFactory.create("S1"),
        RowFactory.create("S2"));
    reference("gtfs_routes", "route_id STRING", RowFactory.create("R1"));
    reference("gtfs_trips", "trip_id STRING", RowFactory.create("T1"),
        RowFactory.create("T2"));
    reference("ref_merchants", "merchant_id STRING", RowFactory.create("M-1"));
    reference("ref_shelters", "shelter_id STRING", RowFactory.create("SH-1"));
    // independent datasets run side by side, as the nightly runner runs them
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (Future<?> night : pool.invokeAll(conformers().stream()
          .map(c -> (Callable<Object>) () -> oneDataset(c)).toList())) {
        night.get();
      }
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdown();
    }
    readOutcomes();
  }

  /** What became of each file, from the ledger, bronze, silver and the quarantine, read once. */
  private static void readOutcomes() {
    rows("SELECT source_file, status, reason, encoding FROM " + bronze(IngestLedger.TABLE))
        .forEach(r -> LEDGER.computeIfAbsent(r.getString(0), f -> new ArrayList<>()).add(r));
    String files = "SELECT _source_file, count(*) FROM %s GROUP BY _source_file";
    for (String table : INGESTS.keySet()) {
      rows(String.format(files, bronze(table)))
          .forEach(r -> BRONZE.put(r.getString(0), r.getLong(1)));
      rows(String.format(files, silver(table)))
          .forEach(r -> SILVER.put(r.getString(0), r.getLong(1)));
    }
    rows("SELECT source_file, rule, count(*) FROM " + delta(Quarantine.path(lake().paths()))
        + " GROUP BY source_file, rule").forEach(r -> QUARANTINED
        .computeIfAbsent(r.getString(0), f -> new TreeMap<>()).put(r.getString(1), r.getLong(2)));
  }

  /** Ingest and conform of one dataset; a job that throws is a failure, kept for its test. */
  private static Object oneDataset(Conformer conformer) {
    String table = conformer.dataset().tableName();
    try {
      INGESTS.put(table, new IngestRawDataset(conformer.dataset()).run(context(DAY)));
      CONFORMS.put(table, new ConformDataset(conformer).run(context(DAY)));
    } catch (RuntimeException e) {
      FAILURES.add(table + ": " + e);
    }
    return table;
  }

  /** The conformers of the datasets the corpus breaks. */
  private static List<Conformer> conformers() {
    Set<String> datasets = CORPUS.stream().map(BadInputCorpus.Entry::dataset)
        .collect(Collectors.toSet());
    return DatasetConformers.all().stream()
        .filter(c -> datasets.contains(c.dataset().tableName())).toList();
  }

  /**
   * A valid taps file the ingest cannot open: mode 000. Root reads it anyway, so under root it is
   * not delivered at all and its kind is skipped.
   */
  private static Optional<Path> unreadableFile() {
    Path file = RawFiles.write(lakeDir().resolve(UNREADABLE), List.of(
        "tap_id,card_id,auth,kind,stop_id,route_id,tapped_at,fare_yen",
        "locked-1,IC-1,ic,board,S1,R1,2026-11-01T08:00:00+09:00,210"));
    try {
      Files.setPosixFilePermissions(file, Set.<PosixFilePermission>of());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    unreadableIsReadable = Files.isReadable(file);
    if (unreadableIsReadable) {
      try {
        Files.delete(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return Optional.empty();
    }
    return Optional.of(file);
  }

  private static void reference(String table, String ddl, Row... rows) {
    spark().createDataFrame(List.of(rows), StructType.fromDDL(ddl)).write().format("delta")
        .save(lake().paths().silver(table));
  }

  private static String bronze(String table) {
    return delta(lake().paths().bronze(table));
  }

  private static String silver(String table) {
    return delta(lake().paths().silver(table));
  }

  @TestFactory
  Stream<DynamicTest> everyKindHasItsExpectedOutcome() {
    assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(30);
    return CORPUS.stream().map(e -> DynamicTest.dynamicTest(e.kind(), () -> assertOutcome(e)));
  }

  private static void assertOutcome(BadInputCorpus.Entry e) {
    Assumptions.assumeFalse(e.file().equals(UNREADABLE) && unreadableIsReadable,
        "the JVM runs as root and reads a mode-000 file");
    List<Row> ledger = LEDGER.getOrDefault(e.file(), List.of());
    if (e.ledger() == null) {
      assertThat(ledger).as("ledger rows of a stray").isEmpty();
    } else {
      assertThat(ledger).as("ledger rows").hasSize(1);
      assertThat(ledger.get(0).getString(1)).as("ledger status").isEqualTo(e.ledger());
      if (e.reason() != null) {
        assertThat(ledger.get(0).getString(2)).as("ledger reason").contains(e.reason());
      } else {
        assertThat(ledger.get(0).getString(2)).as("ledger reason").isNull();
      }
      if (e.encoding() != null) {
        assertThat(ledger.get(0).getString(3)).as("encoding").isEqualTo(e.encoding());
      }
    }
    long bronze = BRONZE.getOrDefault(e.file(), 0L);
    long silver = SILVER.getOrDefault(e.file(), 0L);
    Map<String, Long> quarantined = new TreeMap<>();
    QUARANTINED.getOrDefault(e.file(), Map.of())
        .forEach((rule, rows) -> quarantined.merge(expectedRule(e, rule), rows, Long::sum));
    assertThat(bronze).as("bronze rows").isEqualTo(e.bronze());
    assertThat(silver).as("silver rows").isEqualTo(e.silver());
    assertThat(quarantined).as("quarantined rows by rule")
        .isEqualTo(new TreeMap<>(e.quarantined()));
    long quarantinedRows = quarantined.values().stream().mapToLong(Long::longValue).sum();
    assertThat(bronze - silver - quarantinedRows).as("duplicates").isEqualTo(e.duplicates());
    List<String> warnings = INGESTS.get(e.dataset()).warnings();
    if (e.warning() != null) {
      assertThat(warnings).as("warnings").filteredOn(w -> w.contains(e.warning())).hasSize(1);
    } else {
      assertThat(warnings).as("warnings").noneMatch(w -> w.contains(e.fileName()));
    }
  }

  /** The manifest's rule a quarantined rule matches: itself, or a prefix ending in {@code *}. */
  private static String expectedRule(BadInputCorpus.Entry e, String rule) {
    return e.quarantined().keySet().stream()
        .filter(r -> r.endsWith("*") && rule.startsWith(r.substring(0, r.length() - 1)))
        .findFirst().orElse(rule);
  }

  @Test
  void noJobFailedOrThrew() {
    assertThat(FAILURES).isEmpty();
    Set<String> datasets = conformers().stream().map(c -> c.dataset().tableName())
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(INGESTS.keySet()).isEqualTo(datasets);
    assertThat(CONFORMS.keySet()).isEqualTo(datasets);
  }

  @Test
  void everyDeliveredFileIsInTheManifest() {
    Set<String> manifest = CORPUS.stream().map(BadInputCorpus.Entry::file)
        .filter(file -> !(file.equals(UNREADABLE) && unreadableIsReadable))
        .collect(Collectors.toCollection(TreeSet::new));
    Set<String> files = delivered.stream().map(p -> lakeDir().relativize(p).toString())
        .collect(Collectors.toCollection(TreeSet::new));
    assertThat(files).isEqualTo(manifest);
  }

  /**
   * Each file's non-blank lines, counted with plain JDK streams, are its header and its bronze
   * rows; a file without rows in bronze is in the ledger with a reason, or warned about.
   */
  @Test
  void noRawLineIsLost() {
    for (BadInputCorpus.Entry e : CORPUS) {
      if (e.file().equals(UNREADABLE) && unreadableIsReadable) {
        continue; // not delivered: see unreadableFile
      }
      long bronze = BRONZE.getOrDefault(e.file(), 0L);
      if (e.ledger() != null && IngestLedger.inBronze(e.ledger())) {
        long lines = BadInputCorpus.nonBlankLines(lakeDir().resolve(e.file()));
        assertThat(bronze).as(e.kind()).isEqualTo(lines - e.headerLines());
      } else {
        assertThat(bronze).as(e.kind()).isZero();
        boolean accounted = e.reason() != null || e.warning() != null
            || e.fileName().startsWith(".");
        assertThat(accounted).as(e.kind() + " refused with a reason, warned about or hidden")
            .isTrue();
      }
    }
  }

  @Test
  void bronzeIsSilverPlusQuarantinedPlusDuplicatesPerDatasetAndDay() {
    for (String dataset : INGESTS.keySet()) {
      Map<String, Long> bronze = new TreeMap<>();
      rows("SELECT CAST(dt AS STRING), count(*) FROM " + bronze(dataset)
          + " GROUP BY dt").forEach(r -> bronze.put(r.getString(0), r.getLong(1)));
      Map<String, Long> accounted = new TreeMap<>();
      rows("SELECT CAST(dt AS STRING), silver_rows + quarantined_rows + duplicate_rows"
          + " + superseded_rows FROM " + silver("conform_accounting")
          + " WHERE dataset = '" + dataset + "'")
          .forEach(r -> accounted.put(r.getString(0), r.getLong(1)));
      assertThat(accounted).as(dataset).isEqualTo(bronze);
      long expected = CORPUS.stream().filter(e -> e.dataset().equals(dataset))
          .mapToLong(BadInputCorpus.Entry::bronze).sum();
      assertThat(bronze.values().stream().mapToLong(Long::longValue).sum()).as(dataset)
          .isEqualTo(expected);
    }
  }
}
