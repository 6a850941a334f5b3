package io.citylake.gold;


/**
 * A silver table a KPI job reads, and which KPI days a changed partition of it affects, as a
 * Spark SQL expression over the table's rows giving an array of dates: {@code array(dt)} when
 * the KPI day is the service day, {@code array(activity_date)} for panel reports that may come
 * a week late, {@code array(dt, date_sub(dt, 1))} for arrivals that end the previous day's
 * waits.
 */
public record KpiSource(String table, String affectedDays) {
  public static KpiSource byServiceDay(String table) {
    return new KpiSource(table, "array(dt)");
  }
}
