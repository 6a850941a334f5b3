package io.citylake.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.testing.SparkTestBase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Two writers creating the same table at once (two KPI jobs of a first night creating
 * {@code gold.kpi_watermarks}, or two processes): the one that finds the other's table or its
 * data files waits for that writer's first commit and then writes to the table as to any
 * existing one, instead of failing the night (seen on S3, where Delta refused the create of a
 * folder holding the other writer's files).
 */
class DeltaTablesCreateTest extends SparkTestBase {

  @Test
  void aCreateFindingAnotherWritersFilesWaitsForItsFirstCommit() throws Exception {
    String path = lakeDir().resolve("gold/raced").toString();
    // the other writer's data files, written before its first commit
    spark().range(1).write().parquet(path + "/part-of-the-other-writer");
    CompletableFuture<Void> otherCommits = CompletableFuture.runAsync(() -> {
      sleep(1_500);
      spark().range(3).write().format("delta").mode("append").save(path);
    });

    long started = System.nanoTime();
    boolean created = DeltaTables.createWith(spark().range(5).toDF(), path, "raced",
        Map.of(), List.of(), Duration.ofSeconds(60));
    double seconds = (System.nanoTime() - started) / 1e9;
    otherCommits.get();

    assertThat(created).isFalse();
    assertThat(DeltaTables.hasLog(spark(), path)).isTrue();
    assertThat(seconds).as("returned once the other writer had committed").isGreaterThan(1.0)
        .isLessThan(60);
    assertThat(spark().read().format("delta").load(path).count()).isEqualTo(3);
  }

  @Test
  void filesOfAKilledCreateAreLeftToTheWriterAfterTheWait() {
    String path = lakeDir().resolve("gold/orphans").toString();
    spark().range(1).write().parquet(path + "/files-of-a-killed-create");

    boolean created = DeltaTables.createWith(spark().range(5).toDF(), path, "orphans",
        Map.of(), List.of(), Duration.ofMillis(300));

    assertThat(created).isFalse();
    assertThat(DeltaTables.hasLog(spark(), path)).isFalse();
  }

  @Test
  void bothWaysOfFindingTheTableCreatedElsewhereAreRecognised() {
    Throwable nonEmpty = org.apache.spark.sql.delta.DeltaErrors$.MODULE$
        .createTableWithNonEmptyLocation("`delta`.`s3a://b/lake/gold/t`", "s3a://b/lake/gold/t");
    assertThat(DeltaTables.createdElsewhere(new RuntimeException("wrapped", nonEmpty))).isTrue();
    assertThat(DeltaTables.createdElsewhere(
        new org.apache.spark.sql.catalyst.analysis.TableAlreadyExistsException("t"))).isTrue();
    assertThat(DeltaTables.createdElsewhere(new IllegalStateException("disk full"))).isFalse();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
