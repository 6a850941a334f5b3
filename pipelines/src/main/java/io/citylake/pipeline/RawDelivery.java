package io.citylake.pipeline;

import io.citylake.contract.RawDataset;
import io.citylake.lake.LakePaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Whether a service day was delivered at all, which decides between running a night and exit code
 * 3 ("nothing to run"). A day is delivered when at least one dated raw dataset has a
 * {@code raw/<family>/<dataset>/dt=YYYY-MM-DD/} folder holding a data file (names starting with
 * {@code .} or {@code _} are markers, not data). Static GTFS feeds and reference files carry no day
 * and do not count. Looks only at that day's folders, so it stays cheap on object stores.
 */
public final class RawDelivery {
  private final Configuration hadoopConf;
  private final LakePaths paths;

  public RawDelivery(Configuration hadoopConf, LakePaths paths) {
    this.hadoopConf = hadoopConf;
    this.paths = paths;
  }

  public boolean delivered(LocalDate day) {
    return Arrays.stream(RawDataset.values())
        .anyMatch(dataset -> hasDataFile(partition(dataset, day)));
  }

  /** Fails with {@link NothingToRunException} when {@code day} was not delivered. */
  public void require(LocalDate day) {
    if (!delivered(day)) {
      throw new NothingToRunException("Cannot run the night of " + day + ": nothing delivered,"
          + " no raw dataset has a dt=" + day + " partition (got: " + paths.raw() + ")");
    }
  }

  private Path partition(RawDataset dataset, LocalDate day) {
    return new Path(paths.raw(dataset) + "/dt=" + day);
  }

  private boolean hasDataFile(Path folder) {
    try {
      FileSystem fs = folder.getFileSystem(hadoopConf);
      if (!fs.exists(folder)) {
        return false;
      }
      return Arrays.stream(fs.listStatus(folder))
          .filter(FileStatus::isFile)
          .map(status -> status.getPath().getName())
          .anyMatch(name -> !name.startsWith(".") && !name.startsWith("_"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list raw partition " + folder, e);
    }
  }
}
