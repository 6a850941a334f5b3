package io.citylake.lake;

import org.apache.spark.sql.SparkSession;

/**
 * Whether a night's Spark queries are planned again while they run (Spark's adaptive query
 * execution) or planned once, chosen like {@link ExpressionEvaluation} by the size of the day's
 * raw delivery.
 *
 * <p>Adaptive execution cuts a query at its shuffles into stages, runs each stage as a Spark job
 * of its own and optimises the rest of the plan again with the sizes it measured: it merges small
 * shuffle partitions, turns joins whose side proved small into broadcasts and splits skewed
 * partitions. A small day's night runs about 700 queries over small tables, where that
 * re-planning is mostly the driver's cost: on the sample (4.5 MB of text on its newest day) the
 * job threads used 4–14 s less CPU in each of six alternating first nights with it off, and the
 * nights took 4.5 % less time on average. A 100,000-person day (74 MB) gained nothing from it in
 * two pairs (docs/performance.md, twenty-fifth round), so days from {@link #ADAPTIVE_FROM_BYTES}
 * of raw text on (about 120,000 lines) keep adaptive execution. Results are the same either way.
 *
 * <p>A session whose configuration names the setting ({@code --conf} under spark-submit,
 * {@code -Dspark.sql.adaptive.enabled=...} in {@code CITYLAKE_JAVA_OPTS}) keeps it.
 */
public record QueryPlanning(boolean adaptive, long dayTextBytes) {
  /** Raw text a day must deliver for adaptive planning (about 120,000 lines of 140 bytes). */
  public static final long ADAPTIVE_FROM_BYTES = 16L << 20;

  static final String ADAPTIVE = "spark.sql.adaptive.enabled";

  /** The choice for a night whose day delivered {@code dayTextBytes} of raw text. */
  public static QueryPlanning forDayText(long dayTextBytes) {
    return new QueryPlanning(dayTextBytes >= ADAPTIVE_FROM_BYTES, dayTextBytes);
  }

  /** Sets the choice on {@code spark} unless its configuration names it. */
  public void applyTo(SparkSession spark) {
    if (!spark.sparkContext().conf().contains(ADAPTIVE)) {
      spark.conf().set(ADAPTIVE, String.valueOf(adaptive));
    }
  }
}
