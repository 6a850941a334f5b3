package io.citylake.cli;

import static io.citylake.cli.CliRun.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citylake.testing.RawFiles;
import io.citylake.testing.SharedResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * {@code citylake ingest --ngsi-ld}: a bad path fails in one line; the Smart Data Models examples
 * are staged byte for byte into the raw layout and every attribute reaches bronze.
 */
@Order(5)
@ResourceLock(SharedResources.METASTORE)
class IngestNgsiLdCommandTest {
  private static final Path EXAMPLES = RawFiles.sharedReferenceData().resolve("ngsi-ld");
  @TempDir Path dir;

  private Path emptyLake() throws IOException {
    return Files.createDirectories(dir.resolve("lake/raw")).getParent();
  }

  @Test
  void missingExportIsOneLine() throws IOException {
    Path missing = dir.resolve("no-such-export.jsonld");
    CliRun outcome = run("ingest", "--ngsi-ld", missing.toString(), "--lake",
        emptyLake().toString());
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err().lines().toList()).containsExactly("citylake ingest: Cannot stage"
        + " NGSI-LD export: no such file or folder (got: " + missing + ")");
  }

  @Test
  void aFolderWithoutNgsiLdFilesIsOneLine() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("export"));
    Files.writeString(folder.resolve("notes.txt"), "not an export");
    CliRun outcome = run("ingest", "--ngsi-ld", folder.toString(), "--lake",
        emptyLake().toString());
    assertThat(outcome.exitCode()).isEqualTo(2);
    assertThat(outcome.err().lines().toList()).containsExactly("citylake ingest: Cannot stage"
        + " NGSI-LD export: the folder holds no NGSI-LD file (.jsonld or .jsonld.gz, .json or"
        + " .json.gz, .jsonl or .jsonl.gz) (got: " + folder + ")");
  }

  @Test
  void theSmartDataModelsExamplesAreStagedAndEveryAttributeIngested() throws IOException {
    Path lake = emptyLake();
    CliRun outcome = run("ingest", "--ngsi-ld", EXAMPLES.toString(), "--date", "2026-11-01",
        "--lake", lake.toString());

    assertThat(outcome.exitCode()).as(outcome.out() + outcome.err()).isZero();
    assertThat(outcome.out()).contains("staged 6 NGSI-LD file(s)")
        .contains("ingest.sensors_ngsi_ld");
    Path staged = lake.resolve("raw/sensors/ngsi_ld/dt=2026-11-01");
    long attributes = 0;
    List<Path> examples;
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      examples = files.filter(f -> f.toString().endsWith(".jsonld")).toList();
    }
    for (Path example : examples) {
      assertThat(staged.resolve(example.getFileName())).hasSameBinaryContentAs(example);
      JsonNode entity = new ObjectMapper().readTree(example.toFile());
      attributes += entity.size() - 3; // all but id, type and @context
    }
    long bronze = SparkSession.active().read().format("delta")
        .load(lake.resolve("bronze/sensors_ngsi_ld").toString())
        .filter("_parse_error IS NULL AND attribute IS NOT NULL").count();
    assertThat(bronze).isEqualTo(attributes);
  }
}
