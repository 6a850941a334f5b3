package io.citylake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.ingest.IngestLedger;
import io.citylake.testing.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The bad-input corpus's "unreadable permissions" delivery, for real: a raw file of mode 000 that
 * the ingesting user may not read. Root reads any file, so the corpus test skips this kind when
 * the suite runs as root (CI does); here the test (as root) hands a lake to the unprivileged
 * {@code nobody} user and runs {@code citylake ingest} as that user through {@code runuser},
 * from the app jar and the cluster's {@code jars/} folder (what a city's scheduler would run). The
 * unreadable file must be refused whole, with its reason in the ingest ledger and a warning line,
 * while the readable file of the same day is ingested and the run succeeds.
 *
 * <p>Runs in the {@code cluster} profile, as root only (elsewhere the corpus test covers it).
 */
@Tag("cluster")
class UnreadableFileAsNonRootTest extends SparkTestBase {
  private static final String DAY = "2026-11-01";
  private static final String HEADER = "tap_id,card_id,auth,kind,stop_id,route_id,tapped_at,fare_yen";

  private static Path folder;
  private static Path lake;
  private static int exit;
  private static String output;

  @BeforeAll
  static void ingestAsNobody() throws Exception {
    Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
        "needs root to hand the lake to another user");
    Path target = Path.of(DeployLake.required("citylake.appJar")).getParent();
    // a folder the unprivileged user can reach, holding its lake, home and the class path
    folder = HandedOverFolder.create("citylake-nonroot-");
    lake = folder.resolve("lake");
    Path day = Files.createDirectories(lake.resolve("raw/transit/taps/dt=" + DAY));
    Files.write(day.resolve("taps.csv"), List.of(HEADER,
        "open-1,IC-1,ic,board,S1,R1,2026-11-01T08:00:00+09:00,210",
        "open-2,IC-2,ic,board,S1,R1,2026-11-01T08:05:00+09:00,210"));
    Path locked = Files.write(day.resolve("unreadable.csv"), List.of(HEADER,
        "locked-1,IC-3,ic,board,S1,R1,2026-11-01T08:00:00+09:00,210"));
    Path jars = Files.createDirectories(folder.resolve("jars"));
    try (Stream<Path> sparkJars = Files.list(Path.of(DeployLake.required("citylake.sparkHome"))
        .resolve("jars"))) {
      for (Path jar : sparkJars.toList()) {
        Files.copy(jar, jars.resolve(jar.getFileName()));
      }
    }
    Path appJar = Files.copy(Path.of(DeployLake.required("citylake.appJar")),
        folder.resolve("citylake-app.jar"));
    Files.createDirectories(folder.resolve("home"));
    Files.createDirectories(folder.resolve("tmp"));
    HandedOverFolder.handTo(folder, "nobody");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));

    List<String> command = new ArrayList<>(List.of("runuser", "-u", "nobody", "--",
        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(List.of(Files.readString(JvmProcess.launcherJvmOptions(target)).trim()
        .split("\\s+")));
    command.addAll(List.of("-Xmx1g", "-Djava.io.tmpdir=" + folder.resolve("tmp"),
        "-Duser.home=" + folder.resolve("home"),
        "-cp", jars + "/*:" + appJar, "io.citylake.cli.CityLakeCli",
        "ingest", "--date", DAY, "--lake", lake.toString()));
    Path log = folder.resolve("ingest.log");
    ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
        .redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(Map.of("HOME", folder.resolve("home").toString()));
    Process process = builder.start();
    if (!process.waitFor(Duration.ofMinutes(10).toMillis(),
        java.util.concurrent.TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
    }
    exit = process.isAlive() ? -1 : process.exitValue();
    output = Files.readString(log);
  }

  @AfterAll
  static void removeFolder() {
    if (folder != null) {
      HandedOverFolder.delete(folder);
    }
  }

  @Test
  void theUnreadableFileIsRefusedWithItsReasonAndTheOtherIngested() {
    assertThat(exit).as("citylake ingest as nobody:\n%s", output).isZero();
    assertThat(output).contains("warning: ")
        .contains("unreadable.csv: unreadable, cannot read the file");
    List<Row> ledger = spark().read().format("delta")
        .load(lake.resolve("bronze").resolve(IngestLedger.TABLE).toString())
        .selectExpr("regexp_extract(source_file, '[^/]+$', 0)", "status", "reason")
        .orderBy("source_file").collectAsList();
    assertThat(ledger).extracting(r -> r.getString(0) + " " + r.getString(1))
        .containsExactly("taps.csv ingested", "unreadable.csv unreadable");
    assertThat(ledger.get(1).getString(2)).contains("cannot read the file");
    assertThat(spark().read().format("delta")
        .load(lake.resolve("bronze/transit_taps").toString())
        .selectExpr("_source_file").collectAsList()).hasSize(2)
        .allSatisfy(row -> assertThat(row.getString(0)).endsWith("/taps.csv"));
  }
}
