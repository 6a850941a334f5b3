package io.citylake.lineage;

import java.util.List;
import java.util.Map;

/**
 * Where one gold figure came from: the gold table's rows of one period, the KPI job run and the
 * Delta version that wrote them, the silver rows they were computed from (by delivery day, with
 * the conform run and versions that built each day), and the raw files those rows came from.
 * Versions are -1 where the lake recorded none (a run from before lineage was recorded).
 *
 * @param period the first day of the gold period containing {@code day} (the day itself for a
 *     daily table)
 */
public record Lineage(String table, String day, String period, long goldRows,
    List<GoldWrite> gold, List<SilverSource> silver, List<RawFileUse> rawFiles) {
  public Lineage {
    gold = List.copyOf(gold);
    silver = List.copyOf(silver);
    rawFiles = List.copyOf(rawFiles);
  }

  /**
   * The KPI job run that wrote the period's rows: the gold version it wrote and the version of
   * each table it read.
   */
  public record GoldWrite(String job, String runId, long rows, long version,
      Map<String, Long> read) {
    public GoldWrite {
      read = Map.copyOf(read);
    }
  }

  /**
   * A silver table the KPI read, at the version it read: its rows that feed the period
   * ({@code feeds}: the KPI's declared expression of the days a row affects), the job that
   * conforms it from {@code bronze}, and the delivery days those rows sit in.
   */
  public record SilverSource(String table, long version, String feeds, long rows,
      String conformJob, String bronze, List<SilverDay> days) {
    public SilverSource {
      days = List.copyOf(days);
    }
  }

  /** One delivery day of silver rows: the conform run that last built it and its versions. */
  public record SilverDay(String dt, long rows, String conformRunId, long bronzeVersionRead,
      long silverVersionWritten) {}

  /** A raw file whose rows reached those silver rows, as the ingest ledger fingerprinted it. */
  public record RawFileUse(String path, String dt, String sha256, long bronzeVersion,
      String ingestJob, String ingestRunId, String silverTable, long rows) {}
}
