package io.citylake.conform.datasets;

import io.citylake.conform.Rule;

/** Contract rules shared by several datasets' conformers. */
final class Rules {
  private Rules() {}

  /** A panel report about a day up to a week before its delivery day, never after it. */
  static Rule reportedWithinAWeek(String dateColumn) {
    return new Rule(dateColumn + " outside reporting window",
        dateColumn + " IS NOT NULL AND " + dateColumn + " NOT BETWEEN date_sub(dt, 7) AND dt",
        java.util.List.of(dateColumn));
  }

  /** lon/lat columns computed from the raw fields, for located datasets. */
  static String point(String lon, String lat) {
    return "CASE WHEN try_cast(" + lon + " AS DOUBLE) IS NOT NULL AND try_cast(" + lat
        + " AS DOUBLE) IS NOT NULL THEN ST_AsBinary(ST_Point(try_cast(" + lon
        + " AS DOUBLE), try_cast(" + lat + " AS DOUBLE))) END";
  }
}
