package io.citylake.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on loopback: a master and one worker, each its own JVM, started
 * from a Spark home whose {@code jars/} folder the build assembled from the project's own
 * dependencies (the {@code cluster} profile of pipelines/pom.xml). The worker launches its
 * executors as {@code java -cp $SPARK_HOME/jars/*}, as on a real cluster, so the application
 * classes reach them only through the submitted jar.
 */
final class StandaloneCluster implements AutoCloseable {
  private static final Pattern MASTER_URL = Pattern.compile("Starting Spark master at (spark://\\S+)");
  private static final Duration START = Duration.ofMinutes(3);

  private final JvmProcess master;
  private final JvmProcess worker;
  private final String masterUrl;
  private final Path workDir;

  private StandaloneCluster(JvmProcess master, JvmProcess worker, String masterUrl,
      Path workDir) {
    this.master = master;
    this.worker = worker;
    this.masterUrl = masterUrl;
    this.workDir = workDir;
  }

  /** The environment the worker (and spark-submit) need to find the Spark home's jars. */
  static Map<String, String> environment(Path sparkHome) {
    // SPARK_SCALA_VERSION: without it the launcher looks for a Spark source build's
    // launcher/target/scala-2.1x folder to learn the Scala version, and a distribution has none
    return Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.12",
        "SPARK_LOCAL_IP", "127.0.0.1");
  }

  /** Starts a master and a worker with {@code cores} cores and {@code memory} for executors. */
  static StandaloneCluster start(Path jvmOptions, Path sparkHome, Path dir, int cores,
      String memory) throws Exception {
    String jars = sparkHome.resolve("jars") + "/*";
    Map<String, String> env = environment(sparkHome);
    JvmProcess master = JvmProcess.start(jvmOptions, "256m", jars,
        "org.apache.spark.deploy.master.Master",
        List.of("--host", "127.0.0.1", "--port", "0", "--webui-port", "0"), env,
        dir.resolve("master.log"));
    try {
      if (!master.awaitLog("I have been elected leader", START)) {
        throw new IllegalStateException("the Spark master did not start:\n" + master.tail(40));
      }
      Matcher url = MASTER_URL.matcher(master.log());
      if (!url.find()) {
        throw new IllegalStateException("no master URL in the master's log:\n" + master.tail(40));
      }
      Path workDir = Files.createDirectories(dir.resolve("work"));
      JvmProcess worker = JvmProcess.start(jvmOptions, "256m", jars,
          "org.apache.spark.deploy.worker.Worker",
          List.of("--host", "127.0.0.1", "--cores", String.valueOf(cores), "--memory", memory,
              "--work-dir", workDir.toString(), "--webui-port", "0", url.group(1)),
          env, dir.resolve("worker.log"));
      if (!worker.awaitLog("Successfully registered with master", START)) {
        worker.close();
        throw new IllegalStateException("the Spark worker did not register:\n" + worker.tail(40));
      }
      return new StandaloneCluster(master, worker, url.group(1), workDir);
    } catch (Exception | Error e) {
      master.close();
      throw e;
    }
  }

  String masterUrl() {
    return masterUrl;
  }

  String workerLog() {
    return worker.log();
  }

  /** The worker's folder of application runs: {@code app-*}/{@code N}/{@code stderr}. */
  Path workDir() {
    return workDir;
  }

  @Override
  public void close() {
    worker.close();
    master.close();
  }
}
