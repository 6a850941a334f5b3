package io.citylake.cli;

import static io.citylake.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.testing.RawFiles;
import io.citylake.testing.SharedResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/** {@code citylake ingest --gtfs}: bad feeds fail in one line; a real feed lands in silver. */
@Order(5)
@ResourceLock(SharedResources.METASTORE)
class IngestGtfsCommandTest {
  @TempDir Path dir;

  private Path emptyLake() throws IOException {
    return Files.createDirectories(dir.resolve("lake/raw")).getParent();
  }

  @Test
  void missingFeedPathIsOneLine() throws IOException {
    Path missing = dir.resolve("no-such-feed");
    CliRun outcome = run("ingest", "--gtfs", missing.toString(), "--feed-id", "x",
        "--lake", emptyLake().toString());
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err().lines().toList()).containsExactly(
        "citylake ingest: Cannot load GTFS feed: the path does not exist (got: " + missing + ")");
  }

  @Test
  void badFeedIdIsOneLine() throws IOException {
    CliRun outcome = run("ingest", "--gtfs", dir.toString(), "--feed-id", "a/b",
        "--lake", emptyLake().toString());
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err().lines().toList()).containsExactly("citylake ingest: Cannot load GTFS"
        + " feed: the feed id may hold only letters, digits, '.', '_' and '-', not first '.'"
        + " (got: a/b)");
  }

  @Test
  void gtfsWithoutFeedIdIsOneLine() {
    CliRun outcome = run("ingest", "--gtfs", dir.toString());
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err().lines().toList()).containsExactly("citylake ingest: --gtfs and"
        + " --feed-id must be given together (see 'citylake ingest --help')");
  }

  @Test
  void realFeedIsDeliveredIngestedAndConformed() throws IOException {
    Path lake = emptyLake();
    Path feed = RawFiles.sharedReferenceData().resolve("gtfs/google-sample-feed-1");
    CliRun outcome = run("ingest", "--gtfs", feed.toString(), "--feed-id", "google",
        "--date", "2026-11-01", "--lake", lake.toString());

    assertThat(outcome.exitCode()).as(outcome.out() + outcome.err()).isZero();
    assertThat(outcome.out()).contains("delivered 11 files of feed google")
        .contains("ingest.transit_gtfs").contains("conform.transit_gtfs");
    assertThat(lake.resolve("raw/transit/gtfs/google/stops.txt")).hasSameBinaryContentAs(
        feed.resolve("stops.txt"));
    long stops = SparkSession.active().read().format("delta")
        .load(lake.resolve("silver/gtfs_stops").toString())
        .filter("feed_id = 'google'").count();
    assertThat(stops).isEqualTo(9);
  }
}
