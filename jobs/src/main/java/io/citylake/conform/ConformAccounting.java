package io.citylake.conform;

import io.citylake.ingest.IngestLedger;
import io.citylake.job.JobContext;
import io.citylake.job.TableRef;
import io.citylake.lake.DayPartitions;
import io.citylake.lake.DeltaRetry;
import io.citylake.lake.DeltaTables;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * Per dataset and service day, where every bronze row went: silver, quarantine, or removed as a
 * duplicate or superseded version ({@code bronze = silver + quarantined + duplicates +
 * superseded}). It also remembers the newest bronze ingest each day was built from, which is how
 * a night finds the days that new or late files touched.
 */
public final class ConformAccounting {
  public static final String TABLE = "conform_accounting";
  public static final String LATEST_INGEST = "bronze_latest_ingest";

  private ConformAccounting() {}

  public static TableRef slice(String dataset) {
    return TableRef.silver(TABLE).slice(dataset);
  }

  /**
   * Days of the bronze tables a silver table is built from (by name, with their paths) up to the
   * run date whose newest ingest is newer than what the accounting last saw for {@code dataset}
   * (the silver table): new days, late files and corrections. The newest ingest per day comes
   * from the ingest ledger (a few rows per day), or from bronze when the ledger lags behind it.
   */
  public static List<LocalDate> touchedDays(JobContext context, String dataset,
      Map<String, String> bronzePaths) {
    Map<LocalDate, Timestamp> latest = new TreeMap<>();
    bronzePaths.forEach((bronze, path) -> newestIngests(context, bronze, path)
        .forEach((day, at) -> latest.merge(day, at, (a, b) -> a.after(b) ? a : b)));
    latest.keySet().removeIf(day -> day.isAfter(context.runDate()));
    Map<LocalDate, Timestamp> seen = new HashMap<>();
    TableRef accounting = TableRef.silver(TABLE);
    if (!latest.isEmpty() && context.tables().exists(accounting)) {
      for (Row row : context.tables().read(accounting)
          .where(functions.col("dataset").equalTo(dataset))
          .select(functions.col("dt"), functions.col(LATEST_INGEST)).collectAsList()) {
        seen.put(row.getDate(0).toLocalDate(), row.getTimestamp(1));
      }
    }
    return latest.entrySet().stream()
        .filter(e -> !seen.containsKey(e.getKey()) || e.getValue().after(seen.get(e.getKey())))
        .map(Map.Entry::getKey).toList();
  }

  /** The newest ingest per day of one bronze table: from its ledger, else from bronze. */
  private static Map<LocalDate, Timestamp> newestIngests(JobContext context, String bronze,
      String bronzePath) {
    Map<LocalDate, Timestamp> latest = new TreeMap<>();
    Optional<List<Row>> ledger = IngestLedger.entries(context, bronze);
    if (ledger.isPresent()) {
      for (Row row : ledger.get()) {
        if (!IngestLedger.inBronze(row.getString(7))) {
          continue; // an empty or unreadable file added no bronze row to rebuild
        }
        latest.merge(row.getDate(0).toLocalDate(), row.getTimestamp(5),
            (a, b) -> a.after(b) ? a : b);
      }
    } else if (DeltaTables.exists(context.spark(), bronzePath)) {
      for (Row row : context.tables().read(TableRef.bronze(bronze))
          .groupBy("dt").agg(functions.max("_ingested_at")).collectAsList()) {
        latest.put(row.getDate(0).toLocalDate(), row.getTimestamp(1));
      }
    }
    return latest;
  }

  /**
   * For every dataset the accounting knows, the newest bronze ingest each of its silver
   * partitions (service days) was built from: a partition whose value moved was rebuilt from new,
   * late or corrected files. This is how jobs downstream of silver learn what changed, from a
   * table of a few rows per day, read once per run and version ({@link
   * io.citylake.job.RunReads}), instead of scanning silver. Empty when no conform job has run.
   */
  public static Map<String, Map<LocalDate, Timestamp>> builtFrom(JobContext context) {
    String path = context.tables().pathToRead(TableRef.silver(TABLE));
    Map<String, Map<LocalDate, Timestamp>> built = new HashMap<>();
    if (!DeltaTables.exists(context.spark(), path)) {
      return built;
    }
    for (Row row : context.reads().wholeTable(context.spark(), path)) {
      built.computeIfAbsent(row.getAs("dataset"), d -> new TreeMap<>())
          .put(row.<java.sql.Date>getAs("dt").toLocalDate(), row.getAs(LATEST_INGEST));
    }
    return built;
  }

  private static final StructType SCHEMA = StructType.fromDDL(
      "dataset STRING COMMENT 'silver table (dataset) the rows belong to',"
      + " dt DATE COMMENT 'JST service day of the delivery partition',"
      + " bronze_rows BIGINT COMMENT 'bronze rows of the day, every version of every file',"
      + " silver_rows BIGINT COMMENT 'rows that reached silver',"
      + " quarantined_rows BIGINT COMMENT 'rows sent to quarantine.rejected_rows for a broken rule',"
      + " duplicate_rows BIGINT COMMENT 'rows dropped as duplicates of a natural key',"
      + " superseded_rows BIGINT COMMENT 'rows of file versions a corrected re-delivery replaced',"
      + " " + LATEST_INGEST + " TIMESTAMP COMMENT 'newest bronze ingest the day was built from',"
      + " conform_run_id STRING COMMENT 'run that last rebuilt the day'");
  /** The table's dictionary entry. */
  public static final io.citylake.lake.TableDoc DOC = new io.citylake.lake.TableDoc(
      "Per dataset and service day, where every bronze row went: bronze = silver + quarantined"
          + " + duplicates + superseded", List.of("dataset", "dt"),
      io.citylake.lake.TableDoc.commentsOf(SCHEMA));

  /**
   * Replaces the accounting rows of {@code dataset} for {@code days} with the run's tallies; a
   * run commits those of its conform jobs together ({@link io.citylake.job.Bookkeeping}).
   */
  public static void replace(JobContext context, String dataset, List<LocalDate> days,
      List<ConformPlan.Tally> tallies) {
    Map<LocalDate, List<ConformPlan.Tally>> byDay = new TreeMap<>();
    tallies.forEach(t -> byDay.computeIfAbsent(t.day(), d -> new ArrayList<>()).add(t));
    List<Row> rows = new ArrayList<>();
    byDay.forEach((day, dayTallies) -> {
      long[] c = totals(dayTallies);
      Timestamp latest = dayTallies.stream().map(ConformPlan.Tally::latestIngest)
          .max(Timestamp::compareTo).orElseThrow();
      rows.add(RowFactory.create(dataset, java.sql.Date.valueOf(day),
          c[0], c[1], c[2], c[3], c[4], latest, context.runId()));
    });
    String path = context.tables().pathToWrite(TableRef.silver(TABLE));
    context.record(new io.citylake.job.BookkeepingWrite(path, rows,
        "dataset = '" + dataset + "' AND " + DayPartitions.inDays(days),
        ConformAccounting::commit));
  }

  /** Replaces the slices {@code replaceWhere} names with {@code rows}, creating the table. */
  private static void commit(JobContext context, List<Row> rows, String replaceWhere) {
    String path = context.tables().pathToWrite(TableRef.silver(TABLE));
    Dataset<Row> accounting = context.spark().createDataFrame(rows, SCHEMA);
    // conform jobs replace their own slices side by side, in this JVM or in other processes:
    // disjoint partitions do not conflict; the first creation or a documentation change of an
    // older lake's table does, and the losing writer tries again on the new version
    DeltaRetry.onConflict("replace the conform accounting", () -> {
      if (!DOC.createWith(accounting, path, Map.of(), List.of("dataset"))) {
        DOC.ensure(context.spark(), path);
        accounting.write().format("delta").mode("overwrite").partitionBy("dataset")
            .option("replaceWhere", replaceWhere)
            .option("userMetadata", context.runId())
            .save(path);
      }
      return null;
    });
  }

  /** Per-status columns after {@code bronze_rows}, in the order of the table. */
  private static final List<String> STATUSES = List.of(ConformPlan.SILVER,
      ConformPlan.QUARANTINED, ConformPlan.DUPLICATE, ConformPlan.SUPERSEDED);

  /** Rows in, silver, quarantined, duplicates and superseded, summed over the tallies. */
  public static long[] totals(List<ConformPlan.Tally> tallies) {
    long[] totals = new long[5];
    for (ConformPlan.Tally tally : tallies) {
      totals[0] += tally.rows();
      totals[1 + STATUSES.indexOf(tally.status())] += tally.rows();
    }
    return totals;
  }
}
