package io.citylake.kpi;

import io.citylake.gold.Grain;
import io.citylake.gold.KAnonymity;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Where the catalogue finds a KPI's headline numbers in gold: the daily (or per-survey) series
 * used for the trend, as an aggregate over a gold table's rows per municipality and day, and
 * optionally a coarser table for the latest value (e.g. the latest month's annualised spend).
 *
 * @param filter SQL condition on the series table's rows, {@code true} for all
 * @param seriesValue SQL aggregate giving one value per municipality and day
 * @param latest table, period column and value column of the latest value, when not the series
 */
public record KpiHeadline(
    KpiDefinition kpi, String table, String dayColumn, String filter, String seriesValue,
    Optional<Latest> latest) {

  /** A coarser gold table whose newest period gives the latest value. */
  public record Latest(String table, String periodColumn, String valueColumn) {
    /** The grain of {@code periodColumn}: {@code month} is a month, {@code year} a year. */
    public Grain grain() {
      for (Grain grain : Grain.values()) {
        if (grain.column().equals(periodColumn)) {
          return grain;
        }
      }
      throw new IllegalStateException("no grain has the period column " + periodColumn);
    }
  }

  /** The grain of the catalogue's {@code latest_period}: the series' day, or the coarser table's. */
  public Grain latestGrain() {
    return latest.map(Latest::grain).orElse(Grain.DAY);
  }

  static KpiHeadline daily(KpiDefinition kpi, String table, String seriesValue) {
    return new KpiHeadline(kpi, table, "dt", "true", seriesValue, Optional.empty());
  }

  /**
   * The headline series of {@code gold} (this headline's table) from {@code since} to
   * {@code until}: {@code municipality, day, value} and then {@code extra} aggregates, one row per
   * municipality and day. The catalogue and the report both read their trends through it.
   */
  public Dataset<Row> series(Dataset<Row> gold, LocalDate since, LocalDate until,
      Column... extra) {
    Column day = functions.col(dayColumn());
    return gold.where(functions.expr(filter()))
        .where(day.between(java.sql.Date.valueOf(since), java.sql.Date.valueOf(until)))
        .groupBy(functions.col("municipality"), day.as("day"))
        .agg(functions.expr(seriesValue()).cast("double").as("value"), extra);
  }

  /**
   * {@link #series} with a {@code suppressed} column after {@code value}: 1 when a cell of the
   * day was suppressed in {@code gold}, else 0 (always 0 for a table that suppresses nothing).
   * The catalogue reads it for {@code gold.kpi_headline_series}, the report for another day.
   */
  public Dataset<Row> seriesWithSuppressed(Dataset<Row> gold, LocalDate since,
      LocalDate until) {
    boolean suppresses = java.util.Arrays.asList(gold.columns()).contains(KAnonymity.SUPPRESSED);
    Column suppressed = suppresses
        ? functions.max(functions.coalesce(functions.col(KAnonymity.SUPPRESSED),
            functions.lit(false)).cast("int"))
        : functions.lit(0);
    return series(gold, since, until, suppressed.as(KAnonymity.SUPPRESSED));
  }

  /** The headline of a measured KPI; a KPI the city reports has none. */
  public static Optional<KpiHeadline> find(KpiDefinition kpi) {
    return kpi.measured() ? Optional.of(of(kpi)) : Optional.empty();
  }

  /** The headline of a measured KPI (see {@link KpiDefinition#measured()}). */
  public static KpiHeadline of(KpiDefinition kpi) {
    return switch (kpi) {
      case WALKING_MINUTES_AVG -> daily(kpi, "walking_minutes_daily", "max(walking_minutes_avg)");
      case CAR_DAILY_SHARE -> daily(kpi, "car_daily_share_daily", "max(car_daily_share)");
      case TOURISM_SPEND_YEN -> new KpiHeadline(kpi, "tourism_spend_daily", "dt", "true",
          "max(spend_yen) * 365",
          Optional.of(new Latest("tourism_spend_monthly", "month", "annualised_spend_yen")));
      case VISITORS -> new KpiHeadline(kpi, "visitors_daily", "dt", "true",
          "max(visitors) * 365",
          Optional.of(new Latest("visitors_monthly", "month", "annualised_visitors")));
      case BUS_WAIT_MINUTES_AVG -> daily(kpi, "bus_wait_daily", "max(wait_minutes_avg)");
      case RIDERSHIP -> daily(kpi, "ridership_daily", "max(board_taps)");
      case ELDERLY_FEELS_SAFE_SHARE, SATISFACTION_SHARE, CONTINUE_INTENT_SHARE ->
          new KpiHeadline(kpi, "survey_shares", "survey_date", "kpi_id = '" + kpi.id() + "'",
              "max(share)", Optional.empty());
      case SHELTER_DAYS_TO_SHORTAGE ->
          daily(kpi, "shelter_days_to_shortage", "min(days_to_shortage)");
      case DRONE_DELIVERY_SUCCESS ->
          daily(kpi, "drone_delivery_daily", "max(delivery_success_share)");
      case PEOPLE_FLOW -> daily(kpi, "people_flow_hourly", "sum(people_count)");
      case SNOW_DEPTH_MAX -> daily(kpi, "snow_depth_daily", "max(snow_depth_max_cm)");
      case COMPANIES_ATTRACTED, HOUSEHOLDS_MOVED_IN -> throw new IllegalArgumentException(
          kpi.id() + " is reported by the city, not measured: it has no gold headline");
    };
  }
}
