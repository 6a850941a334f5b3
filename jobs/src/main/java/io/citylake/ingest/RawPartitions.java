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
    return listed(hadoopConf, paths, LocalDate.MAX).map(RawFileScanner.Listed::dt)
        .max(LocalDate::compareTo);
  }

  /**
   * How much the contract's gzip shrinks its CSV and JSON Lines deliveries: 12.4-fold on the
   * sample (373 kB of gzip files for 4.6 MB of text, 32k lines, on 2026-11-14).
   */
  static final int GZIP_RATIO = 12;

  /**
   * About the bytes of text the raw files under {@code dt=day} folders hold, over every dated raw
   * dataset: a plain file's size, a gzip file's size times {@link #GZIP_RATIO}. Only listed, not
   * read.
   */
  public static long dayTextBytes(Configuration hadoopConf, LakePaths paths, LocalDate day) {
    return listed(hadoopConf, paths, day).filter(file -> file.dt().equals(day))
        .mapToLong(file -> file.status().getLen()
            * (file.status().getPath().getName().endsWith(".gz") ? GZIP_RATIO : 1))
        .sum();
  }

  /** The files of every dated raw dataset's {@code dt=} folders up to {@code last}. */
  private static java.util.stream.Stream<RawFileScanner.Listed> listed(Configuration hadoopConf,
      LakePaths paths, LocalDate last) {
    RawFileScanner scanner = new RawFileScanner(hadoopConf);
    return java.util.Arrays.stream(RawDataset.values())
        .flatMap(d -> scanner.listPartitions(paths.raw(d), last, n -> true).stream());
  }
}
