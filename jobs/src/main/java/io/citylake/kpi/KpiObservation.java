package io.citylake.kpi;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One KPI value the city reports itself, for outcomes the lake cannot measure (Susami's companies
 * attracted and households moved in): one row of {@code reference/kpi_observations.csv}, checked
 * by {@link KpiObservationRules}. The value covers a whole calendar or fiscal year.
 *
 * @param source where the city states the value (a report, a council answer)
 * @param reportedBy who reported it (the town office)
 * @param reportedOn the day it was reported
 */
public record KpiObservation(String kpiId, String municipality, YearType yearType, int year,
    double value, String unit, String source, String reportedBy, LocalDate reportedOn) {
  public KpiObservation {
    Objects.requireNonNull(kpiId, "kpiId");
    Objects.requireNonNull(municipality, "municipality");
    Objects.requireNonNull(yearType, "yearType");
  }

  /** The value as a point of the KPI's series: from the year's first to its last day. */
  public SeriesPoint point() {
    return new SeriesPoint(yearType.start(year), value, yearType.end(year));
  }
}
