package io.citylake.deploy;

import static io.citylake.deploy.DeployLake.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.lake.SparkSessions;
import io.citylake.testing.SparkTestBase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The application jar on a real Spark standalone cluster: a master and a worker, each its own JVM
 * on loopback, and the nightly submitted to them with {@code SparkSubmit} (client mode, a JVM of
 * its own whose class path is only the Spark home's {@code jars/}, so Delta, Sedona and citylake
 * reach the driver and the executors only through the app jar). Its gold must equal, row for
 * row, the gold of the same night run embedded by the launcher's class path ({@code ./citylake
 * nightly}) on an identical lake. The cluster night registers its tables in a shared Hive
 * metastore service backed by PostgreSQL ({@link SharedMetastore}), the embedded one in its
 * lake's own Derby.
 *
 * <p>Runs in the {@code cluster} profile only, after {@code package} built the app jar and the
 * Spark home ({@code .ci/run} runs it after the suite): a night on a cluster of one 2-core
 * machine takes minutes.
 */
@Tag("cluster")
class StandaloneClusterNightTest extends SparkTestBase {
  private static final Duration NIGHT = Duration.ofMinutes(25);

  @TempDir Path work;

  @Test
  void nightSubmittedToStandaloneClusterWritesTheGoldOfAnEmbeddedNight() throws Exception {
    Path appJar = Path.of(DeployLake.required("citylake.appJar"));
    Path sparkHome = Path.of(DeployLake.required("citylake.sparkHome"));
    assertThat(appJar).as("the app jar (mvn package -Papp-jar)").isRegularFile();
    assertThat(sparkHome.resolve("jars")).as("the Spark home (mvn package -Pcluster)")
        .isDirectory();
    Path target = appJar.getParent();
    Path jvmOptions = JvmProcess.launcherJvmOptions(target);

    Path clusterLake = DeployLake.generate(work, "cluster-lake");
    Path embeddedLake = DeployLake.generate(work, "embedded-lake");

    String launcherClassPath = JvmProcess.launcherClassPath(target);
    List<String> goldTables;
    // the cluster night keeps its tables in a shared metastore service, as a city's cluster does
    try (SharedMetastore metastore = SharedMetastore.start(jvmOptions,
            SharedMetastore.classPath(launcherClassPath), Files.createDirectories(
                work.resolve("metastore")), work.resolve("metastore.log"));
        StandaloneCluster cluster =
            StandaloneCluster.start(jvmOptions, sparkHome, work, 2, "2g")) {
      // the two nights side by side: the cluster's driver mostly waits on its executor
      try (JvmProcess submit = JvmProcess.start(jvmOptions, "2g",
              sparkHome.resolve("jars") + "/*", "org.apache.spark.deploy.SparkSubmit",
              List.of("--master", cluster.masterUrl(), "--deploy-mode", "client",
                  "--class", "io.citylake.cli.CityLakeCli",
                  "--conf", "spark.executor.memory=1g",
                  "--conf", SparkSessions.METASTORE_URIS + "=" + metastore.uri(),
                  appJar.toString(),
                  "nightly", "--date", DAY, "--lake", clusterLake.toUri().toString()),
              StandaloneCluster.environment(sparkHome), work.resolve("submit.log"));
          JvmProcess embedded = JvmProcess.start(jvmOptions, "2g", launcherClassPath,
              "io.citylake.cli.CityLakeCli",
              List.of("nightly", "--date", DAY, "--lake", embeddedLake.toString()), Map.of(),
              work.resolve("embedded.log"))) {
        int submitted = submit.waitFor(NIGHT);
        assertThat(submitted).as("spark-submit of the nightly:\n%s", submit.tail(80)).isZero();
        assertThat(submit.log()).contains("citylake nightly " + DAY + " on file:")
            .containsPattern("run \\S+ for " + DAY + " succeeded");
        int embeddedExit = embedded.waitFor(NIGHT);
        assertThat(embeddedExit).as("embedded nightly:\n%s", embedded.tail(80)).isZero();
      }
      // the work ran on the worker's executor, not in the driver
      assertThat(cluster.workerLog()).contains("Asked to launch executor app-");
      assertThat(finishedTasks(cluster.workDir())).as("tasks the executor finished")
          .isGreaterThan(100);
      // the published tables are in the service's PostgreSQL database, not in a Derby
      goldTables = GoldComparison.tables(spark().sparkContext().hadoopConfiguration(),
          GoldComparison.uri(clusterLake));
      assertThat(metastore.tablesIn("gold")).as("gold tables in the shared metastore")
          .containsAll(goldTables);
    }
    assertThat(goldTables).hasSizeGreaterThan(20);
    assertThat(clusterLake.resolve("_metastore")).as("a Derby metastore of the lake")
        .doesNotExist();

    GoldComparison.assertSameGold(spark(), GoldComparison.uri(clusterLake),
        GoldComparison.uri(embeddedLake), "the cluster night");
  }


  /** Tasks that the executors of the worker's applications logged as finished. */
  private static long finishedTasks(Path workDir) throws IOException {
    try (Stream<Path> files = Files.walk(workDir)) {
      return files.filter(f -> f.getFileName().toString().equals("stderr"))
          .flatMap(f -> {
            try {
              return Files.readAllLines(f, StandardCharsets.UTF_8).stream();
            } catch (IOException e) {
              return Stream.empty();
            }
          })
          .filter(line -> line.contains("Finished task")).count();
    }
  }

}
