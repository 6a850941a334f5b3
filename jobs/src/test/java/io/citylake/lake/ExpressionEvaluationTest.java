package io.citylake.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.contract.RawDataset;
import io.citylake.ingest.RawPartitions;
import io.citylake.testing.SparkTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A night's choice between compiled and interpreted expressions: by the bytes its day delivered,
 * set on the session for the queries that follow.
 */
@Isolated("it sets the session's code generation, which every night sets too")
class ExpressionEvaluationTest extends SparkTestBase {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 14);

  @Test
  void daysDeliveringLessThanTheThresholdAreInterpreted() {
    long threshold = ExpressionEvaluation.COMPILE_FROM_BYTES;
    assertThat(ExpressionEvaluation.forDayText(0).compiled()).isFalse();
    assertThat(ExpressionEvaluation.forDayText(threshold - 1).compiled()).isFalse();
    assertThat(ExpressionEvaluation.forDayText(threshold).compiled()).isTrue();
  }

  @Test
  void theDayTextCountsOnlyTheFilesOfThatDay() throws IOException {
    Path lake = lakeDir().resolve("day-bytes");
    LakePaths paths = LakeConfig.local(lake).paths();
    write(paths, RawDataset.TRANSIT_TAPS, DAY, "a.csv", 300);
    write(paths, RawDataset.TRANSIT_TAPS, DAY, "b.csv", 20);
    write(paths, RawDataset.SENSOR_OBSERVATIONS, DAY, "s.jsonl.gz", 5);
    write(paths, RawDataset.TRANSIT_TAPS, DAY.minusDays(1), "old.csv", 7000);
    write(paths, RawDataset.TRANSIT_TAPS, DAY.plusDays(1), "next.csv", 9000);
    // a gzip file counts for the text it holds, about twelve times its size
    assertThat(RawPartitions.dayTextBytes(spark().sparkContext().hadoopConfiguration(), paths,
        DAY)).isEqualTo(300 + 20 + 5 * 12);
  }

  @Test
  void theChoiceIsSetOnTheSession() {
    String factoryMode = spark().conf().get(ExpressionEvaluation.FACTORY_MODE);
    String wholeStage = spark().conf().get(ExpressionEvaluation.WHOLE_STAGE);
    String subexpressions = spark().conf().get(ExpressionEvaluation.SUBEXPRESSIONS);
    try {
      ExpressionEvaluation.forDayText(10).applyTo(spark());
      assertThat(spark().conf().get(ExpressionEvaluation.FACTORY_MODE)).isEqualTo("NO_CODEGEN");
      assertThat(spark().conf().get(ExpressionEvaluation.WHOLE_STAGE)).isEqualTo("false");
      assertThat(spark().conf().get(ExpressionEvaluation.SUBEXPRESSIONS)).isEqualTo("false");
      // an interpreted query, with a subexpression repeated within a row, gives what a
      // compiled one gives
      String query = "SELECT id % 7 AS k, sum(id * 3) AS s, sum(abs(id - 500) * abs(id - 500)) AS q"
          + " FROM range(1000) GROUP BY 1 ORDER BY 1";
      var interpreted = rows(query);
      ExpressionEvaluation.forDayText(ExpressionEvaluation.COMPILE_FROM_BYTES).applyTo(spark());
      assertThat(spark().conf().get(ExpressionEvaluation.FACTORY_MODE)).isEqualTo("FALLBACK");
      assertThat(spark().conf().get(ExpressionEvaluation.WHOLE_STAGE)).isEqualTo("true");
      assertThat(spark().conf().get(ExpressionEvaluation.SUBEXPRESSIONS)).isEqualTo("true");
      assertThat(rows(query)).hasSize(7).isEqualTo(interpreted);
    } finally {
      spark().conf().set(ExpressionEvaluation.FACTORY_MODE, factoryMode);
      spark().conf().set(ExpressionEvaluation.WHOLE_STAGE, wholeStage);
      spark().conf().set(ExpressionEvaluation.SUBEXPRESSIONS, subexpressions);
    }
  }

  private static void write(LakePaths paths, RawDataset dataset, LocalDate day, String name,
      int bytes) throws IOException {
    Path folder = Path.of(java.net.URI.create(paths.raw(dataset))).resolve("dt=" + day);
    Files.createDirectories(folder);
    Files.write(folder.resolve(name), new byte[bytes]);
  }
}
