package io.citylake.report;

import io.citylake.gold.Grain;
import io.citylake.kpi.GrowthPath;
import io.citylake.kpi.YearType;
import java.time.LocalDate;
import java.util.List;

/**
 * One row of {@code gold.kpi_catalogue} with the KPI's headline series up to the report day and
 * its value on that day.
 *
 * @param targetUnit unit of baseline and target as the city gave it (null: the KPI's unit)
 * @param latestPeriod first day of the latest value's period
 * @param latestGrain what that period is: a day, a month or a year
 * @param dayValue the headline value of the report day (null when suppressed or absent)
 * @param daySuppressed true when the report day's cell was suppressed (k-anonymity)
 * @param series the headline series, oldest first, published values only
 * @param suppressedPoints periods of the series whose value was suppressed
 * @param goal the target's year type and growth path, and who reported a reported value
 */
public record KpiEntry(String kpiId, String municipality, String definition, String unit,
    String direction, Double baseline, Integer baselineYear, Double target, Integer targetYear,
    String targetUnit, Double latestValue, LocalDate latestPeriod, Grain latestGrain, String status, Double dayValue,
    boolean daySuppressed, List<Point> series, int suppressedPoints, Goal goal) {
  public KpiEntry {
    series = List.copyOf(series);
    java.util.Objects.requireNonNull(goal, "goal");
  }

  /** An entry of a measured KPI with calendar-year targets and no growth path. */
  public KpiEntry(String kpiId, String municipality, String definition, String unit,
      String direction, Double baseline, Integer baselineYear, Double target, Integer targetYear,
      String targetUnit, Double latestValue, LocalDate latestPeriod, Grain latestGrain,
      String status, Double dayValue, boolean daySuppressed, List<Point> series,
      int suppressedPoints) {
    this(kpiId, municipality, definition, unit, direction, baseline, baselineYear, target,
        targetYear, targetUnit, latestValue, latestPeriod, latestGrain, status, dayValue,
        daySuppressed, series, suppressedPoints, Goal.MEASURED_CALENDAR);
  }

  /**
   * How the city's target is stated and where the value comes from.
   *
   * @param yearType years of baseline, target and path: calendar or fiscal (April to March)
   * @param path the growth path the target of targetYear comes from, when there is one
   * @param reportedBy who reported the latest value (empty: nothing reported yet); null when the
   *     lake measures the KPI
   */
  public record Goal(YearType yearType, java.util.Optional<GrowthPath> path, String reportedBy) {
    public static final Goal MEASURED_CALENDAR =
        new Goal(YearType.CALENDAR, java.util.Optional.empty(), null);

    public boolean reported() {
      return reportedBy != null;
    }
  }

  /** Unit of baseline and target: the city's, when it gave one, else the KPI's. */
  public String goalUnit() {
    return targetUnit == null ? unit : targetUnit;
  }

  /** Whether baseline and target are in the headline series' unit (can be drawn with it). */
  public boolean goalComparable() {
    return goalUnit().equals(unit);
  }

  /** One published value of the headline series. */
  public record Point(LocalDate day, double value) {}
}
