package io.citylake.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The lake of {@link SampleLakeGeneratorTest#SMALL}, generated once per test JVM and shared by
 * the classes that only read it. Classes that generate again compare against it in folders of
 * their own.
 */
final class SmallSample {
  private static Path lake;
  private static SampleLakeSummary summary;

  private SmallSample() {}

  static synchronized Path lake() {
    if (lake == null) {
      try {
        Path dir = Files.createTempDirectory("citylake-small-sample-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
        summary = new SampleLakeGenerator(SampleLakeGeneratorTest.SMALL).generate(dir);
        lake = dir;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return lake;
  }

  private static void delete(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      // a temp folder left behind
    }
  }

  static synchronized SampleLakeSummary summary() {
    lake();
    return summary;
  }
}
