package io.citylake.gold;

import io.citylake.job.Job;
import io.citylake.job.JobContext;
import io.citylake.job.JobResult;
import io.citylake.job.TableRef;
import io.citylake.privacy.SecondarySuppression;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * The incremental night of a KPI family: find the KPI days that new, late or corrected silver
 * partitions affect ({@link KpiWatermarks}), and for each gold output recompute exactly the
 * periods containing them (days, months, years) from silver, suppress small person cells
 * (primary) and the cells that would let them be recovered by subtraction (complementary,
 * {@link SecondarySuppression}), and {@code replaceWhere} those periods. Nothing else of the
 * gold tables is rewritten.
 */
public abstract class PeriodicKpiJob implements Job {
  /** Column of the base rows holding the KPI day. */
  public static final String DAY = "day";

  /** Silver tables read and the KPI days their changed partitions affect. */
  protected abstract List<KpiSource> sources();

  /** Other silver tables read whole (reference data), for the declared inputs. */
  protected List<String> references() {
    return List.of();
  }

  protected abstract List<GoldOutput> goldOutputs();

  /**
   * Gold tables of other jobs this job reads: the totals or parts its tables add up to, whose
   * published cells complementary suppression takes into account ({@link
   * io.citylake.privacy.GoldRelations}).
   */
  protected List<String> goldInputs() {
    return List.of();
  }

  /**
   * The rows the outputs aggregate, with a {@link #DAY} date column, for KPI days from
   * {@code from} to {@code to}; the caller keeps only the periods it recomputes.
   */
  protected abstract Dataset<Row> base(JobContext context, LocalDate from, LocalDate to);

  @Override
  public List<TableRef> inputs() {
    List<TableRef> inputs = new ArrayList<>();
    sources().forEach(s -> inputs.add(TableRef.silver(s.table())));
    if (!sources().isEmpty()) {
      // which silver partitions changed since the job last ran (KpiWatermarks.pending)
      inputs.add(TableRef.silver(io.citylake.conform.ConformAccounting.TABLE));
    }
    references().forEach(r -> inputs.add(TableRef.silver(r)));
    goldInputs().forEach(g -> inputs.add(TableRef.gold(g)));
    return inputs;
  }

  @Override
  public List<TableRef> outputs() {
    List<TableRef> outputs = new ArrayList<>();
    goldOutputs().forEach(o -> outputs.add(o.table().ref()));
    outputs.add(KpiWatermarks.slice(name()));
    return outputs;
  }

  @Override
  public JobResult run(JobContext context) {
    context.spark().sparkContext().setJobDescription(name());
    KpiWatermarks.Pending pending = KpiWatermarks.pending(context, name(), sources());
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("days_recomputed", pending.days().size());
    long written = 0;
    if (!pending.days().isEmpty()) {
      List<SecondarySuppression.Pending> tables = new ArrayList<>();
      for (GoldOutput output : goldOutputs()) {
        tables.add(pendingCells(context, output, pending.days()));
      }
      SecondarySuppression.Outcome outcome = SecondarySuppression.apply(context, tables,
          goldInputs());
      try {
        for (SecondarySuppression.Pending table : tables) {
          String name = table.table().name();
          long rows = GoldTables.replace(context, table.table(),
              outcome.published().get(name), table.replaceWhere());
          details.put(name, rows);
          written += rows;
        }
      } finally {
        outcome.release();
      }
      details.put(JobResult.PRIMARY_SUPPRESSED, outcome.primary());
      details.put(JobResult.SECONDARY_SUPPRESSED, outcome.secondary());
      if (outcome.unprotected() > 0) {
        details.put("unprotected_cells", outcome.unprotected());
      }
    }
    KpiWatermarks.save(context, name(), pending);
    return JobResult.of(name(), pending.current().size(), written, details);
  }

  /**
   * The cells of {@code table} for the periods containing {@code days} with their true values,
   * before any suppression: what the audits of the published tables compare against. Reads
   * silver only.
   */
  public Dataset<Row> unsuppressedCells(JobContext context, String table,
      List<LocalDate> days) {
    GoldOutput output = goldOutputs().stream().filter(o -> o.table().name().equals(table))
        .findFirst().orElseThrow(() -> new IllegalArgumentException(name()
            + " does not write gold." + table));
    return cells(context, output, output.grain().periods(days));
  }

  /** The silver tables this job reads and the KPI days their rows affect (for lineage). */
  public final List<KpiSource> readsFrom() {
    return sources();
  }

  /** The gold tables this job writes, with how they are counted and suppressed. */
  public List<GoldOutput> publishedOutputs() {
    return goldOutputs();
  }

  private SecondarySuppression.Pending pendingCells(JobContext context, GoldOutput output,
      List<LocalDate> days) {
    List<LocalDate> periods = output.grain().periods(days);
    Dataset<Row> cells = cells(context, output, periods);
    Dataset<Row> flagged = output.basis().suppressible()
        ? KAnonymity.flag(cells, context.config().minPersonsPerCell(), output.countColumn())
        : KAnonymity.notApplicable(cells);
    return new SecondarySuppression.Pending(output.table(), flagged,
        output.grain().in(periods),
        output.basis().suppressible() ? output.valueColumns() : List.of(),
        output.basis().suppressible() ? output.countColumn() : null);
  }

  private Dataset<Row> cells(JobContext context, GoldOutput output, List<LocalDate> periods) {
    Grain grain = output.grain();
    LocalDate from = periods.get(0);
    LocalDate to = grain.end(periods.stream().max(Comparator.naturalOrder()).get());
    Dataset<Row> base = base(context, from, to)
        .withColumn(grain.column(), grain.of(functions.col(DAY)))
        .where(grain.in(periods));
    return output.aggregate().apply(base, functions.col(grain.column()));
  }
}
