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
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * {@code tourism_spend_yen} and {@code visitors} from visitors' card transactions (visitor =
 * true), by service day. Spend = Σ amount_yen × weight over spend transactions; visitors = Σ
 * weight over distinct visitor cards per day (a card's weight is the same all day; the largest
 * is taken). Month and year values are sums, with {@code annualised} = mean over the period's
 * days with data × 365 (for visitors: visitor-days). {@code persons} counts distinct cards.
 * Shuffles once per aggregation; broadcasts nothing; writes gold.tourism_spend_{daily,monthly,
 * yearly} and gold.visitors_{daily,monthly} by replaceWhere.
 */
public final class TourismKpi extends PeriodicKpiJob {
  static final String SOURCE = "points_transactions";

  @Override
  public String name() {
    return "kpi.tourism";
  }

  @Override
  public String description() {
    return "Gold tourism_spend_yen and visitors per municipality and day/month/year from"
        + " silver.points_transactions";
  }

  @Override
  protected List<KpiSource> sources() {
    return List.of(KpiSource.byServiceDay(SOURCE));
  }

  @Override
  protected List<GoldOutput> goldOutputs() {
    return List.of(spend(Grain.DAY, "tourism_spend_daily"),
        spend(Grain.MONTH, "tourism_spend_monthly"), spend(Grain.YEAR, "tourism_spend_yearly"),
        visitors(Grain.DAY, "visitors_daily"), visitors(Grain.MONTH, "visitors_monthly"));
  }

  private static GoldOutput spend(Grain grain, String name) {
    GoldTable table = new GoldTable(name,
        "tourism_spend_yen: visitors' weighted card spend per municipality and " + grain.column(),
        List.of(GoldColumns.municipality(), GoldColumns.period(grain),
            GoldColumns.value("spend_yen", "sum of amount_yen x weight over visitors' spend"),
            GoldColumns.value("annualised_spend_yen", "mean daily spend x 365, yen/year"),
            GoldColumns.count("days_with_data", "days of the period with visitor spend"),
            GoldColumns.persons(), GoldColumns.suppressed()),
        List.of(grain.column()));
    return new GoldOutput(table, grain, CountBasis.PERSONS, "persons",
        List.of("spend_yen", "annualised_spend_yen"), TourismKpi::aggregateSpend);
  }

  private static GoldOutput visitors(Grain grain, String name) {
    GoldTable table = new GoldTable(name,
        "visitors: weighted distinct visitor cards per day, per municipality and "
            + grain.column(),
        List.of(GoldColumns.municipality(), GoldColumns.period(grain),
            GoldColumns.value("visitors", grain == Grain.DAY
                ? "sum of weight over distinct visitor cards that day"
                : "sum over the period's days of daily visitors (visitor-days)"),
            GoldColumns.value("annualised_visitors",
                "mean daily visitors x 365, visitor-days/year"),
            GoldColumns.count("days_with_data", "days of the period with visitor transactions"),
            GoldColumns.persons(), GoldColumns.suppressed()),
        List.of(grain.column()));
    return new GoldOutput(table, grain, CountBasis.PERSONS, "persons",
        List.of("visitors", "annualised_visitors"), TourismKpi::aggregateVisitors);
  }

  private static Dataset<Row> aggregateSpend(Dataset<Row> rows, Column period) {
    return rows.where(col("kind").equalTo("spend"))
        .groupBy(col("municipality"), period).agg(
            functions.sum("spend").as("spend_yen"),
            functions.sum("spend").divide(functions.countDistinct(DAY)).multiply(365)
                .as("annualised_spend_yen"),
            functions.countDistinct(DAY).as("days_with_data"),
            functions.countDistinct("card_pseudonym").as("persons"));
  }

  private static Dataset<Row> aggregateVisitors(Dataset<Row> rows, Column period) {
    Dataset<Row> cardDays = rows.groupBy(col("municipality"), period, col(DAY),
        col("card_pseudonym")).agg(functions.max("weight").as("weight"));
    return cardDays.groupBy(col("municipality"), period).agg(
        functions.sum("weight").as("visitors"),
        functions.sum("weight").divide(functions.countDistinct(DAY)).multiply(365)
            .as("annualised_visitors"),
        functions.countDistinct(DAY).as("days_with_data"),
        functions.countDistinct("card_pseudonym").as("persons"));
  }

  @Override
  protected Dataset<Row> base(JobContext context, LocalDate from, LocalDate to) {
    return context.tables().read(TableRef.silver(SOURCE))
        .where(col("dt").between(Date.valueOf(from), Date.valueOf(to)))
        .where(col("visitor"))
        .select(col("dt").as(DAY), col("municipality"), col("card_pseudonym"), col("kind"),
            col("weight"),
            col("amount_yen").cast("double").multiply(col("weight")).as("spend"));
  }
}
