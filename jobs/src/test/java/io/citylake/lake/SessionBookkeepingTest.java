package io.citylake.lake;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citylake.testing.SparkTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerEvent;
import org.apache.spark.sql.execution.ui.SparkListenerSQLExecutionStart;
import org.junit.jupiter.api.Test;

/**
 * The bookkeeping the session leaves out of every query and commit: Delta's copy of a table's
 * file list in the commit checksum, and the detailed ("formatted") plan text of each query's
 * start event, which no UI shows.
 */
class SessionBookkeepingTest extends SparkTestBase {

  @Test
  void aNewTablesChecksumKeepsItsCountsButNotItsFileList() throws IOException {
    Path table = lakeDir().resolve("checksum_probe");
    spark().range(3).toDF("n").write().format("delta").save(table.toString());

    JsonNode checksum = new ObjectMapper().readTree(
        Files.readString(table.resolve("_delta_log/00000000000000000000.crc")));
    assertThat(checksum.has("allFiles")).as("file list in the checksum").isFalse();
    assertThat(checksum.path("numFiles").asLong()).isPositive();
    assertThat(checksum.path("tableSizeBytes").asLong()).isPositive();
    assertThat(checksum.has("metadata")).isTrue();
    assertThat(spark().read().format("delta").load(table.toString()).count()).isEqualTo(3);
  }

  @Test
  void aQuerysStartEventCarriesItsPlanInOneLinePerOperator() throws Exception {
    String description = "plan text probe " + System.nanoTime();
    CompletableFuture<String> plan = new CompletableFuture<>();
    SparkListener listener = new SparkListener() {
      @Override
      public void onOtherEvent(SparkListenerEvent event) {
        if (event instanceof SparkListenerSQLExecutionStart start
            && description.equals(start.description())) {
          plan.complete(start.physicalPlanDescription());
        }
      }
    };
    spark().sparkContext().addSparkListener(listener);
    try {
      spark().sparkContext().setJobDescription(description);
      assertThat(spark().range(10).filter("id % 2 = 0").count()).isEqualTo(5);
      String text = plan.get(60, TimeUnit.SECONDS);
      assertThat(text).startsWith("== Physical Plan ==");
      assertThat(text).contains("Filter");
      // the formatted mode's per-operator sections ("(2) Filter / Input [1]: [id#0L]") are not built
      assertThat(text).doesNotContain("Input [").doesNotContain("Output [");
    } finally {
      spark().sparkContext().setJobDescription(null);
      spark().sparkContext().removeSparkListener(listener);
    }
  }
}
