package io.citylake.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.citylake.lineage.OpenLineageEvents.Dataset;
import io.citylake.lineage.OpenLineageEvents.RawFileFacet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;

/**
 * The raw files one ingest job recorded in {@code bronze.ingest_ledger}: the ledger rows of one
 * dataset and run in the commits made since a version, read from those commits' log entries and
 * the small Parquet files they added. No Spark job: a Delta read of the ledger plans and runs a
 * job (seconds per ingest job on a busy 2-core machine), while these few files take
 * milliseconds, and their number follows the run's files, not the ledger's history.
 */
public final class IngestedFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private IngestedFiles() {}

  /**
   * The files of {@code dataset} that {@code runId} recorded in the ledger at {@code ledgerPath}
   * in commits after {@code sinceVersion}, as lineage datasets with their fingerprint.
   */
  public static List<Dataset> of(Configuration hadoop, String ledgerPath, long sinceVersion,
      String dataset, String runId) throws IOException {
    List<Dataset> files = new ArrayList<>();
    for (Path data : addedFiles(hadoop, new Path(ledgerPath), sinceVersion, dataset)) {
      try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), data)
          .withConf(hadoop).build()) {
        for (Group row = reader.read(); row != null; row = reader.read()) {
          if (runId.equals(text(row, "run_id"))) {
            long bronze = row.getFieldRepetitionCount("bronze_version") == 0 ? -1
                : row.getLong("bronze_version", 0);
            files.add(new Dataset(text(row, "source_file"), bronze, new RawFileFacet(
                LocalDate.ofEpochDay(row.getInteger("dt", 0)).toString(),
                text(row, "source_sha256"), row.getLong("source_size", 0),
                text(row, "status") == null ? "ingested" : text(row, "status"), bronze)));
          }
        }
      }
    }
    files.sort(Comparator.comparing(Dataset::name));
    return files;
  }

  /** Data files of the {@code dataset} partition added by commits after {@code since}. */
  private static List<Path> addedFiles(Configuration hadoop, Path table, long since,
      String dataset) throws IOException {
    Path log = new Path(table, "_delta_log");
    FileSystem fs = log.getFileSystem(hadoop);
    List<Path> added = new ArrayList<>();
    for (FileStatus commit : fs.listStatus(log, p -> p.getName().matches("\\d{20}\\.json"))) {
      if (Long.parseLong(commit.getPath().getName().substring(0, 20)) <= since) {
        continue;
      }
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(fs.open(commit.getPath()), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          JsonNode add = JSON.readTree(line).path("add");
          if (dataset.equals(add.path("partitionValues").path("dataset").asText(null))) {
            added.add(new Path(table, new Path(uri(add.path("path").asText()))));
          }
        }
      }
    }
    return added;
  }

  private static URI uri(String path) throws IOException {
    try {
      return new URI(path);
    } catch (URISyntaxException e) {
      throw new IOException("Cannot read the ledger's log: a bad file path (got: " + path + ")",
          e);
    }
  }

  private static String text(Group row, String field) {
    return !row.getType().containsField(field) || row.getFieldRepetitionCount(field) == 0 ? null
        : row.getString(field, 0);
  }
}
