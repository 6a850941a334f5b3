package io.citylake.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.contract.RawDataset;
import io.citylake.job.JobResult;
import io.citylake.testing.RawFiles;
import io.citylake.testing.SparkTestBase;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Files that leave nothing usable still leave a trace: an empty file and a {@code ;}-separated
 * CSV each get an ingest-ledger row with their status and reason and one warning, once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnusableFilesTest extends SparkTestBase {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 1);

  private static Path file(RawDataset dataset, String name) {
    return RawFiles.delivered(lakeDir(), dataset, DAY, name);
  }

  private static String ledger() {
    return delta(lake().paths().bronze(IngestLedger.TABLE));
  }

  @Test
  @Order(1)
  void anEmptyAndASemicolonFileAreRecordedAndWarnedAbout() {
    RawDataset taps = RawDataset.TRANSIT_TAPS;
    RawFiles.write(file(taps, "taps.csv"), List.of(taps.csvHeader(),
        "t1,IC-1,ic,board,S1,R1,2026-11-01T08:00:00+09:00,210"));
    RawFiles.writeBytes(file(taps, "empty.csv"), new byte[0]);
    RawFiles.write(file(taps, "excel.csv"), List.of(taps.csvHeader().replace(',', ';'),
        "t2;IC-2;ic;board;S1;R1;2026-11-01T08:00:00+09:00;210"));

    JobResult result = new IngestRawDataset(taps).run(context(DAY));

    assertThat(result.warnings()).containsExactlyInAnyOrder(
        "raw/transit/taps/dt=2026-11-01/empty.csv: empty file (0 bytes), nothing ingested",
        "raw/transit/taps/dt=2026-11-01/excel.csv: unusable, fields separated by ';', not by"
            + " ','; its lines are kept in bronze and quarantined");
    assertThat(rows("SELECT element_at(split(source_file, '/'), -1), status, reason FROM "
        + ledger() + " WHERE dataset = 'transit_taps' ORDER BY 1"))
        .extracting(r -> r.getString(0) + " " + r.getString(1) + " " + r.getString(2))
        .containsExactly("empty.csv empty empty file (0 bytes)",
            "excel.csv unusable fields separated by ';', not by ','",
            "taps.csv ingested null");
    assertThat(rows("SELECT _parse_error FROM " + delta(lake().paths().bronze("transit_taps"))
        + " WHERE _source_file LIKE '%excel.csv'")).singleElement()
        .satisfies(r -> assertThat(r.getString(0)).isEqualTo("fields separated by ';', not by ','"));
  }

  @Test
  @Order(2)
  void theNextNightNeitherRecordsNorWarnsAgain() {
    long before = rows("SELECT count(*) FROM " + ledger()).get(0).getLong(0);

    JobResult result = new IngestRawDataset(RawDataset.TRANSIT_TAPS).run(context(DAY));

    assertThat(result.warnings()).isEmpty();
    assertThat(rows("SELECT count(*) FROM " + ledger()).get(0).getLong(0)).isEqualTo(before);
  }

  @Test
  @Order(3)
  void anEmptyFileOfADatasetWithoutBronzeIsRecordedOnce() {
    RawFiles.writeBytes(file(RawDataset.TRANSIT_ARRIVALS, "arrivals.csv"), new byte[0]);

    JobResult first = new IngestRawDataset(RawDataset.TRANSIT_ARRIVALS).run(context(DAY));
    JobResult second = new IngestRawDataset(RawDataset.TRANSIT_ARRIVALS).run(context(DAY));

    assertThat(first.warnings()).singleElement().asString().contains("arrivals.csv: empty file");
    assertThat(second.warnings()).isEmpty();
    assertThat(rows("SELECT status, bronze_version FROM " + ledger()
        + " WHERE dataset = 'transit_arrivals'")).singleElement()
        .satisfies(r -> assertThat(r.getString(0) + " " + r.getLong(1)).isEqualTo("empty -1"));
  }
}
