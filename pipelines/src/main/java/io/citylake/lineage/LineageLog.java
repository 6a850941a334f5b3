package io.citylake.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citylake.lake.CityLakeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The lake's lineage events, {@code <lake>/_lineage/<run id>.jsonl}: one OpenLineage event per
 * line, one file per citylake run (and process). Written through Hadoop's {@link FileSystem} like every other
 * lake write, so it works on HDFS and S3; S3 cannot append, so each new event rewrites its run's
 * small file whole (a run's events stay readable if the run dies midway).
 */
public final class LineageLog {
  /** Folder of the events below the lake root. */
  public static final String FOLDER = "_lineage";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String lakeRoot;
  private final Configuration hadoop;

  public LineageLog(String lakeRoot, Configuration hadoop) {
    this.lakeRoot = lakeRoot;
    this.hadoop = hadoop;
  }

  /**
   * A new, empty events file for {@code runId}: {@code <run id>.jsonl}, or, when another process
   * of the same run id (two Airflow tasks started in the same second) has that one,
   * {@code <run id>-<random>.jsonl}, so neither overwrites the other's events.
   */
  public Path claim(String runId) throws IOException {
    Path file = new Path(folder(), runId + ".jsonl");
    FileSystem fs = file.getFileSystem(hadoop);
    try {
      fs.create(file, false).close();
      return file;
    } catch (FileAlreadyExistsException taken) {
      Path own = new Path(folder(), runId + "-" + UUID.randomUUID() + ".jsonl");
      fs.create(own, false).close();
      return own;
    }
  }

  /** Writes {@code lines} (every event of the run so far) as the claimed {@code file}. */
  public void write(Path file, List<String> lines) throws IOException {
    try (OutputStream out = file.getFileSystem(hadoop).create(file, true)) {
      out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The events of {@code runId} (all of its files), parsed; empty when it recorded none. */
  public List<JsonNode> read(String runId) {
    List<JsonNode> events = new ArrayList<>();
    try {
      FileSystem fs = folder().getFileSystem(hadoop);
      if (!fs.exists(folder())) {
        return events;
      }
      for (FileStatus file : fs.listStatus(folder(), p -> p.getName().equals(runId + ".jsonl")
          || p.getName().startsWith(runId + "-") && p.getName().endsWith(".jsonl"))) {
        try (BufferedReader in = new BufferedReader(
            new InputStreamReader(fs.open(file.getPath()), StandardCharsets.UTF_8))) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (!line.isBlank()) {
              events.add(JSON.readTree(line));
            }
          }
        }
      }
    } catch (IOException e) {
      throw CityLakeException.failed("read the lineage of run " + runId, e.getMessage(), e);
    }
    return events;
  }

  private Path folder() {
    return new Path(lakeRoot + "/" + FOLDER);
  }
}
