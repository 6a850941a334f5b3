package io.citylake.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citylake.lineage.OpenLineageEvents.Dataset;
import io.citylake.lineage.OpenLineageEvents.Event;
import io.citylake.lineage.OpenLineageEvents.RawFileFacet;
import io.citylake.lineage.OpenLineageEvents.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The OpenLineage events' shape, without Spark. */
class OpenLineageEventsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void failEventCarriesTheParentRunVersionsAndTheError() throws Exception {
    Event fail = new Event(Type.FAIL, Instant.parse("2026-11-14T01:02:03Z"), "run-x",
        LocalDate.parse("2026-11-14"), "kpi.walking_minutes", "file:/lake",
        List.of(Dataset.table("silver.points_steps", 7),
            new Dataset("raw/points/steps/dt=2026-11-14/s.csv", 3,
                new RawFileFacet("2026-11-14", "ab12", 10, "ingested", 3))),
        List.of(Dataset.table("gold.walking_minutes_daily", -1)), "Cannot run it: disk full");
    JsonNode event = JSON.readTree(OpenLineageEvents.toJsonLine(fail));

    assertThat(event.path("eventType").asText()).isEqualTo("FAIL");
    assertThat(event.path("eventTime").asText()).isEqualTo("2026-11-14T01:02:03Z");
    assertThat(event.path("schemaURL").asText()).startsWith("https://openlineage.io/spec/2-0-2/");
    JsonNode run = event.path("run");
    assertThat(UUID.fromString(run.path("runId").asText()))
        .isEqualTo(OpenLineageEvents.jobRunId("run-x", "kpi.walking_minutes"))
        .isNotEqualTo(OpenLineageEvents.jobRunId("run-x", "kpi.car_daily_share"));
    assertThat(run.at("/facets/parent/run/runId").asText())
        .isEqualTo(OpenLineageEvents.parentRunId("run-x").toString());
    assertThat(run.at("/facets/parent/job/name").asText()).isEqualTo("pipeline");
    assertThat(run.at("/facets/citylake_run/runId").asText()).isEqualTo("run-x");
    assertThat(run.at("/facets/errorMessage/message").asText())
        .isEqualTo("Cannot run it: disk full");
    assertThat(event.at("/job/namespace").asText()).isEqualTo("citylake");
    assertThat(event.at("/job/name").asText()).isEqualTo("kpi.walking_minutes");
    assertThat(event.at("/inputs/0/name").asText()).isEqualTo("silver.points_steps");
    assertThat(event.at("/inputs/0/namespace").asText()).isEqualTo("file:/lake");
    assertThat(event.at("/inputs/0/facets/version/datasetVersion").asText()).isEqualTo("7");
    assertThat(event.at("/inputs/1/facets/citylake_raw_file/sha256").asText()).isEqualTo("ab12");
    assertThat(event.at("/outputs/0/facets").has("version")).isFalse();
  }
}
