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
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The lake's lineage events, {@code <lake>/_lineage/<run id>.jsonl}: one OpenLineage event per
 * line, one file per citylake run. Written through Hadoop's {@link FileSystem} like every other
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

  /** The events file of {@code runId}. */
  public Path file(String runId) {
    return new Path(lakeRoot + "/" + FOLDER + "/" + runId + ".jsonl");
  }

  /** Writes {@code lines} (every event of the run so far) as the run's file. */
  public void write(String runId, List<String> lines) throws IOException {
    Path file = file(runId);
    try (OutputStream out = file.getFileSystem(hadoop).create(file, true)) {
      out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  /** The events of {@code runId}, parsed; empty when the run recorded none. */
  public List<JsonNode> read(String runId) {
    Path file = file(runId);
    List<JsonNode> events = new ArrayList<>();
    try {
      FileSystem fs = file.getFileSystem(hadoop);
      if (!fs.exists(file)) {
        return events;
      }
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (!line.isBlank()) {
            events.add(JSON.readTree(line));
          }
        }
      }
    } catch (IOException e) {
      throw CityLakeException.failed("read the lineage of run " + runId, e.getMessage(), e);
    }
    return events;
  }
}
