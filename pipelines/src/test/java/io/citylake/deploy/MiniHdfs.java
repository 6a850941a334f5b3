package io.citylake.deploy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HDFS on loopback for the distributed-storage test: Hadoop's own {@code MiniDFSCluster}
 * (one NameNode, one DataNode, the HDFS RPC and data-transfer protocols) in a JVM of its own,
 * started by {@code MiniDFSClusterManager} from {@code hadoop-client-minicluster} beside the
 * launcher's class path, whose shaded {@code hadoop-client-api/runtime} it is built to sit with.
 * Its blocks live in a folder of the test; clients reach it only at {@link #uri()}.
 */
final class MiniHdfs implements AutoCloseable {
  private static final Pattern PORT = Pattern.compile("\"namenode_port\"\\s*:\\s*(\\d+)");
  private static final Duration START = Duration.ofMinutes(3);

  private final JvmProcess process;
  private final int port;

  private MiniHdfs(JvmProcess process, int port) {
    this.process = process;
    this.port = port;
  }

  /**
   * Starts the cluster with its data under {@code dir}; {@code serverJars} is the folder with
   * the minicluster jar (and the JUnit 4 it calls), {@code classPath} the launcher's.
   */
  static MiniHdfs start(Path jvmOptions, Path serverJars, String classPath, Path dir)
      throws Exception {
    Path details = dir.resolve("details.json");
    JvmProcess process = JvmProcess.start(jvmOptions,
        List.of("-Dtest.build.data=" + dir.resolve("data")), "512m",
        serverJars + "/*:" + classPath, "org.apache.hadoop.test.MiniDFSClusterManager",
        List.of("-format", "-datanodes", "1", "-writeDetails", details.toString(),
            "-D", "dfs.namenode.rpc-address=127.0.0.1:0",
            "-D", "dfs.datanode.address=127.0.0.1:0",
            "-D", "dfs.datanode.http.address=127.0.0.1:0",
            "-D", "dfs.datanode.ipc.address=127.0.0.1:0",
            "-D", "dfs.namenode.http-address=127.0.0.1:0"),
        Map.of(), dir, dir.resolve("hdfs.log"));
    try {
      long end = System.nanoTime() + START.toNanos();
      while (System.nanoTime() < end && process.isAlive()) {
        if (Files.isRegularFile(details)) {
          Matcher port = PORT.matcher(Files.readString(details, StandardCharsets.UTF_8));
          if (port.find()) {
            return new MiniHdfs(process, Integer.parseInt(port.group(1)));
          }
        }
        Thread.sleep(250);
      }
      throw new IllegalStateException("HDFS did not start:\n" + process.tail(40));
    } catch (Exception | Error e) {
      process.close();
      throw e;
    }
  }

  /** The file system's root, {@code hdfs://127.0.0.1:PORT}. */
  String uri() {
    return "hdfs://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    process.close();
  }
}
