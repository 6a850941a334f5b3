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
 * {@code car_daily_share}: persons with at least one car trip that day divided by persons with
 * at least one trip that day, from the panel's trip diary. The KPI day is {@code trip_date}
 * (reported up to a week late); a trip reported twice keeps its newest report. The month value
 * pools the month's person-days (car person-days / travelling person-days). Shuffles for the
 * newest report per trip, the person-day roll-up and each aggregation; broadcasts nothing;
 * writes gold.car_daily_share_daily and gold.car_daily_share_monthly by replaceWhere.
 */
public final class CarDailyShareKpi extends PeriodicKpiJob {
  static final String SOURCE = "transit_trip_diary";

  @Override
  public String name() {
    return "kpi.car_daily_share";
  }

  @Override
  public String description() {
    return "Gold car_daily_share per municipality and day/month from silver.transit_trip_diary";
  }

  @Override
  protected List<KpiSource> sources() {
    return List.of(new KpiSource(SOURCE, "array(trip_date)"));
  }

  @Override
  protected List<GoldOutput> goldOutputs() {
    return List.of(output(Grain.DAY, "car_daily_share_daily"),
        output(Grain.MONTH, "car_daily_share_monthly"));
  }

  private static GoldOutput output(Grain grain, String name) {
    GoldTable table = new GoldTable(name,
        "car_daily_share: share of travelling person-days with at least one car trip, per"
            + " municipality and " + grain.column(),
        List.of(GoldColumns.municipality(), GoldColumns.period(grain),
            GoldColumns.value("car_daily_share",
                "car person-days / person-days with a trip (0..1)"),
            GoldColumns.count("car_person_days", "person-days with at least one car trip"),
            GoldColumns.count("travel_person_days", "person-days with at least one trip"),
            GoldColumns.persons(), GoldColumns.suppressed()),
        List.of(grain.column()));
    return new GoldOutput(table, grain, CountBasis.PERSONS, "persons",
        List.of("car_daily_share", "car_person_days", "travel_person_days"),
        CarDailyShareKpi::aggregate);
  }

  private static Dataset<Row> aggregate(Dataset<Row> personDays, Column period) {
    return personDays.groupBy(col("municipality"), period).agg(
        functions.sum("used_car").divide(functions.count(functions.lit(1)))
            .as("car_daily_share"),
        functions.sum("used_car").as("car_person_days"),
        functions.count(functions.lit(1)).as("travel_person_days"),
        functions.countDistinct("person_pseudonym").as("persons"));
  }

  @Override
  protected Dataset<Row> base(JobContext context, LocalDate from, LocalDate to) {
    Dataset<Row> trips = context.tables().read(TableRef.silver(SOURCE))
        .where(col("dt").between(Date.valueOf(from), Date.valueOf(to.plusDays(7))))
        .where(col("trip_date").between(Date.valueOf(from), Date.valueOf(to)));
    return DayPartitions.newestPerKey(trips, "person_pseudonym", "trip_date", "trip_no")
        .groupBy(col("person_pseudonym"), col("trip_date").as(DAY))
        .agg(functions.first("municipality").as("municipality"),
            functions.max(functions.when(col("mode").equalTo("car"), 1L).otherwise(0L))
                .as("used_car"));
  }
}
