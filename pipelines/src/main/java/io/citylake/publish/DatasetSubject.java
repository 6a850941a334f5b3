package io.citylake.publish;

import io.citylake.report.Lang;
import io.citylake.report.Messages;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a published gold table is about, for the open-data catalogue: its title (a KPI name or a
 * dataset name of the report's {@link Messages}, with the grain) and its EU data theme. Declared
 * for every table {@code GoldRelations} clears for publication; a new published table without
 * one fails the catalogue's tests rather than appearing untitled.
 */
public record DatasetSubject(String titleKey, Optional<String> grainKey, DataTheme theme) {
  private static final Map<String, DatasetSubject> BY_TABLE = new TreeMap<>();

  static {
    kpi("walking_minutes_daily", "walking_minutes_avg", "daily", DataTheme.HEAL);
    kpi("walking_minutes_monthly", "walking_minutes_avg", "monthly", DataTheme.HEAL);
    kpi("car_daily_share_daily", "car_daily_share", "daily", DataTheme.TRAN);
    kpi("car_daily_share_monthly", "car_daily_share", "monthly", DataTheme.TRAN);
    kpi("tourism_spend_daily", "tourism_spend_yen", "daily", DataTheme.ECON);
    kpi("tourism_spend_monthly", "tourism_spend_yen", "monthly", DataTheme.ECON);
    kpi("tourism_spend_yearly", "tourism_spend_yen", "yearly", DataTheme.ECON);
    kpi("visitors_daily", "visitors", "daily", DataTheme.ECON);
    kpi("visitors_monthly", "visitors", "monthly", DataTheme.ECON);
    kpi("bus_wait_hourly", "bus_wait_minutes_avg", "hourly", DataTheme.TRAN);
    kpi("bus_wait_daily", "bus_wait_minutes_avg", "daily", DataTheme.TRAN);
    kpi("ridership_hourly", "ridership", "hourly", DataTheme.TRAN);
    kpi("ridership_daily", "ridership", "daily", DataTheme.TRAN);
    kpi("drone_delivery_daily", "drone_delivery_success", "daily", DataTheme.SOCI);
    kpi("snow_depth_daily", "snow_depth_max", "daily", DataTheme.ENVI);
    kpi("people_flow_hourly", "people_flow", "hourly", DataTheme.REGI);
    BY_TABLE.put("shelter_days_to_shortage",
        new DatasetSubject("kpi.shelter_days_to_shortage", Optional.empty(), DataTheme.SOCI));
    dataset("survey_shares", "survey_shares", null, DataTheme.SOCI);
    dataset("ridership_stop_daily", "ridership_stop", "daily", DataTheme.TRAN);
    dataset("people_flow_area_hourly", "people_flow_area", "hourly", DataTheme.REGI);
    dataset("people_flow_ward_daily", "people_flow_ward", "daily", DataTheme.REGI);
    dataset("air_quality_daily", "air_quality", "daily", DataTheme.ENVI);
    dataset("snow_depth_ward_daily", "snow_depth_ward", "daily", DataTheme.ENVI);
    dataset("tourism_spend_mesh_daily", "tourism_spend_mesh", "daily", DataTheme.ECON);
    dataset("shelter_load_daily", "shelter_load", "daily", DataTheme.SOCI);
    dataset("spatial_areas", "spatial_areas", null, DataTheme.REGI);
    dataset("kpi_catalogue", "kpi_catalogue", null, DataTheme.GOVE);
    dataset("kpi_headline_series", "kpi_headline_series", "daily", DataTheme.GOVE);
  }

  private static void kpi(String table, String kpi, String grain, DataTheme theme) {
    BY_TABLE.put(table, new DatasetSubject("kpi." + kpi, Optional.of("grain." + grain), theme));
  }

  private static void dataset(String table, String name, String grain, DataTheme theme) {
    BY_TABLE.put(table, new DatasetSubject("dataset." + name,
        Optional.ofNullable(grain).map(g -> "grain." + g), theme));
  }

  /** The subject of a published gold table; fails for a table nobody declared one for. */
  public static DatasetSubject of(String table) {
    DatasetSubject subject = BY_TABLE.get(table);
    if (subject == null) {
      throw new IllegalStateException("gold." + table + " is cleared for publication but has no"
          + " catalogue subject: declare one in DatasetSubject");
    }
    return subject;
  }

  /** The title in {@code lang}: the name, and the grain in brackets when there is one. */
  public String title(Lang lang) {
    Messages messages = new Messages(lang);
    String name = messages.get(titleKey);
    return grainKey.map(g -> lang == Lang.JA ? name + "（" + messages.get(g) + "）"
        : name + " (" + messages.get(g) + ")").orElse(name);
  }

  /** The name without the grain in {@code lang}, a keyword. */
  public String name(Lang lang) {
    return new Messages(lang).get(titleKey);
  }
}
