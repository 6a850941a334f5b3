package io.citylake.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citylake.contract.RawDataset;
import io.citylake.lake.LakeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit code 3 means exactly: no dated raw dataset has a data file for the day. */
class RawDeliveryTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 3);

  private static RawDelivery delivery(Path lake) {
    return new RawDelivery(new Configuration(), LakeConfig.local(lake).paths());
  }

  private static Path partition(Path lake, RawDataset dataset, LocalDate day) throws IOException {
    return Files.createDirectories(lake.resolve(dataset.rawPath()).resolve("dt=" + day));
  }

  @Test
  void aDayWithOneDataFileInAnyDatasetIsDelivered(@TempDir Path lake) throws IOException {
    RawDataset last = RawDataset.values()[RawDataset.values().length - 1];
    Files.writeString(partition(lake, last, DAY).resolve("part-1.csv"), "a,b\n");

    assertThat(delivery(lake).delivered(DAY)).isTrue();
    assertThat(delivery(lake).delivered(DAY.plusDays(1))).isFalse();
  }

  @Test
  void emptyFoldersAndMarkerFilesAreNotADelivery(@TempDir Path lake) throws IOException {
    Path folder = partition(lake, RawDataset.values()[0], DAY);
    Files.writeString(folder.resolve("_SUCCESS"), "");
    Files.writeString(folder.resolve(".part-1.csv.crc"), "");
    Files.createDirectories(folder.resolve("nested"));

    assertThat(delivery(lake).delivered(DAY)).isFalse();
    assertThatThrownBy(() -> delivery(lake).require(DAY))
        .isInstanceOf(NothingToRunException.class)
        .hasMessage("Cannot run the night of 2026-11-03: nothing delivered, no raw dataset has a"
            + " dt=2026-11-03 partition (got: " + LakeConfig.local(lake).paths().raw() + ")")
        .extracting(e -> ((NothingToRunException) e).exitCode()).isEqualTo(3);
  }
}
