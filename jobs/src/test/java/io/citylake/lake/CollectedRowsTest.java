package io.citylake.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.testing.SparkTestBase;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** Rows ordered on the driver come out as Spark's own ascending sort orders them. */
class CollectedRowsTest extends SparkTestBase {
  @Test
  void ordersLikeSparksAscendingSortWithNullsFirst() {
    Dataset<Row> rows = spark().sql("SELECT * FROM VALUES"
        + " ('b', DATE'2026-11-02', 1.0), ('a', DATE'2026-11-03', 2.0),"
        + " ('b', DATE'2026-11-01', 3.0), (NULL, DATE'2026-11-05', 4.0),"
        + " ('a', NULL, 5.0), ('a', DATE'2026-11-01', 6.0) AS t(kpi, day, value)");

    List<Row> ordered = CollectedRows.orderedBy(rows, "kpi", "day");

    assertThat(ordered).containsExactlyElementsOf(rows.orderBy("kpi", "day").collectAsList());
    assertThat(ordered.get(0).isNullAt(0)).isTrue();
    assertThat(ordered.get(1).isNullAt(1)).isTrue();
  }

  @Test
  void keepsEveryRowIncludingTies() {
    Dataset<Row> rows = spark().sql("SELECT * FROM VALUES ('x', 2), ('x', 1), ('x', 2)"
        + " AS t(k, v)");

    List<Row> ordered = CollectedRows.orderedBy(rows, "k");

    assertThat(ordered).hasSize(3);
    assertThat(ordered.stream().map(r -> r.getInt(1)).toList()).containsExactlyInAnyOrder(2, 1, 2);
  }
}
