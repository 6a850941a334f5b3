package io.citylake.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.job.TableRef;
import io.citylake.testing.SharedResources;
import io.citylake.testing.SparkTestBase;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Registering lake tables in the embedded metastore, as {@code publish.register_tables} does for
 * about seventy tables a first night: Hive must not fork a process per table folder (it did, an
 * {@code ls -ld} each, copying the warehouse's permissions; docs/performance.md, fifteenth round).
 * The JVM's own {@code jdk.ProcessStart} events are the witness.
 */
@ResourceLock(SharedResources.METASTORE)
class MetastoreTablesTest extends SparkTestBase {
  private static final TableRef FIRST = TableRef.silver("metastore_tables_first");
  private static final TableRef PROBE = TableRef.silver("metastore_tables_probe");

  @Test
  void registeringATableStartsNoProcess(@TempDir Path dir) throws Exception {
    String location = dir.resolve("probe").toUri().toString();
    spark().range(3).write().format("delta").save(location);
    MetastoreTables metastore = new MetastoreTables(spark());
    // the first registration of the JVM looks up the user's groups and the page size once
    // (forked by Hadoop); this one is not watched
    metastore.register(FIRST, location, "first");
    metastore.drop(PROBE);
    List<String> commands = new CopyOnWriteArrayList<>();
    try (RecordingStream events = new RecordingStream()) {
      events.enable("jdk.ProcessStart");
      events.onEvent("jdk.ProcessStart", e -> commands.add(e.getString("command")));
      events.startAsync();

      metastore.register(PROBE, location, "probe");

      // a process of our own, so the events up to here have been delivered once it is seen
      new ProcessBuilder("true").start().waitFor();
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (commands.stream().noneMatch("true"::equals) && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
    }

    assertThat(commands).containsExactly("true");
    assertThat(metastore.location("silver.metastore_tables_probe")).isPresent();
    assertThat(spark().table("silver.metastore_tables_probe").count()).isEqualTo(3);
    metastore.drop(PROBE);
    metastore.drop(FIRST);
  }
}
