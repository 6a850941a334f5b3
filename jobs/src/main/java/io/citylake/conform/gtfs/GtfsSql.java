package io.citylake.conform.gtfs;

/**
 * Spark SQL expressions that read one field of a bronze GTFS {@code record} map, so every table
 * parses text the same way: trimmed, empty as null, numbers with {@code try_cast} (bad text gives
 * null, which a rule then reports), dates as GTFS {@code YYYYMMDD}.
 */
final class GtfsSql {
  private GtfsSql() {}

  /** The trimmed text of {@code field}; null when absent or empty. */
  static String text(String field) {
    return "nullif(trim(record['" + field + "']), '')";
  }

  static String integer(String field) {
    return "try_cast(" + text(field) + " AS INT)";
  }

  static String decimal(String field) {
    return "try_cast(" + text(field) + " AS DOUBLE)";
  }

  /** A {@code YYYYMMDD} date; null when malformed or not a calendar day (20230230). */
  static String date(String field) {
    String value = text(field);
    return "CASE WHEN " + value + " RLIKE '^[0-9]{8}$' THEN try_cast(concat_ws('-', substr("
        + value + ", 1, 4), substr(" + value + ", 5, 2), substr(" + value + ", 7, 2)) AS DATE) END";
  }

  /** Seconds since the service day's midnight of a GTFS time; null when malformed. */
  static String seconds(String field) {
    return GtfsFunctions.SECONDS + "(" + text(field) + ")";
  }

  /** True when {@code field} has text that {@code parsed} could not turn into a value. */
  static String unparsable(String field, String parsed) {
    return text(field) + " IS NOT NULL AND " + parsed + " IS NULL";
  }
}
