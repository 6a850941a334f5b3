package io.citylake.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citylake.lake.CityLakeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The {@link InputVersions} each job's outputs were last computed from, one small JSON file per
 * job under {@code <lake>/_state/job-inputs/}. It only saves work: a missing or unreadable file
 * makes the job run. Files travel with a copied lake, together with the tables they describe.
 */
public final class LastInputs {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final JobContext context;

  public LastInputs(JobContext context) {
    this.context = context;
  }

  public Optional<InputVersions> of(Job job) {
    Path file = file(job);
    try {
      FileSystem fs = fs(file);
      if (!fs.exists(file)) {
        return Optional.empty();
      }
      JsonNode node;
      try (InputStream in = fs.open(file)) {
        node = JSON.readTree(in);
      }
      Map<String, Long> versions = new TreeMap<>();
      node.path("versions").fields().forEachRemaining(e -> versions.put(e.getKey(),
          e.getValue().asLong()));
      return Optional.of(new InputVersions(LocalDate.parse(node.path("day").asText()),
          node.path("settings").asText(), node.path("build").asText(), versions));
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty(); // a half-written or foreign file: run the job
    }
  }

  public void record(Job job, InputVersions versions) {
    ObjectNode node = JSON.createObjectNode();
    node.put("job", job.name());
    node.put("day", versions.day().toString());
    node.put("settings", versions.settings());
    node.put("build", versions.build());
    ObjectNode tables = node.putObject("versions");
    new TreeMap<>(versions.versions()).forEach(tables::put);
    Path file = file(job);
    try (OutputStream out = fs(file).create(file, true)) {
      JSON.writerWithDefaultPrettyPrinter().writeValue(out, node);
    } catch (IOException e) {
      throw CityLakeException.failed("record the inputs of " + job.name(), e.getMessage(), e);
    }
  }

  private Path file(Job job) {
    return new Path(context.paths().state() + "/job-inputs/" + job.name() + ".json");
  }

  private FileSystem fs(Path file) throws IOException {
    return file.getFileSystem(context.spark().sparkContext().hadoopConfiguration());
  }
}
