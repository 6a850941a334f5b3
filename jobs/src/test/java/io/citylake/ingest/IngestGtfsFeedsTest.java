package io.citylake.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.job.JobResult;
import io.citylake.testing.RawFiles;
import io.citylake.testing.SparkTestBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Bronze ingest of real operators' GTFS feeds, byte for byte as published (BOMs, GTFS-JP files). */
class IngestGtfsFeedsTest extends SparkTestBase {

  @Test
  void everyLineOfEveryRealFeedFileLandsOnceKeyedByItsHeader() throws IOException {
    Path gtfs = lakeDir().resolve("raw/transit/gtfs");
    Map<String, Long> expected = new java.util.TreeMap<>();
    for (String feed : List.of("nihonkotsu-kurayoshi", "google-sample-feed-1")) {
      Path source = RawFiles.sharedReferenceData().resolve("gtfs").resolve(feed);
      try (Stream<Path> files = Files.list(source)) {
        for (Path file : files.filter(IngestGtfsFeedsTest::isFeedFile).toList()) {
          Path copy = gtfs.resolve(feed).resolve(file.getFileName().toString());
          Files.createDirectories(copy.getParent());
          Files.copy(file, copy);
          if (dataLines(file) > 0) {
            expected.put(feed + "/" + file.getFileName(), dataLines(file));
          }
        }
      }
    }

    JobResult first = new IngestGtfsFeeds().run(context(LocalDate.of(2026, 11, 1)));
    JobResult again = new IngestGtfsFeeds().run(context(LocalDate.of(2026, 11, 2)));

    String table = delta(lake().paths().bronze(IngestGtfsFeeds.TABLE));
    Map<String, Long> actual = new java.util.TreeMap<>();
    for (Row row : rows("SELECT concat(feed_id, '/', file_name), count(*) FROM " + table
        + " GROUP BY 1")) {
      actual.put(row.getString(0), row.getLong(1));
    }
    assertThat(actual).isEqualTo(expected);
    assertThat(first.rowsOut()).isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
    assertThat(again.rowsOut()).isZero();
    assertThat(rows("SELECT count(*) FROM " + table + " WHERE _parse_error IS NOT NULL")
        .get(0).getLong(0)).isZero();
    Row stop = rows("SELECT record['stop_id'], record['stop_name'] FROM " + table
        + " WHERE feed_id = 'nihonkotsu-kurayoshi' AND file_name = 'stops.txt'"
        + " AND record['stop_id'] IS NOT NULL LIMIT 1").get(0);
    assertThat(stop.getString(0)).isNotBlank();
    assertThat(stop.getString(1)).isNotBlank();
  }

  /** GTFS files of the feed; SOURCE.txt is the reference data's own provenance note. */
  private static boolean isFeedFile(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".txt") && !name.equals("SOURCE.txt");
  }

  /** Lines after the header that are not blank, counted without Spark. */
  private static long dataLines(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    return lines.stream().skip(1).filter(l -> !l.isBlank()).count();
  }
}
