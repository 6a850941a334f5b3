package io.citylake.cli;

import static io.citylake.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.job.TableRef;
import io.citylake.lake.LakeLocation;
import io.citylake.pipeline.NightlyPipeline;
import io.citylake.pipeline.SampleLakeNight;
import io.citylake.publish.MetastoreTables;
import io.citylake.testing.SharedResources;
import io.citylake.testing.SparkTestBase;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A lake copied or moved after its night answers from its own files, through the CLI: the
 * metastore still names the original's locations, and every command resolves them under
 * {@code --lake}. Runs after the readers of the shared lake ({@code @Order}), since it points the
 * test JVM's one metastore at other lakes.
 */
@Order(9)
@ResourceLock(SharedResources.METASTORE)
class CopiedLakeOnSampleLakeTest extends SparkTestBase {
  private static final String CHANGED = "changed-in-the-original";

  @Test
  void aCopiedLakeReadsItsOwnFilesAndAMovedOneFindsThem(@TempDir Path dir) throws Exception {
    Path original = dir.resolve("original");
    // the original after its night: the metastore's tables point at it
    SampleLakeNight.copyTo(spark(), original);
    Path copy = dir.resolve("copy");
    SampleLakeNight.copyTree(original, copy);
    spark().sql("UPDATE delta.`" + original.resolve("gold/kpi_catalogue")
        + "` SET status = '" + CHANGED + "'");

    CliRun copied = run("sql", "--lake", copy.toString(), "--format", "csv",
        "SELECT status, input_file_name() AS file FROM gold.kpi_catalogue ORDER BY status");

    assertThat(copied.exitCode()).as(copied.err()).isZero();
    List<String> lines = copied.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("status,file");
    List<String> statuses = rows("SELECT status FROM delta.`" + copy.resolve("gold/kpi_catalogue")
        + "` ORDER BY status").stream().map(r -> r.getString(0)).toList();
    assertThat(statuses).isNotEmpty().doesNotContain(CHANGED);
    assertThat(lines.subList(1, lines.size())).hasSize(statuses.size()).allSatisfy(line -> {
      String[] cells = line.split(",", 2);
      assertThat(cells[0]).isNotEqualTo(CHANGED);
      assertThat(Path.of(URI.create(cells[1]))).startsWith(copy);
    });
    assertThat(lines.subList(1, lines.size()).stream().map(line -> line.split(",", 2)[0]))
        .containsExactlyElementsOf(statuses);
    assertEveryTableIsUnder(copy);

    Path moved = dir.resolve("moved");
    Files.move(copy, moved);
    CliRun afterMove = run("sql", "--lake", moved.toString(), "--format", "csv",
        "SELECT count(*) AS n FROM gold.kpi_catalogue");
    assertThat(afterMove.exitCode()).as(afterMove.err()).isZero();
    assertThat(afterMove.out().lines().toList()).containsExactly("n", "" + statuses.size());
    assertEveryTableIsUnder(moved);
    assertThat(copy).as("nothing is created at the old place").doesNotExist();
  }

  /** Every table the night registers is registered inside {@code lake}. */
  private static void assertEveryTableIsUnder(Path lake) {
    MetastoreTables metastore = new MetastoreTables(spark());
    List<TableRef> tables = NightlyPipeline.graph().job("publish.register_tables").inputs();
    int registered = 0;
    for (TableRef table : tables) {
      String name = table.layer().directory() + "." + table.table();
      var location = metastore.location(name);
      if (location.isPresent()) {
        registered++;
        assertThat(LakeLocation.isUnder(lake.toUri(), location.get())).as(name + " at "
            + location.get()).isTrue();
      }
    }
    assertThat(registered).isGreaterThan(tables.size() / 2);
  }
}
