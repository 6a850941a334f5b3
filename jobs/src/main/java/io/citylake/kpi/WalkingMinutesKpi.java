package io.citylake.kpi;

import static org.apache.spark.sql.functions.col;

import io.citylake.gold.CountBasis;
import io.citylake.gold.GoldColumns;
import io.citylake.gold.GoldOutput;
import io.citylake.gold.GoldTable;
import io.citylake.gold.Grain;
import io.citylake.gold.KpiSource;
import io.citylake.gold.PeriodicKpiJob;
import io.citylake.job.JobContext;
import io.citylake.job.TableRef;
import io.citylake.lake.DayPartitions;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * {@code walking_minutes_avg}: mean over persons of walking minutes per day (empty
 * walking_minutes counts steps/100; invalid step counts were quarantined in silver). The KPI
 * day is {@code activity_date}, which may be reported up to a week late, so a changed partition
 * recomputes the activity days it holds. A person-day reported twice keeps its newest report.
 * The month value is the mean over all person-days of the month. Shuffles once for the newest
 * report per person-day and once per aggregation; broadcasts nothing; writes
 * gold.walking_minutes_daily and gold.walking_minutes_monthly by replaceWhere.
 */
public final class WalkingMinutesKpi extends PeriodicKpiJob {
  static final String SOURCE = "points_steps";

  @Override
  public String name() {
    return "kpi.walking_minutes";
  }

  @Override
  public String description() {
    return "Gold walking_minutes_avg per municipality and day/month from silver.points_steps";
  }

  @Override
  protected List<KpiSource> sources() {
    return List.of(new KpiSource(SOURCE, "array(activity_date)"));
  }

  @Override
  protected List<GoldOutput> goldOutputs() {
    return List.of(output(Grain.DAY, "walking_minutes_daily"),
        output(Grain.MONTH, "walking_minutes_monthly"));
  }

  private static GoldOutput output(Grain grain, String name) {
    GoldTable table = new GoldTable(name,
        "walking_minutes_avg: mean walking minutes per person-day per municipality and "
            + grain.column() + " (empty walking_minutes counts steps/100)",
        List.of(GoldColumns.municipality(), GoldColumns.period(grain),
            GoldColumns.value("walking_minutes_avg", "mean walking minutes per person-day"),
            GoldColumns.count("person_days", "person-days averaged"),
            GoldColumns.persons(), GoldColumns.suppressed()),
        List.of(grain.column()));
    return new GoldOutput(table, grain, CountBasis.PERSONS, "persons",
        List.of("walking_minutes_avg", "person_days"), WalkingMinutesKpi::aggregate);
  }

  private static Dataset<Row> aggregate(Dataset<Row> personDays, Column period) {
    return personDays.groupBy(col("municipality"), period).agg(
        functions.avg("minutes").as("walking_minutes_avg"),
        functions.count(functions.lit(1)).as("person_days"),
        functions.countDistinct("person_pseudonym").as("persons"));
  }

  @Override
  protected Dataset<Row> base(JobContext context, LocalDate from, LocalDate to) {
    Dataset<Row> steps = context.tables().read(TableRef.silver(SOURCE))
        .where(col("dt").between(Date.valueOf(from), Date.valueOf(to.plusDays(7))))
        .where(col("activity_date").between(Date.valueOf(from), Date.valueOf(to)));
    return DayPartitions.newestPerKey(steps, "person_pseudonym", "activity_date")
        .select(col("person_pseudonym"), col("municipality"), col("activity_date").as(DAY),
            functions.coalesce(col("walking_minutes"), col("steps").divide(100.0))
                .as("minutes"));
  }

}
