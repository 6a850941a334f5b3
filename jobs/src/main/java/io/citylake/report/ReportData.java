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
 * @param sources per KPI id, the silver tables and raw datasets it is computed from
 *     ({@link io.citylake.kpi.KpiLineage}); empty when not known
 */
public record ReportData(LocalDate day, List<MunicipalityReport> municipalities,
    Freshness freshness, java.util.Map<String, List<String>> sources) {
  public ReportData {
    municipalities = List.copyOf(municipalities);
    sources = java.util.Map.copyOf(sources);
  }

  public ReportData(LocalDate day, List<MunicipalityReport> municipalities,
      Freshness freshness) {
    this(day, municipalities, freshness, java.util.Map.of());
  }

  /** The same data with each KPI's sources. */
  public ReportData withSources(java.util.Map<String, List<String>> kpiSources) {
    return new ReportData(day, municipalities, freshness, kpiSources);
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
