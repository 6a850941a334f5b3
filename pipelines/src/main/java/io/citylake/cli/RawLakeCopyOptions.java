package io.citylake.cli;

import io.citylake.lake.CityLakeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Option;

/**
 * The options of the benchmarks that run a night on fresh copies of a raw lake ({@code bench
 * scheduled}, {@code bench warm}): which lake, which night, and where the copies go.
 */
final class RawLakeCopyOptions {
  @Option(names = "--lake", paramLabel = "PATH",
      description = "Lake whose raw/ and reference/ are copied (default: the bundled sample).")
  Path lake;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "Service day of the night (default: the sample's last day, 2026-11-14).",
      defaultValue = "2026-11-14")
  LocalDate date;

  @Option(names = "--dir", paramLabel = "DIR",
      description = "Empty or new folder for the lake copies (and logs, if any; default: a new"
          + " temporary folder).")
  Path dir;

  /** The lake to copy; one line and exit 2 when it has no raw/ and reference/. */
  Path source(String benchmark) {
    Path source = lake != null ? lake : LakeOptions.sampleLake();
    if (!Files.isDirectory(source.resolve("raw")) || !Files.isDirectory(source.resolve("reference"))) {
      throw CityLakeException.badInput("run the " + benchmark + " benchmark",
          "the lake has no raw/ and reference/ folders", source);
    }
    return source;
  }

  /** {@code --dir}, or a new temporary folder. */
  Path workDir(String benchmark) throws IOException {
    return dir != null ? dir : Files.createTempDirectory("citylake-bench-" + benchmark + "-");
  }
}
