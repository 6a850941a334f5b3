package io.citylake.conform;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.job.TableRef;
import io.citylake.lake.LakePaths;
import io.citylake.publish.MetastoreTables;
import io.citylake.testing.SharedResources;
import io.citylake.testing.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The quarantine's zone of its own: a lake written before it existed kept the quarantine in
 * bronze ({@code bronze/quarantine}, registered as {@code bronze.quarantine}); the first night
 * after moves the table, rows and history, to {@code quarantine/rejected_rows} and drops the old
 * metastore entry, and later nights find nothing to move.
 */
@ResourceLock(SharedResources.METASTORE)
class QuarantineZoneTest extends SparkTestBase {

  @Test
  void anOlderLakesQuarantineMovesOutOfBronzeWithItsHistory() throws Exception {
    LakePaths paths = lake().paths();
    String old = paths.bronze("quarantine");
    spark().sql("SELECT 'transit_taps' AS dataset, DATE'2026-11-01' AS dt, 'x,y' AS raw,"
        + " 'truncated at column 2' AS rule").write().format("delta").save(old);
    spark().sql("SELECT 'points_steps' AS dataset, DATE'2026-11-02' AS dt, 'p,-5' AS raw,"
        + " 'steps out of range' AS rule").write().format("delta").mode("append").save(old);
    new MetastoreTables(spark()).register(TableRef.bronze("quarantine"), old, "old quarantine");
    assertThat(spark().catalog().tableExists("bronze", "quarantine")).isTrue();

    assertThat(Quarantine.moveOutOfBronze(spark(), paths)).isTrue();

    assertThat(Path.of(java.net.URI.create(old))).doesNotExist();
    assertThat(Quarantine.path(paths)).endsWith("/quarantine/rejected_rows");
    List<Row> moved = rows("SELECT dataset, rule FROM " + delta(Quarantine.path(paths))
        + " ORDER BY dataset");
    assertThat(moved).extracting(r -> r.getString(0) + ": " + r.getString(1))
        .containsExactly("points_steps: steps out of range",
            "transit_taps: truncated at column 2");
    assertThat(rows("DESCRIBE HISTORY " + delta(Quarantine.path(paths)))).hasSize(2);
    assertThat(spark().catalog().tableExists("bronze", "quarantine")).isFalse();

    // the next night: nothing left to move, the zone stays as it is
    assertThat(Quarantine.moveOutOfBronze(spark(), paths)).isFalse();
    assertThat(rows("SELECT count(*) FROM " + delta(Quarantine.path(paths))).get(0).getLong(0))
        .isEqualTo(2);
  }

  @Test
  void aLakeWithoutAnOldQuarantineHasNothingToMove() throws Exception {
    Path newLake = Files.createDirectories(lakeDir().resolve("new-lake/bronze")).getParent();
    LakePaths paths = io.citylake.lake.LakeConfig.local(newLake).paths();
    assertThat(Quarantine.moveOutOfBronze(spark(), paths)).isFalse();
    assertThat(newLake.resolve("quarantine")).doesNotExist();
  }

  @Test
  void theQuarantineIsATableLayerOfItsOwnBesideBronze() {
    assertThat(Quarantine.slice("transit_taps").toString())
        .isEqualTo("quarantine.rejected_rows[transit_taps]");
    assertThat(io.citylake.lake.Layer.TABLE_LAYERS).extracting(l -> l.directory())
        .containsExactly("bronze", "quarantine", "silver", "gold");
  }
}
