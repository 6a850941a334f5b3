package io.citylake.testing;

import com.holdenkarau.spark.testing.DataFrameSuiteBaseLike;
import java.io.Serializable;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Assertions;
import org.opentest4j.AssertionFailedError;

/**
 * spark-testing-base's DataFrame equality assertions, for JUnit 5 tests that compare two
 * DataFrames. The comparisons live in the library's Scala trait {@code DataFrameSuiteBaseLike};
 * its Java base class reports through JUnit 4's {@code Assert} and starts its own SparkContext in
 * a JUnit 4 {@code @Before}, and this build leaves JUnit 4 and scalatest out. So the trait's
 * comparisons run here as they are written (its default methods, through a proxy), and the four
 * methods through which the trait reports ({@code assert}, {@code assertEmpty},
 * {@code assertTrue}, {@code fail}) answer with JUnit 5's assertions, on the session the test
 * already runs.
 */
public final class DataFrameEquality {
  private static final DataFrameSuiteBaseLike LIBRARY = (DataFrameSuiteBaseLike)
      Proxy.newProxyInstance(DataFrameEquality.class.getClassLoader(),
          new Class<?>[] {DataFrameSuiteBaseLike.class}, new JUnit5Reporting());

  private DataFrameEquality() {}

  /**
   * The same schema and the same rows in the same order (the library's
   * {@code assertDataFrameEquals}): for results whose order is part of what is tested.
   */
  public static void assertDataFrameEquals(
      String what, Dataset<Row> expected, Dataset<Row> actual) {
    described(what, () -> LIBRARY.assertDataFrameEquals(
        expected, actual, LIBRARY.assertDataFrameEquals$default$3()));
  }

  /**
   * The same schema and the same rows, as multisets (the library's
   * {@code assertDataFrameNoOrderEquals}): a row twice in one must be twice in the other.
   */
  public static void assertDataFrameNoOrderEquals(
      String what, Dataset<Row> expected, Dataset<Row> actual) {
    described(what, () -> LIBRARY.assertDataFrameNoOrderEquals(expected, actual));
  }

  private static void described(String what, Runnable comparison) {
    try {
      comparison.run();
    } catch (AssertionFailedError e) {
      throw new AssertionFailedError(what + ": " + e.getMessage(),
          e.isExpectedDefined() ? e.getExpected().getValue() : null,
          e.isActualDefined() ? e.getActual().getValue() : null, e);
    }
  }

  /**
   * Answers the trait's reporting methods with JUnit 5 and runs every other default method of
   * the trait as written. Serializable, as the trait is: its RDD closures may capture it.
   */
  private static final class JUnit5Reporting implements InvocationHandler, Serializable {
    private static final long serialVersionUID = 1L;
    private static final int UNEQUAL_ROWS_SHOWN = 10;

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "equals" -> proxy == args[0];
          case "hashCode" -> System.identityHashCode(proxy);
          default -> "spark-testing-base's DataFrame assertions for JUnit 5";
        };
      }
      switch (method.getName()) {
        case "assert" -> {
          // assert(expected, actual, classTag) or assert(message, expected, actual, classTag)
          if (args.length == 3) {
            Assertions.assertEquals(args[0], args[1]);
          } else {
            Assertions.assertEquals(args[1], args[2], String.valueOf(args[0]));
          }
          return null;
        }
        case "assertEmpty" -> {
          int rows = Array.getLength(args[0]);
          if (rows > 0) {
            Assertions.fail("rows whose counts differ (values, count in the expected, count "
                + "in the actual; at most " + UNEQUAL_ROWS_SHOWN + "): "
                + Arrays.deepToString((Object[]) args[0]));
          }
          return null;
        }
        case "assertTrue" -> {
          Assertions.assertTrue((Boolean) args[0]);
          return null;
        }
        case "fail" -> {
          return Assertions.fail(String.valueOf(args[0]));
        }
        case "maxUnequalRowsToShow" -> {
          return UNEQUAL_ROWS_SHOWN;
        }
        case "spark" -> {
          return SparkSession.active();
        }
        default -> {
          if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
          }
          throw new UnsupportedOperationException("not used by the comparisons: " + method);
        }
      }
    }
  }
}
