package io.citylake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.job.JobResult;
import io.citylake.pipeline.JobOutcome;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-night figures that are not timings: stage sums, raw lines and files written. */
class NightMeasurementTest {
  private static JobOutcome ran(String job, double seconds) {
    return JobOutcome.succeeded(new JobResult(job, 0, 0, 0, Map.of(), seconds));
  }

  @Test
  void stageSecondsSumTheJobsOfEachNamePrefix() {
    Map<String, Double> stages = NightMeasurement.stageSeconds(List.of(
        ran("ingest.transit_taps", 2.0), ran("ingest.points_steps", 1.5),
        ran("kpi.walking_minutes", 4.0), JobOutcome.skipped("report.kpi_report", "upstream")));

    assertThat(stages).containsExactly(Map.entry("ingest", 3.5), Map.entry("conform", 0.0),
        Map.entry("kpi", 4.0), Map.entry("spatial", 0.0), Map.entry("publish", 0.0),
        Map.entry("report", 0.0));
  }

  @Test
  void rawLinesCountEveryFileOfTheDayLessCsvHeaders(@TempDir Path lake) throws Exception {
    Path taps = lake.resolve("raw/transit/taps/dt=2026-11-01");
    Files.createDirectories(taps);
    Files.writeString(taps.resolve("taps.csv"), "h1,h2\na,b\nc,d\n");
    try (OutputStream out = new GZIPOutputStream(
        Files.newOutputStream(taps.resolve("taps-late.csv.gz")))) {
      out.write("h1,h2\ne,f".getBytes(StandardCharsets.UTF_8)); // no final newline
    }
    Files.writeString(taps.resolve("_SUCCESS"), "marker\n");
    Path json = lake.resolve("raw/points/transactions/dt=2026-11-01");
    Files.createDirectories(json);
    Files.writeString(json.resolve("t.jsonl"), "{}\n{}\n{\n");
    Path otherDay = lake.resolve("raw/points/transactions/dt=2026-11-02");
    Files.createDirectories(otherDay);
    Files.writeString(otherDay.resolve("t.jsonl"), "{}\n");

    assertThat(RawDayLines.count(lake, LocalDate.of(2026, 11, 1))).isEqualTo(2 + 1 + 3);
  }

  @Test
  void censusCountsNewCommitsAndDataFilesButNotCheckpoints(@TempDir Path lake) throws Exception {
    Path log = lake.resolve("silver/points_steps/_delta_log");
    Files.createDirectories(log);
    Files.writeString(log.resolve("00000000000000000000.json"), "{}");
    Files.writeString(lake.resolve("silver/points_steps/part-0.parquet"), "");
    LakeFileCensus before = LakeFileCensus.of(lake);
    Files.writeString(log.resolve("00000000000000000001.json"), "{}");
    Files.writeString(log.resolve("00000000000000000001.checkpoint.parquet"), "");
    Files.writeString(log.resolve(".00000000000000000001.json.crc"), "");
    Path dt = lake.resolve("silver/points_steps/dt=2026-11-01");
    Files.createDirectories(dt);
    Files.writeString(dt.resolve("part-1.parquet"), "");
    Files.writeString(dt.resolve("part-2.parquet"), "");
    Files.createDirectories(lake.resolve("raw"));
    Files.writeString(lake.resolve("raw/not-a-layer.parquet"), "");

    assertThat(LakeFileCensus.of(lake).since(before)).isEqualTo(new LakeFileCensus.Writes(1, 2));
  }
}
