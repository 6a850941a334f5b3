package io.citylake.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.testing.DataFrameEquality;
import io.citylake.testing.SparkTestBase;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A night's choice between adaptive and one-time query planning: by the bytes its day
 * delivered, set on the session for the queries that follow, with the same results either way.
 */
@Isolated("it sets the session's adaptive planning, which every night sets too")
class QueryPlanningTest extends SparkTestBase {
  private static final String QUERY = "SELECT a.k, count(*) AS n, sum(b.v) AS s"
      + " FROM (SELECT id % 13 AS k FROM range(2000)) a"
      + " JOIN (SELECT id % 13 AS k, id AS v FROM range(300)) b ON a.k = b.k"
      + " GROUP BY a.k ORDER BY a.k";

  @Test
  void daysDeliveringLessThanTheThresholdArePlannedOnce() {
    long threshold = QueryPlanning.ADAPTIVE_FROM_BYTES;
    assertThat(QueryPlanning.forDayText(0).adaptive()).isFalse();
    assertThat(QueryPlanning.forDayText(threshold - 1).adaptive()).isFalse();
    assertThat(QueryPlanning.forDayText(threshold).adaptive()).isTrue();
    // the days measured: the sample's newest (4.5 MB of text) and a 100,000-person day (74 MB)
    assertThat(QueryPlanning.forDayText(4_535_180).adaptive()).isFalse();
    assertThat(QueryPlanning.forDayText(74_314_900).adaptive()).isTrue();
  }

  @Test
  void theChoiceIsSetOnTheSessionAndKeepsTheResults() {
    String before = spark().conf().get(QueryPlanning.ADAPTIVE);
    try {
      QueryPlanning.forDayText(10).applyTo(spark());
      assertThat(spark().conf().get(QueryPlanning.ADAPTIVE)).isEqualTo("false");
      Dataset<Row> once = spark().sql(QUERY);
      assertThat(once.queryExecution().executedPlan().nodeName())
          .isNotEqualTo("AdaptiveSparkPlan");
      // its rows as computed by that plan (a Dataset's rows are planned again when read later)
      List<Row> rows = once.collectAsList();
      Dataset<Row> planned = spark().createDataFrame(rows, once.schema());

      QueryPlanning.forDayText(QueryPlanning.ADAPTIVE_FROM_BYTES).applyTo(spark());
      assertThat(spark().conf().get(QueryPlanning.ADAPTIVE)).isEqualTo("true");
      Dataset<Row> adaptive = spark().sql(QUERY);
      assertThat(adaptive.queryExecution().executedPlan().nodeName())
          .isEqualTo("AdaptiveSparkPlan");
      assertThat(rows).hasSize(13);
      DataFrameEquality.assertDataFrameEquals("adaptive against planned once", planned, adaptive);
    } finally {
      spark().conf().set(QueryPlanning.ADAPTIVE, before);
    }
  }
}
