package io.citylake.report;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the KPI report shows, read from the published gold tables: plain values, so the
 * HTML renders without Spark.
 *
 * @param day the service day the report is for
 * @param municipalities one section per municipality, in the contract's order
 * @param freshness where the numbers come from and how current they are
 */
public record ReportData(LocalDate day, List<MunicipalityReport> municipalities,
    Freshness freshness) {
  public ReportData {
    municipalities = List.copyOf(municipalities);
  }

  /** One municipality's KPIs, maps and shelters. */
  public record MunicipalityReport(String municipality, List<KpiEntry> kpis, List<MapLayer> maps,
      ShelterSupply shelters) {
    public MunicipalityReport {
      kpis = List.copyOf(kpis);
      maps = List.copyOf(maps);
    }
  }
}
