package io.citylake.lake;

import org.apache.spark.sql.SparkSession;

/**
 * Whether a night's Spark queries compile their expressions to Java bytecode (Spark's default:
 * whole-stage and expression code generation) or evaluate them interpreted, chosen by the size of
 * the day's raw delivery.
 *
 * <p>A night runs about 700 Spark queries, most of them over small tables (bookkeeping, Delta's
 * log, gold). Each compiled query costs Janino's compile, the class loading and then the JIT's
 * work on the new classes; on the sample night the JVM's compiler threads used 36 % of its CPU.
 * Interpreted, the same night took 11 % less time and 10 % less CPU (docs/performance.md, tenth
 * round). Code generation pays back only when a query runs its expressions over millions of rows,
 * so days delivering at least {@link #COMPILE_FROM_BYTES} of raw text (about a million lines;
 * gzip files counted by their text) compile. Floating-point sums may differ in their last binary
 * digit between the two ways (they add in another order); everything else is equal.
 *
 * <p>A session whose configuration names either setting ({@code --conf} under spark-submit,
 * {@code -Dspark.sql.codegen.wholeStage=...} in {@code CITYLAKE_JAVA_OPTS}) keeps it.
 */
public record ExpressionEvaluation(boolean compiled, long dayTextBytes) {
  /** Raw text a day must deliver for compiled expressions (about 1M lines of 140 bytes). */
  public static final long COMPILE_FROM_BYTES = 128L << 20;

  static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
  static final String FACTORY_MODE = "spark.sql.codegen.factoryMode";
  static final String SUBEXPRESSIONS = "spark.sql.subexpressionElimination.enabled";

  /** The choice for a night whose day delivered {@code dayTextBytes} of raw text. */
  public static ExpressionEvaluation forDayText(long dayTextBytes) {
    return new ExpressionEvaluation(dayTextBytes >= COMPILE_FROM_BYTES, dayTextBytes);
  }

  /** Sets the choice on {@code spark} unless its configuration names it. */
  public void applyTo(SparkSession spark) {
    if (spark.sparkContext().conf().contains(WHOLE_STAGE)
        || spark.sparkContext().conf().contains(FACTORY_MODE)) {
      return;
    }
    spark.conf().set(WHOLE_STAGE, String.valueOf(compiled));
    // FALLBACK is Spark's default: compile, and interpret an expression that fails to compile
    spark.conf().set(FACTORY_MODE, compiled ? "FALLBACK" : "NO_CODEGEN");
    // Compiled code shares a repeated subexpression at compile time, for free. Interpreted,
    // Spark shares it through a Guava cache that it empties and refills for every row: a tenth
    // of the task threads' CPU on the sample night, more than evaluating the few repeated
    // subexpressions twice (docs/performance.md, twenty-first round).
    if (!spark.sparkContext().conf().contains(SUBEXPRESSIONS)) {
      spark.conf().set(SUBEXPRESSIONS, String.valueOf(compiled));
    }
  }
}
