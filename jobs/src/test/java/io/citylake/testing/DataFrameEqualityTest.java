package io.citylake.testing;

import static io.citylake.testing.DataFrameEquality.assertDataFrameEquals;
import static io.citylake.testing.DataFrameEquality.assertDataFrameNoOrderEquals;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The library's comparisons report through JUnit 5: they pass on equal frames, fail otherwise. */
class DataFrameEqualityTest extends SparkTestBase {

  private static Dataset<Row> frame(String values) {
    return spark().sql("SELECT * FROM VALUES " + values + " AS t(id, name, score)");
  }

  @Test
  void equalFramesPassInOrderAndInAnyOrder() {
    Dataset<Row> rows = frame("(1, 'a', 0.5D), (2, 'b', NULL), (2, 'b', NULL)");
    assertThatCode(() -> assertDataFrameEquals("same", rows, frame(
        "(1, 'a', 0.5D), (2, 'b', NULL), (2, 'b', NULL)"))).doesNotThrowAnyException();
    assertThatCode(() -> assertDataFrameNoOrderEquals("reordered", rows, frame(
        "(2, 'b', NULL), (1, 'a', 0.5D), (2, 'b', NULL)"))).doesNotThrowAnyException();
  }

  @Test
  void aDifferentValueFailsBothWithTheComparisonNamed() {
    Dataset<Row> rows = frame("(1, 'a', 0.5D), (2, 'b', 1.0D)");
    Dataset<Row> changed = frame("(1, 'a', 0.5D), (2, 'b', 1.5D)");
    assertThatThrownBy(() -> assertDataFrameEquals("scores", rows, changed))
        .isInstanceOf(AssertionFailedError.class).hasMessageStartingWith("scores: ");
    assertThatThrownBy(() -> assertDataFrameNoOrderEquals("scores", rows, changed))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageStartingWith("scores: ").hasMessageContaining("1.5");
  }

  @Test
  void orderCountsOnlyWhereAsked() {
    Dataset<Row> rows = frame("(1, 'a', 0.5D), (2, 'b', 1.0D)");
    Dataset<Row> reordered = frame("(2, 'b', 1.0D), (1, 'a', 0.5D)");
    assertThatThrownBy(() -> assertDataFrameEquals("order", rows, reordered))
        .isInstanceOf(AssertionFailedError.class);
    assertThatCode(() -> assertDataFrameNoOrderEquals("order", rows, reordered))
        .doesNotThrowAnyException();
  }

  @Test
  void aMissingDuplicateAColumnOrATypeFails() {
    Dataset<Row> twice = frame("(1, 'a', 0.5D), (1, 'a', 0.5D)");
    Dataset<Row> once = frame("(1, 'a', 0.5D)");
    assertThatThrownBy(() -> assertDataFrameNoOrderEquals("duplicates", twice, once))
        .isInstanceOf(AssertionFailedError.class).hasMessageContaining("Length not Equal");
    assertThatThrownBy(() -> assertDataFrameNoOrderEquals("columns", once, once.drop("score")))
        .isInstanceOf(AssertionFailedError.class);
    assertThatThrownBy(() -> assertDataFrameEquals("types", once,
        once.selectExpr("id", "name", "CAST(score AS FLOAT) AS score")))
        .isInstanceOf(AssertionFailedError.class);
  }
}
