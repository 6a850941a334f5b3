package io.citylake.bench;

import java.util.List;

/**
 * A query of {@code citylake bench serve}'s mix: what an analyst runs first in a SQL client on
 * the gold tables. Table names are unqualified, as a client connected to {@code .../gold} writes
 * them; days come from the data ({@code max(dt)}), so the mix runs on any night's lake.
 */
public record ServeQuery(String name, String sql) {

  /** The KPI catalogue, one KPI for its latest month, and a ward table for its latest day. */
  public static List<ServeQuery> mix() {
    return List.of(
        new ServeQuery("catalogue", "SELECT kpi_id, municipality, latest_value, target, status"
            + " FROM kpi_catalogue ORDER BY kpi_id, municipality"),
        new ServeQuery("kpi_month", "SELECT municipality, dt, walking_minutes_avg, persons"
            + " FROM walking_minutes_daily"
            + " WHERE dt >= trunc((SELECT max(dt) FROM walking_minutes_daily), 'MM')"
            + " ORDER BY municipality, dt"),
        new ServeQuery("ward_day", "SELECT municipality, area_id, dt, people_count, suppressed"
            + " FROM people_flow_ward_daily"
            + " WHERE dt = (SELECT max(dt) FROM people_flow_ward_daily)"
            + " ORDER BY municipality, area_id"));
  }
}
