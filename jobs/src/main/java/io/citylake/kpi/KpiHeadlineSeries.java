package io.citylake.kpi;

import io.citylake.gold.GoldColumns;
import io.citylake.gold.GoldTable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code gold.kpi_headline_series}: every measured KPI's headline series of the year up to the
 * night's day, as {@code kpi.catalogue} reads it from the KPIs' own gold tables to judge them.
 * Written once by the catalogue so that the night's report reads one small table for its trend
 * charts instead of planning fifteen reads of the same tables again at the end of the night,
 * when nothing else runs. The {@code report} command, and a report of another day than
 * {@code as_of}, read the KPI tables themselves. Values are the published ones (null where the
 * KPI's table suppressed the cell), so the table reveals nothing its sources do not.
 */
public final class KpiHeadlineSeries {
  static final GoldTable TABLE = new GoldTable("kpi_headline_series",
      "One row per measured KPI, municipality and day of the year up to as_of: the headline value"
          + " the KPI catalogue judges and the report charts (the daily aggregate of the KPI's"
          + " gold table named in kpi_catalogue.gold_table), null where that table suppressed it",
      List.of(
          GoldColumns.kpiId(),
          GoldColumns.municipality(),
          GoldColumns.typed("dt", DataTypes.DateType,
              "the value's day (a survey's date for survey KPIs)"),
          GoldColumns.value("value", "the headline value in the catalogue's unit, null when the"
              + " day's published cells were suppressed"),
          GoldColumns.typed("suppressed", DataTypes.BooleanType,
              "true when a cell of the day was suppressed in the KPI's gold table"),
          GoldColumns.typed("as_of", DataTypes.DateType,
              "the night's service day: the series covers as_of - 365 days to as_of")),
      List.of());

  /** The name of the table in gold. */
  public static final String NAME = TABLE.name();

  private KpiHeadlineSeries() {}

  /** One row of the table, in its columns without {@code build_run_id}. */
  static Row row(String kpiId, String municipality, LocalDate day, Double value,
      boolean suppressed, LocalDate asOf) {
    return RowFactory.create(kpiId, municipality, Date.valueOf(day), value, suppressed,
        Date.valueOf(asOf));
  }
}
