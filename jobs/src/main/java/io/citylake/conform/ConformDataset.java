package io.citylake.conform;

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
    inputs.add(TableRef.bronze(conformer.dataset().tableName()));
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
    String bronzePath = context.paths().bronze(conformer.dataset().tableName());
    if (!DeltaTables.exists(context.spark(), bronzePath)) {
      return JobResult.of(name(), 0, 0, Map.of("days_rebuilt", 0));
    }
    List<LocalDate> days = ConformAccounting.touchedDays(context, table, bronzePath);
    if (days.isEmpty()) {
      return JobResult.of(name(), 0, 0, Map.of("days_rebuilt", 0));
    }
    Dataset<Row> bronze = context.spark().read().format("delta").load(bronzePath)
        .where(Quarantine.inDays(days));
    ConformPlan plan = new ConformPlan(conformer);
    Dataset<Row> classified = plan.classify(conformer.prepare(bronze, context), lookupKeys(context))
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      plan.silverRows(classified).write().format("delta").mode("overwrite")
          .partitionBy("dt")
          .option("replaceWhere", Quarantine.inDays(days))
          .option("userMetadata", context.runId())
          .save(context.paths().silver(table));
      QualityChecks.enforce(context, conformer, context.paths().silver(table));
      Quarantine.replace(context, table, days, ConformPlan.quarantineRows(classified));
      QualityChecks.record(context, table, classified);
      Dataset<Row> countsFrame = ConformPlan.counts(classified);
      List<Row> counts = countsFrame.collectAsList();
      ConformAccounting.replace(context, table, days,
          context.spark().createDataFrame(counts, countsFrame.schema()));
      return result(days, counts);
    } finally {
      classified.unpersist();
    }
  }

  private JobResult result(List<LocalDate> days, List<Row> counts) {
    long[] totals = new long[5];
    for (Row day : counts) {
      for (int i = 0; i < totals.length; i++) {
        totals[i] += day.getLong(day.fieldIndex(COUNT_COLUMNS.get(i)));
      }
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("days_rebuilt", days.size());
    details.put("duplicates", totals[3]);
    details.put("superseded", totals[4]);
    return new JobResult(name(), totals[0], totals[1], totals[2], details, 0);
  }

  private static final List<String> COUNT_COLUMNS = List.of(
      "bronze_rows", "silver_rows", "quarantined_rows", "duplicate_rows", "superseded_rows");

  private List<Dataset<Row>> lookupKeys(JobContext context) {
    List<Dataset<Row>> keys = new ArrayList<>();
    for (Lookup lookup : conformer.lookups()) {
      TableRef ref = lookup.reference();
      String path = context.paths().layer(ref.layer(), ref.table());
      if (DeltaTables.exists(context.spark(), path)) {
        keys.add(context.spark().read().format("delta").load(path)
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
