package io.citylake.conform;

import io.citylake.contract.RawDataset;
import io.citylake.ingest.IngestLedger;
import io.citylake.job.Job;
import io.citylake.job.JobContext;
import io.citylake.job.JobResult;
import io.citylake.job.TableRef;
import io.citylake.lake.DayPartitions;
import io.citylake.lake.DeltaTables;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Builds one silver table from its bronze table, for the days new, late or corrected files
 * touched. Each touched day is rebuilt whole from all its bronze rows and replaces the day in
 * silver, quarantine and accounting ({@code replaceWhere dt IN (...)}), so re-runs and
 * re-deliveries never double-count. Shuffles once (natural-key window) and once per day count;
 * broadcasts lookups and file versions; caches the classified rows for its three writes.
 */
public final class ConformDataset implements Job {
  private final Conformer conformer;

  public ConformDataset(Conformer conformer) {
    this.conformer = conformer;
  }

  public Conformer conformer() {
    return conformer;
  }

  @Override
  public String name() {
    return "conform." + conformer.silverTable();
  }

  @Override
  public String description() {
    return conformer.description();
  }

  @Override
  public List<TableRef> inputs() {
    List<TableRef> inputs = new ArrayList<>();
    for (RawDataset source : sources()) {
      inputs.add(TableRef.bronze(source.tableName()));
      inputs.add(IngestLedger.slice(source.tableName()));
    }
    conformer.lookups().forEach(lookup -> inputs.add(lookup.reference()));
    inputs.addAll(conformer.extraInputs());
    return inputs.stream().distinct().toList();
  }

  @Override
  public List<TableRef> outputs() {
    String table = conformer.silverTable();
    return List.of(TableRef.silver(table), Quarantine.slice(table), ConformAccounting.slice(table),
        TableRef.silver(QualityChecks.RESULTS).slice(table));
  }

  @Override
  public JobResult run(JobContext context) {
    String table = conformer.silverTable();
    Map<String, String> bronzePaths = new LinkedHashMap<>();
    for (RawDataset source : sources()) {
      String path = context.tables().pathToRead(TableRef.bronze(source.tableName()));
      if (DeltaTables.exists(context.spark(), path)) {
        bronzePaths.put(source.tableName(), path);
      }
    }
    if (bronzePaths.isEmpty()) {
      return JobResult.of(name(), 0, 0, Map.of("days_rebuilt", 0));
    }
    List<LocalDate> days = ConformAccounting.touchedDays(context, table, bronzePaths);
    if (days.isEmpty()) {
      doc().ensure(context.spark(), context.tables().pathToWrite(TableRef.silver(table)));
      return JobResult.of(name(), 0, 0, Map.of("days_rebuilt", 0));
    }
    Dataset<Row> bronze = null;
    for (RawDataset source : sources()) {
      if (!bronzePaths.containsKey(source.tableName())) {
        continue;
      }
      Dataset<Row> rows = context.tables().read(TableRef.bronze(source.tableName()))
          .where(DayPartitions.inDays(days));
      rows = source == conformer.dataset() ? rows : conformer.rowsFrom(source, rows);
      bronze = bronze == null ? rows : bronze.unionByName(rows, true);
    }
    ConformPlan plan = new ConformPlan(conformer);
    Dataset<Row> classified = plan.classify(conformer.prepare(bronze, context), lookupKeys(context))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      String silverPath = context.tables().pathToWrite(TableRef.silver(table));
      Dataset<Row> silverRows = plan.silverRows(classified);
      if (!doc().createWith(silverRows, silverPath, QualityChecks.constraints(conformer),
          List.of("dt"))) {
        QualityChecks.enforce(context, conformer, silverPath);
        silverRows.write().format("delta").mode("overwrite")
            .option("replaceWhere", DayPartitions.inDays(days))
            .option("userMetadata", context.runId())
            .save(silverPath);
        doc().ensure(context.spark(), silverPath);
      }
      List<ConformPlan.Tally> tallies = ConformPlan.tallies(classified);
      long[] totals = ConformAccounting.totals(tallies);
      Quarantine.replace(context, table, days, ConformPlan.quarantineRows(classified), totals[2]);
      QualityChecks.record(context, table, tallies);
      ConformAccounting.replace(context, table, days, tallies);
      return result(days, totals);
    } finally {
      classified.unpersist();
    }
  }

  /**
   * The silver table's dictionary entry: the conformer's description, its natural key as grain,
   * and the comments of its columns.
   */
  public io.citylake.lake.TableDoc doc() {
    return new io.citylake.lake.TableDoc(conformer.description(), conformer.naturalKey(),
        io.citylake.lake.TableDoc.commentsOf(new ConformPlan(conformer).silverSchema()));
  }

  /** The raw datasets whose bronze rows this job conforms: its own first. */
  private List<RawDataset> sources() {
    List<RawDataset> sources = new ArrayList<>(List.of(conformer.dataset()));
    sources.addAll(conformer.alsoFrom());
    return sources;
  }

  private JobResult result(List<LocalDate> days, long[] totals) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("days_rebuilt", days.size());
    details.put("duplicates", totals[3]);
    details.put("superseded", totals[4]);
    return new JobResult(name(), totals[0], totals[1], totals[2], details, 0);
  }

  private List<Dataset<Row>> lookupKeys(JobContext context) {
    List<Dataset<Row>> keys = new ArrayList<>();
    for (Lookup lookup : conformer.lookups()) {
      TableRef ref = lookup.reference();
      if (context.tables().exists(ref)) {
        keys.add(context.tables().read(ref)
            .select(lookup.referenceColumn()));
      } else {
        // no reference table yet (e.g. no GTFS feed delivered): every value is unknown
        keys.add(context.spark().createDataFrame(List.of(), new StructType()
            .add(lookup.referenceColumn(), DataTypes.StringType)));
      }
    }
    return keys;
  }
}
