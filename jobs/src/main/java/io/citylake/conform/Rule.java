package io.citylake.conform;

import java.util.List;

/**
 * A contract rule a row can break, as a Spark SQL condition over the silver columns that is true
 * when the row is bad. The name is what operators see in the quarantine ({@code unknown kind});
 * {@code fields} are the columns whose values broke it (empty when no single field is to blame),
 * which the quarantine shows next to the rule so the bad value is visible at once.
 */
public record Rule(String name, String violatedWhen, List<String> fields) {
  public Rule {
    fields = List.copyOf(fields);
  }

  /** A rule not tied to particular fields. */
  public Rule(String name, String violatedWhen) {
    this(name, violatedWhen, List.of());
  }

  /** The column holds a value outside the allowed set (nulls are left to {@code required}). */
  public static Rule oneOf(String column, List<String> allowed) {
    String list = String.join("', '", allowed);
    return new Rule("unknown " + column,
        column + " IS NOT NULL AND " + column + " NOT IN ('" + list + "')", List.of(column));
  }

  /** The column lies outside {@code [min, max]}: negative or absurd values. */
  public static Rule between(String column, double min, double max) {
    return new Rule(column + " out of range",
        column + " IS NOT NULL AND (" + column + " < " + min + " OR " + column + " > " + max + ")",
        List.of(column));
  }

  /** The point lies outside Japan's bounding box (122–154°E, 20–46°N). */
  public static Rule inJapan(String lon, String lat) {
    return new Rule("location outside Japan",
        lon + " IS NOT NULL AND " + lat + " IS NOT NULL AND (" + lon + " NOT BETWEEN 122 AND 154 OR "
            + lat + " NOT BETWEEN 20 AND 46)", List.of(lon, lat));
  }

  /** The event's JST day is not the partition's service day or the night after it. */
  public static Rule onServiceDay(String timestampColumn) {
    return new Rule(timestampColumn + " outside service day",
        timestampColumn + " IS NOT NULL AND to_date(" + timestampColumn + ") NOT BETWEEN dt AND"
            + " date_add(dt, 1)", List.of(timestampColumn));
  }

  /** The same rule, blaming {@code columns}. */
  public Rule on(String... columns) {
    return new Rule(name, violatedWhen, List.of(columns));
  }
}
