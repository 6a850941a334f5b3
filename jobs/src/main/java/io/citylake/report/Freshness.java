package io.citylake.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * How current the report's numbers are.
 *
 * @param lastRunId the run that last built the KPI catalogue
 * @param builtAt when that run committed the catalogue
 * @param firstDay first service day gold was built from ({@code gold.kpi_watermarks})
 * @param lastDay last service day gold was built from
 * @param quarantine quarantined rows per dataset, on the report day and in total
 */
public record Freshness(String lastRunId, Instant builtAt, LocalDate firstDay, LocalDate lastDay,
    List<Quarantined> quarantine) {
  public Freshness {
    quarantine = List.copyOf(quarantine);
  }

  public record Quarantined(String dataset, long onDay, long total) {}
}
