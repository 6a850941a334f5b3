package io.citylake.deploy;

import static io.citylake.deploy.DeployLake.DAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.testing.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly, unchanged, with the lake on distributed storage: on a real HDFS (a
 * {@code MiniDFSCluster} on loopback, {@code --lake hdfs://127.0.0.1:PORT/lake}) and on an
 * S3-compatible server (s3proxy on loopback, {@code --lake s3a://BUCKET/lake} through Hadoop's
 * s3a with path-style access). Each night runs in its own JVM from the launcher's class path, as
 * {@code ./citylake nightly} would, with only the storage settings added: the s3a settings as
 * {@code -Dspark.hadoop.fs.s3a.*} system properties and the credentials in the environment. The
 * raw lake is copied in through Hadoop's file systems; the gold of each night must equal, row
 * for row, the gold of an embedded night on a local copy of the same lake.
 *
 * <p>The three nights run side by side, once for the class; runs in the {@code cluster} profile
 * only (it needs the storage servers the profile copies to {@code target/storage-servers}).
 */
@Tag("cluster")
class DistributedStorageNightTest extends SparkTestBase {
  private static final Duration NIGHT = Duration.ofMinutes(30);
  private static final String BUCKET = "citylake";

  @TempDir static Path work;

  private static MiniHdfs hdfs;
  private static LocalS3Server s3;
  private static Path embeddedLake;
  private static String hdfsLake;
  private static String s3Lake;
  private static Night embeddedNight;
  private static Night hdfsNight;
  private static Night s3Night;

  /** One night's process: its exit code, log, working directory and wall time. */
  private record Night(String name, int exit, String log, String tail, Path directory,
      double seconds) {}

  @BeforeAll
  static void threeNights() throws Exception {
    Path target = Path.of(DeployLake.required("citylake.appJar")).getParent();
    Path servers = Path.of(DeployLake.required("citylake.storageServers"));
    Path jvmOptions = JvmProcess.launcherJvmOptions(target);
    String launcherClassPath = JvmProcess.launcherClassPath(target);

    embeddedLake = DeployLake.generate(work, "embedded-lake");

    hdfs = MiniHdfs.start(jvmOptions, servers.resolve("hdfs"), launcherClassPath,
        Files.createDirectories(work.resolve("hdfs")));
    s3 = LocalS3Server.start(jvmOptions, servers.resolve("s3proxy/s3proxy.jar"),
        Files.createDirectories(work.resolve("s3")), BUCKET);
    hdfsLake = hdfs.uri() + "/lake";
    s3Lake = "s3a://" + BUCKET + "/lake";

    // this JVM's session reads both lakes' gold; the s3a settings go to it as to any client
    Configuration conf = spark().sparkContext().hadoopConfiguration();
    s3.s3aSettings().forEach(conf::set);
    conf.set("fs.s3a.access.key", s3.accessKey());
    conf.set("fs.s3a.secret.key", s3.secretKey());
    copyRawLake(conf, embeddedLake, hdfsLake);
    copyRawLake(conf, embeddedLake, s3Lake);

    List<String> s3Options = new ArrayList<>();
    s3.s3aSettings().forEach((k, v) -> s3Options.add("-Dspark.hadoop." + k + "=" + v));
    // s3a's default credential chain reads AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY
    Map<String, String> s3Env = Map.of("AWS_ACCESS_KEY_ID", s3.accessKey(),
        "AWS_SECRET_ACCESS_KEY", s3.secretKey());
    // what a city adds to the class path for s3a: hadoop-aws and its AWS SDK bundle
    String s3aJars = jarOf("org.apache.hadoop.fs.s3a.S3AFileSystem") + ":"
        + jarOf("com.amazonaws.services.s3.AmazonS3");

    List<Night> nights = runSideBySide(jvmOptions, List.of(
        new Start("embedded", List.of(), launcherClassPath, embeddedLake.toString(), Map.of()),
        new Start("hdfs", List.of(), launcherClassPath, hdfsLake, Map.of()),
        new Start("s3", s3Options, launcherClassPath + ":" + s3aJars, s3Lake, s3Env)));
    embeddedNight = nights.get(0);
    hdfsNight = nights.get(1);
    s3Night = nights.get(2);
    for (Night night : nights) {
      System.out.printf("%s night: exit %d in %.1f s%n", night.name(), night.exit(),
          night.seconds());
    }
  }

  @AfterAll
  static void stopServers() {
    if (s3 != null) {
      s3.close();
    }
    if (hdfs != null) {
      hdfs.close();
    }
  }

  @Test
  void nightWithTheLakeOnHdfsWritesTheGoldOfAnEmbeddedNight() throws Exception {
    assertSucceeded(hdfsNight, hdfsLake);
    assertThat(hdfsLake).startsWith("hdfs://127.0.0.1:");
    assertSameGold(hdfsLake);
  }

  @Test
  void nightWithTheLakeOnS3WritesTheGoldOfAnEmbeddedNight() throws Exception {
    assertSucceeded(s3Night, s3Lake);
    assertSameGold(s3Lake);
  }

  private static void assertSucceeded(Night night, String lake) throws Exception {
    assertThat(embeddedNight.exit()).as("embedded nightly:\n%s", embeddedNight.tail()).isZero();
    assertThat(night.exit()).as("nightly on %s:\n%s", lake, night.tail()).isZero();
    assertThat(night.log()).contains("citylake nightly " + DAY + " on " + lake)
        .containsPattern("run \\S+ for " + DAY + " succeeded");
    // nothing of the lake landed on the local disk: the night's working directory holds only
    // Spark's default Derby metastore (a remote lake brings no metastore of its own)
    try (Stream<Path> entries = Files.list(night.directory())) {
      assertThat(entries.map(p -> p.getFileName().toString()).toList())
          .as("files the night wrote to its working directory")
          .isSubsetOf("metastore_db", "derby.log", "spark-warehouse");
    }
  }

  private static void assertSameGold(String lake) throws Exception {
    GoldComparison.assertSameGold(spark(), lake, GoldComparison.uri(embeddedLake),
        "the night on " + lake);
  }

  /** A night to start: JVM options, class path, lake and added environment. */
  private record Start(String name, List<String> options, String classPath, String lake,
      Map<String, String> env) {}

  private static List<Night> runSideBySide(Path jvmOptions, List<Start> starts)
      throws Exception {
    List<JvmProcess> processes = new ArrayList<>();
    List<Path> directories = new ArrayList<>();
    long begin = System.nanoTime();
    try {
      for (Start start : starts) {
        Path dir = Files.createDirectories(work.resolve(start.name() + "-night"));
        directories.add(dir);
        processes.add(JvmProcess.start(jvmOptions, start.options(), "2g", start.classPath(),
            "io.citylake.cli.CityLakeCli",
            List.of("nightly", "--date", DAY, "--lake", start.lake()), start.env(), dir,
            work.resolve(start.name() + ".log")));
      }
      List<Night> nights = new ArrayList<>();
      for (int i = 0; i < starts.size(); i++) {
        JvmProcess process = processes.get(i);
        int exit = process.waitFor(NIGHT);
        double seconds = (System.nanoTime() - begin) / 1e9;
        nights.add(new Night(starts.get(i).name(), exit, process.log(), process.tail(80),
            directories.get(i), seconds));
      }
      return nights;
    } finally {
      processes.forEach(JvmProcess::close);
    }
  }

  /** Copies the delivered part of a local lake ({@code raw/}, {@code reference/}) to {@code lake}. */
  private static void copyRawLake(Configuration conf, Path local, String lake) throws Exception {
    FileSystem localFs = FileSystem.getLocal(conf);
    org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(lake);
    FileSystem fs = root.getFileSystem(conf);
    for (String folder : List.of("raw", "reference")) {
      boolean copied = FileUtil.copy(localFs,
          new org.apache.hadoop.fs.Path(local.resolve(folder).toUri()), fs,
          new org.apache.hadoop.fs.Path(root, folder), false, conf);
      assertThat(copied).as("%s copied to %s", folder, lake).isTrue();
    }
  }

  /** The jar a class of the test's class path comes from. */
  private static String jarOf(String className) throws Exception {
    return Path.of(Class.forName(className).getProtectionDomain().getCodeSource().getLocation()
        .toURI()).toString();
  }

}
