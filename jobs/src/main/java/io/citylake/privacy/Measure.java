package io.citylake.privacy;

import java.util.Optional;

/**
 * A quantity that adds up along a relation: the column of the total's rows and the column of
 * the parts' rows, optionally multiplied by a weight column on both sides (an average times its
 * count is additive: {@code wait_minutes_avg × taps}).
 */
public record Measure(String total, String part, Optional<String> weight) {
  /** The same column name on both sides. */
  public static Measure of(String column) {
    return new Measure(column, column, Optional.empty());
  }

  /** {@code total} on the totals' rows adds up {@code part} of the parts' rows. */
  public static Measure of(String total, String part) {
    return new Measure(total, part, Optional.empty());
  }

  /** {@code column × weight} on both sides. */
  public static Measure weighted(String column, String weight) {
    return new Measure(column, column, Optional.of(weight));
  }

  /** The SQL expression of the measure on the totals' side. */
  public String totalExpression() {
    return expression(total);
  }

  /** The SQL expression of the measure on the parts' side. */
  public String partExpression() {
    return expression(part);
  }

  private String expression(String column) {
    return weight.map(w -> "CAST(" + column + " AS DOUBLE) * CAST(" + w + " AS DOUBLE)")
        .orElse("CAST(" + column + " AS DOUBLE)");
  }

  /** A short name, unique within a relation. */
  public String name() {
    return weight.map(w -> total + "*" + w).orElse(total);
  }
}
