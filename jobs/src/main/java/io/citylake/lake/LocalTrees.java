package io.citylake.lake;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Folder trees on the local disk that citylake stages and throws away (GTFS feed deliveries,
 * export part files): removing them deepest first, strictly or as a best effort.
 */
public final class LocalTrees {
  private LocalTrees() {}

  /** Deletes {@code dir} and everything below it; nothing when it does not exist. */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** {@link #deleteTree}, ignoring failures: for staging folders that are skipped anyway. */
  public static void deleteQuietly(Path dir) {
    try {
      deleteTree(dir);
    } catch (IOException e) {
      // a leftover staging folder is hidden from readers and replaced next time
    }
  }
}
