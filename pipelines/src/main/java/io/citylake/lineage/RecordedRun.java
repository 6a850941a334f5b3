package io.citylake.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import io.citylake.lineage.OpenLineageEvents.Type;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The lineage events one citylake run recorded ({@link LineageLog}), asked by job: which Delta
 * versions a job read (its START) and wrote (its COMPLETE). Empty for a run from before lineage
 * was recorded.
 */
public record RecordedRun(String runId, List<JsonNode> events) {
  public RecordedRun {
    events = List.copyOf(events);
  }

  /** Per table, the Delta version {@code job} read when it started. */
  public Map<String, Long> read(String job) {
    return versions(Type.START, job, "inputs");
  }

  /** Per table, the Delta version {@code job} had written when it completed. */
  public Map<String, Long> written(String job) {
    return versions(Type.COMPLETE, job, "outputs");
  }

  private Map<String, Long> versions(Type type, String job, String side) {
    Map<String, Long> versions = new TreeMap<>();
    event(type, job).ifPresent(event -> event.path(side).forEach(dataset -> {
      JsonNode version = dataset.path("facets").path("version").path("datasetVersion");
      if (!version.isMissingNode()) {
        versions.put(dataset.path("name").asText(), Long.parseLong(version.asText()));
      }
    }));
    return versions;
  }

  private Optional<JsonNode> event(Type type, String job) {
    return events.stream().filter(e -> type.name().equals(e.path("eventType").asText())
        && job.equals(e.path("job").path("name").asText())).reduce((first, last) -> last);
  }
}
