package io.citylake.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.stream.Stream;

/**
 * Whether a file glob of the DuckDB baseline ({@code /lake/raw/transit/arrivals/dt=*}{@code /*.csv*})
 * matches any file. DuckDB refuses a glob without files, while the night simply has no rows for a
 * dataset that was not delivered; the baseline asks here first.
 */
final class RawGlob {
  private RawGlob() {}

  /** True when some regular file's absolute path matches {@code glob} ({@code *} stays in a folder). */
  static boolean matchesAFile(String glob) {
    Path pattern = Path.of(glob);
    Path base = pattern.getRoot() == null ? Path.of("") : pattern.getRoot();
    int depth = pattern.getNameCount();
    for (Path name : pattern) {
      if (hasWildcard(name.toString())) {
        break;
      }
      base = base.resolve(name);
      depth--;
    }
    if (!Files.isDirectory(base)) {
      return Files.isRegularFile(base) && depth == 0;
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    try (Stream<Path> files = Files.walk(base, depth)) {
      return files.anyMatch(file -> Files.isRegularFile(file) && matcher.matches(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean hasWildcard(String name) {
    return name.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }
}
