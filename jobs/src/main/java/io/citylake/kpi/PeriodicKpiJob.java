package io.citylake.kpi;

import io.citylake.job.Job;
import io.citylake.job.JobContext;
import io.citylake.job.JobResult;
import io.citylake.job.TableRef;
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
 * periods containing them (days, months, years) from silver, suppress small person cells and
 * {@code replaceWhere} those periods. Nothing else of the gold tables is rewritten.
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
   * The rows the outputs aggregate, with a {@link #DAY} date column, for KPI days from
   * {@code from} to {@code to}; the caller keeps only the periods it recomputes.
   */
  protected abstract Dataset<Row> base(JobContext context, LocalDate from, LocalDate to);

  @Override
  public List<TableRef> inputs() {
    List<TableRef> inputs = new ArrayList<>();
    sources().forEach(s -> inputs.add(TableRef.silver(s.table())));
    references().forEach(r -> inputs.add(TableRef.silver(r)));
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
      for (GoldOutput output : goldOutputs()) {
        long rows = recompute(context, output, pending.days());
        details.put(output.table().name(), rows);
        written += rows;
      }
    }
    KpiWatermarks.save(context, name(), pending);
    return JobResult.of(name(), pending.current().size(), written, details);
  }

  private long recompute(JobContext context, GoldOutput output, List<LocalDate> days) {
    Grain grain = output.grain();
    List<LocalDate> periods = grain.periods(days);
    LocalDate from = periods.get(0);
    LocalDate to = grain.end(periods.stream().max(Comparator.naturalOrder()).get());
    Dataset<Row> base = base(context, from, to)
        .withColumn(grain.column(), grain.of(functions.col(DAY)))
        .where(grain.in(periods));
    Dataset<Row> cells = output.aggregate().apply(base, functions.col(grain.column()));
    Dataset<Row> published = output.basis().suppressible()
        ? KAnonymity.suppress(cells, context.config().minPersonsPerCell(), output.countColumn(),
            output.valueColumns())
        : KAnonymity.notApplicable(cells);
    return GoldTables.replace(context, output.table(), published, grain.in(periods));
  }
}
