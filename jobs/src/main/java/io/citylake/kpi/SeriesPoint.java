package io.citylake.kpi;

import java.time.LocalDate;
import java.util.Objects;

/** One value of a KPI's headline series: the period's first day and its value. */
public record SeriesPoint(LocalDate day, double value) {
  public SeriesPoint {
    Objects.requireNonNull(day, "day");
  }
}
