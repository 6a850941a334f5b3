package io.citylake.conform.gtfs;

import static io.citylake.conform.gtfs.GtfsSchemas.AGENCIES;
import static io.citylake.conform.gtfs.GtfsSchemas.ROUTES;
import static io.citylake.conform.gtfs.GtfsSchemas.SERVICE_DATES;
import static io.citylake.conform.gtfs.GtfsSchemas.STOPS;
import static io.citylake.conform.gtfs.GtfsSchemas.STOP_TIMES;
import static io.citylake.conform.gtfs.GtfsSchemas.TRIPS;

import io.citylake.conform.Quarantine;
import io.citylake.ingest.IngestGtfsFeeds;
import io.citylake.job.Job;
import io.citylake.job.JobContext;
import io.citylake.job.JobResult;
import io.citylake.job.TableRef;
import io.citylake.lake.DeltaTables;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Rebuilds the silver GTFS tables (agencies, stops, routes, trips, stop_times, service dates) from
 * the latest version of every feed file in {@code bronze.transit_gtfs}. Feeds are small and change
 * rarely, so each rebuild overwrites the tables whole, and a run whose bronze version equals the
 * one the tables were built from does nothing.
 *
 * <p>Shuffles: the per-file latest-version aggregate, the per-feed completeness aggregate (whose
 * few feed ids are collected to filter every file), one window per table to find duplicate keys, and the union and anti-join of service dates.
 * Broadcasts: the latest-version list and the keys of routes, trips and
 * stops that trips and stop_times must point to (read back from the silver tables just written, so
 * silver's references always resolve). Writes: six Delta overwrites under {@code silver/},
 * tagged with the bronze version, and the {@code transit_gtfs} quarantine slice for every bronze
 * day — parse errors, missing required files, and rows that broke a rule of {@link GtfsNetwork},
 * {@link GtfsStopTimes} or {@link GtfsServiceDates}.
 */
public final class ConformGtfs implements Job {
  /** The quarantine slice; the same name as the bronze table it checks. */
  public static final String DATASET = IngestGtfsFeeds.TABLE;
  private static final List<String> TABLES =
      List.of(AGENCIES, ROUTES, STOPS, TRIPS, STOP_TIMES, SERVICE_DATES);

  @Override
  public String name() {
    return "conform." + DATASET;
  }

  @Override
  public String description() {
    return "Rebuild the silver GTFS tables from the latest feed files in bronze." + DATASET;
  }

  @Override
  public List<TableRef> inputs() {
    return List.of(TableRef.bronze(DATASET));
  }

  @Override
  public List<TableRef> outputs() {
    List<TableRef> outputs = new ArrayList<>();
    TABLES.forEach(table -> outputs.add(TableRef.silver(table)));
    outputs.add(Quarantine.slice(DATASET));
    return List.copyOf(outputs);
  }

  @Override
  public JobResult run(JobContext context) {
    SparkSession spark = context.spark();
    String bronzePath = context.tables().pathToRead(TableRef.bronze(DATASET));
    if (!DeltaTables.exists(spark, bronzePath)) {
      return JobResult.of(name(), 0, 0, Map.of("skipped", "no bronze." + DATASET + " yet"));
    }
    // compaction does not change the feed: the marker names the newest version that added rows
    long current = DeltaTables.lastCommit(spark, bronzePath).version();
    GtfsBuildMarker marker = new GtfsBuildMarker(DeltaTables.lastDataVersion(spark, bronzePath));
    List<String> silverPaths = TABLES.stream()
        .map(t -> context.tables().pathToWrite(TableRef.silver(t))).toList();
    if (marker.isCurrent(spark, silverPaths)) {
      // tables of an older lake get their comment and grain once (the next night rebuilds them)
      TABLES.forEach(t -> GtfsSchemas.doc(t).ensure(spark,
          context.tables().pathToWrite(TableRef.silver(t))));
      return JobResult.of(name(), 0, 0, Map.of("bronze_version", marker.bronzeVersion(),
          "skipped", "bronze unchanged since the last build"));
    }
    LatestGtfsFiles files =
        LatestGtfsFiles.read(context.tables(), TableRef.bronze(DATASET), current);
    GtfsSilverWriter writer = new GtfsSilverWriter(context, marker);
    try {
      return rebuild(context, files, writer, marker);
    } finally {
      writer.release();
      files.release();
    }
  }

  private JobResult rebuild(
      JobContext context, LatestGtfsFiles files, GtfsSilverWriter writer, GtfsBuildMarker marker) {
    RequiredGtfsFiles required = new RequiredGtfsFiles(files.lines());
    List<String> feeds = required.completeFeeds();
    writer.writeGood(AGENCIES, GtfsSchemas.agencies(),
        GtfsNetwork.agencies(files.parsed("agency.txt", feeds)));
    Dataset<Row> routes = writer.writeGood(ROUTES, GtfsSchemas.routes(),
        GtfsNetwork.routes(files.parsed("routes.txt", feeds)));
    Dataset<Row> stops = writer.writeGood(STOPS, GtfsSchemas.stops(),
        GtfsNetwork.stops(files.parsed("stops.txt", feeds)));
    Dataset<Row> trips = writer.writeGood(TRIPS, GtfsSchemas.trips(),
        GtfsNetwork.trips(files.parsed("trips.txt", feeds), routes));
    writer.writeGood(STOP_TIMES, GtfsSchemas.stopTimes(),
        GtfsStopTimes.stage(files.parsed("stop_times.txt", feeds), trips, stops));
    Dataset<Row> calendar = writer.keepRejected(
        GtfsServiceDates.calendar(files.parsed("calendar.txt", feeds)));
    Dataset<Row> calendarDates = writer.keepRejected(
        GtfsServiceDates.calendarDates(files.parsed("calendar_dates.txt", feeds)));

    Dataset<Row> quarantined = Stream.concat(
            Stream.of(files.unparsableLines(), required.missingFileRows()),
            writer.rejected().stream())
        .reduce(Dataset::unionByName).orElseThrow();
    long rowsQuarantined = quarantine(context, files.days(), quarantined);
    // Written last: its marker is what says the whole rebuild, quarantine included, finished.
    writer.write(SERVICE_DATES, GtfsChecks.typed(
        GtfsServiceDates.serviceDates(calendar, calendarDates), GtfsSchemas.serviceDates()));

    Map<String, Object> details = new LinkedHashMap<>();
    details.put("bronze_version", marker.bronzeVersion());
    writer.rowsWritten().forEach((table, rows) -> details.put(table, rows));
    long rowsOut = writer.rowsWritten().values().stream().mapToLong(Long::longValue).sum();
    return new JobResult(name(), files.lineCount(), rowsOut, rowsQuarantined, details, 0);
  }

  /**
   * Replaces the quarantine slice for every bronze day (no days: nothing to replace). The rows are
   * counted by one aggregate over the cached rows rather than from the Delta commit, which another
   * conform job running side by side may already have followed. The union of every file's
   * rejected rows is cached as one partition: it is a few rows of a small feed spread over some
   * fifty partitions of the staged files, and both the count and the write ran a task for each
   * (about 2.5 s apiece on 2 cores) and wrote a file per partition and day.
   */
  private static long quarantine(
      JobContext context, List<LocalDate> days, Dataset<Row> quarantined) {
    if (days.isEmpty()) {
      return 0;
    }
    Dataset<Row> rows = quarantined.coalesce(1).cache();
    try {
      long count = rows.agg(functions.count(functions.lit(1))).first().getLong(0);
      Quarantine.replace(context, DATASET, days, rows);
      return count;
    } finally {
      rows.unpersist();
    }
  }
}
