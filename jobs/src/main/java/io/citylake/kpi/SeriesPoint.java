package io.citylake.kpi;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One value of a KPI's headline series: the period's first day, its value, and the last day the
 * value covers ({@code through}): the same day for a daily value, the period's last day for a
 * value reported for a whole year.
 */
public record SeriesPoint(LocalDate day, double value, LocalDate through) {
  public SeriesPoint {
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(through, "through");
  }

  /** A value of one day. */
  public SeriesPoint(LocalDate day, double value) {
    this(day, value, day);
  }
}
