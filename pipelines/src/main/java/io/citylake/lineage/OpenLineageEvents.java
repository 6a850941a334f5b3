package io.citylake.lineage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * OpenLineage 2-0-2 {@code RunEvent}s as JSON, written by citylake with Jackson. The OpenLineage
 * Java client ({@code io.openlineage:openlineage-java}) resolves from Maven Central but needs
 * Jackson 2.18, which Spark 3.5's Jackson 2.15 (and its Scala module's version check) refuses, so
 * the events follow the published schema here instead: the standard {@code parent},
 * {@code errorMessage} and dataset {@code version} facets, plus two citylake facets (the run's
 * own id and day, and a raw file's fingerprint). Pure: no Spark, no I/O.
 */
public final class OpenLineageEvents {
  /** The job namespace of every citylake job. */
  public static final String NAMESPACE = "citylake";
  /** The parent job every job run of a citylake run belongs to. */
  public static final String PARENT_JOB = "pipeline";
  static final String PRODUCER = "https://github.com/citylake/citylake";
  static final String SCHEMA = "https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent";
  private static final String FACETS = "https://openlineage.io/spec/facets/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private OpenLineageEvents() {}

  /** START, COMPLETE or FAIL, as OpenLineage spells them. */
  public enum Type { START, COMPLETE, FAIL }

  /**
   * A dataset of an event: a Delta table ({@code silver.points_steps}, {@code version} its Delta
   * version, -1 when unknown) or a raw file (lake-relative path, with its fingerprint).
   */
  public record Dataset(String name, long version, RawFileFacet rawFile) {
    public static Dataset table(String name, long version) {
      return new Dataset(name, version, null);
    }
  }

  /** A raw file as the ingest ledger knows it. */
  public record RawFileFacet(String dt, String sha256, long size, String status,
      long bronzeVersion) {}

  /** One job run's event; {@code error} is set for FAIL only. */
  public record Event(Type type, Instant time, String runId, LocalDate day, String job,
      String namespace, List<Dataset> inputs, List<Dataset> outputs, String error) {
    public Event {
      inputs = List.copyOf(inputs);
      outputs = List.copyOf(outputs);
    }
  }

  /** The OpenLineage run id of one job of a citylake run: the same for its START and end. */
  public static UUID jobRunId(String runId, String job) {
    return UUID.nameUUIDFromBytes((runId + "/" + job).getBytes(StandardCharsets.UTF_8));
  }

  /** The OpenLineage run id of the citylake run itself (the parent of its job runs). */
  public static UUID parentRunId(String runId) {
    return UUID.nameUUIDFromBytes(runId.getBytes(StandardCharsets.UTF_8));
  }

  /** The event as one line of JSON. */
  public static String toJsonLine(Event event) {
    ObjectNode root = JSON.createObjectNode();
    root.put("eventType", event.type().name());
    root.put("eventTime", event.time().toString());
    ObjectNode run = root.putObject("run");
    run.put("runId", jobRunId(event.runId(), event.job()).toString());
    ObjectNode runFacets = run.putObject("facets");
    ObjectNode parent = facet(runFacets, "parent", FACETS
        + "1-1-0/ParentRunFacet.json#/$defs/ParentRunFacet");
    parent.putObject("run").put("runId", parentRunId(event.runId()).toString());
    parent.putObject("job").put("namespace", NAMESPACE).put("name", PARENT_JOB);
    facet(runFacets, "citylake_run", PRODUCER + "/facets/CitylakeRunFacet.json")
        .put("runId", event.runId()).put("day", event.day().toString());
    if (event.error() != null) {
      facet(runFacets, "errorMessage", FACETS
          + "1-0-1/ErrorMessageRunFacet.json#/$defs/ErrorMessageRunFacet")
          .put("message", event.error()).put("programmingLanguage", "Java");
    }
    root.putObject("job").put("namespace", NAMESPACE).put("name", event.job());
    datasets(root.putArray("inputs"), event.namespace(), event.inputs());
    datasets(root.putArray("outputs"), event.namespace(), event.outputs());
    root.put("producer", PRODUCER);
    root.put("schemaURL", SCHEMA);
    return root.toString();
  }

  private static void datasets(ArrayNode array, String namespace, List<Dataset> datasets) {
    for (Dataset dataset : datasets) {
      ObjectNode node = array.addObject().put("namespace", namespace)
          .put("name", dataset.name());
      ObjectNode facets = node.putObject("facets");
      if (dataset.version() >= 0) {
        facet(facets, "version", FACETS
            + "1-0-1/DatasetVersionDatasetFacet.json#/$defs/DatasetVersionDatasetFacet")
            .put("datasetVersion", String.valueOf(dataset.version()));
      }
      RawFileFacet raw = dataset.rawFile();
      if (raw != null) {
        facet(facets, "citylake_raw_file", PRODUCER + "/facets/CitylakeRawFileFacet.json")
            .put("dt", raw.dt()).put("sha256", raw.sha256()).put("size", raw.size())
            .put("status", raw.status()).put("bronzeVersion", raw.bronzeVersion());
      }
    }
  }

  private static ObjectNode facet(ObjectNode facets, String name, String schemaUrl) {
    return facets.putObject(name).put("_producer", PRODUCER).put("_schemaURL", schemaUrl);
  }
}
