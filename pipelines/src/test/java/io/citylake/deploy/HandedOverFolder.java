package io.citylake.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temp folder another local user can use: outside the test's private (0700) temp folders, mode
 * 755, and handed with everything in it to that user (PostgreSQL's {@code postgres}, which will
 * not run as root; {@code nobody} for the non-root ingest).
 */
final class HandedOverFolder {
  private HandedOverFolder() {}

  /** A new temp folder {@code prefix...} that every user may enter. */
  static Path create(String prefix) throws IOException {
    return Files.createTempDirectory(prefix,
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
  }

  /** Makes {@code user} the owner of {@code folder} and of everything in it. */
  static void handTo(Path folder, String user) throws IOException {
    UserPrincipal owner = folder.getFileSystem().getUserPrincipalLookupService()
        .lookupPrincipalByName(user);
    try (Stream<Path> all = Files.walk(folder)) {
      for (Path path : all.toList()) {
        Files.setOwner(path, owner);
      }
    }
  }

  /** Deletes {@code folder} and everything in it. */
  static void delete(Path folder) {
    try (Stream<Path> all = Files.walk(folder)) {
      all.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
