package io.citylake.bench;

import io.citylake.lake.CityLakeException;
import io.citylake.lake.LocalTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A fresh lake for a benchmark's night: the raw/ and reference/ of a lake, copied into a folder
 * of the benchmark's own, so every run it compares starts from the same deliveries and nothing
 * of an earlier run.
 */
final class RawLakeCopy {
  private RawLakeCopy() {}

  /** {@code rawLake}'s raw/ and reference/ copied to {@code target}, which must not exist. */
  static Path of(Path rawLake, Path target, String benchmark) {
    if (Files.exists(target)) {
      throw CityLakeException.badInput("run the " + benchmark + " benchmark",
          "the work folder is not empty", target);
    }
    for (String part : List.of("raw", "reference")) {
      LocalTrees.copyTree(rawLake.resolve(part), target.resolve(part));
    }
    return target;
  }
}
