package io.citylake.ingest;

import io.citylake.contract.RawDataset;
import io.citylake.lake.LakePaths;
import java.time.LocalDate;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/** Answers which service days have been delivered, to pick the night to run by default. */
public final class RawPartitions {
  private RawPartitions() {}

  /** The latest {@code dt=} day present in any dated raw dataset, if any. */
  public static Optional<LocalDate> latestDay(Configuration hadoopConf, LakePaths paths) {
    RawFileScanner scanner = new RawFileScanner(hadoopConf);
    return java.util.Arrays.stream(RawDataset.values())
        .flatMap(d -> scanner.listPartitions(paths.raw(d), LocalDate.MAX, n -> true).stream())
        .map(RawFileScanner.Listed::dt)
        .max(LocalDate::compareTo);
  }

  /** The bytes of the raw files under {@code dt=day} folders, over every dated raw dataset. */
  public static long dayBytes(Configuration hadoopConf, LakePaths paths, LocalDate day) {
    RawFileScanner scanner = new RawFileScanner(hadoopConf);
    return java.util.Arrays.stream(RawDataset.values())
        .flatMap(d -> scanner.listPartitions(paths.raw(d), day, n -> true).stream())
        .filter(file -> file.dt().equals(day))
        .mapToLong(file -> file.status().getLen())
        .sum();
  }
}
