package io.citylake.report;

import java.time.LocalDate;
import java.util.List;

/**
 * One row of {@code gold.kpi_catalogue} with the KPI's headline series up to the report day and
 * its value on that day.
 *
 * @param dayValue the headline value of the report day (null when suppressed or absent)
 * @param daySuppressed true when the report day's cell was suppressed (k-anonymity)
 * @param series the headline series, oldest first, published values only
 * @param suppressedPoints periods of the series whose value was suppressed
 */
public record KpiEntry(String kpiId, String municipality, String definition, String unit,
    String direction, Double baseline, Integer baselineYear, Double target, Integer targetYear,
    Double latestValue, LocalDate latestPeriod, String status, Double dayValue,
    boolean daySuppressed, List<Point> series, int suppressedPoints) {
  public KpiEntry {
    series = List.copyOf(series);
  }

  /** One published value of the headline series. */
  public record Point(LocalDate day, double value) {}
}
