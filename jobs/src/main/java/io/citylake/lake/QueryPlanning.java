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
 * partitions. That pays on big days. A small day's night runs about 700 queries over small tables
 * with a few shuffle partitions each, where there is little to merge, broadcast or split, and the
 * driver's re-planning of every stage is cost alone (docs/performance.md, twenty-fifth round:
 * the job threads' CPU 4–14 s lower in each of six alternating first nights of the sample). So
 * days under {@link #ADAPTIVE_FROM_BYTES} of raw text plan each query once; results are the same
 * either way.
 *
 * <p>A session whose configuration names the setting ({@code --conf} under spark-submit,
 * {@code -Dspark.sql.adaptive.enabled=...} in {@code CITYLAKE_JAVA_OPTS}) keeps it.
 */
public record QueryPlanning(boolean adaptive, long dayTextBytes) {
  /** Raw text a day must deliver for adaptive planning: the threshold of compiled code. */
  public static final long ADAPTIVE_FROM_BYTES = ExpressionEvaluation.COMPILE_FROM_BYTES;

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
