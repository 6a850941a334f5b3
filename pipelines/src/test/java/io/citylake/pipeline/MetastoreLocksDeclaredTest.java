package io.citylake.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Test classes run two at a time in one JVM with one metastore, so a class that uses the
 * metastore must say so with a resource lock ({@code io.citylake.testing.SharedResources}); one
 * that forgets passes alone and fails, now and then, beside another. This reads the test sources
 * of both modules and names the classes whose code uses the metastore without the lock it needs.
 */
class MetastoreLocksDeclaredTest {
  /** Reads the shared sample lake, through the metastore the hand-out points at it. */
  private static final Pattern READS_SHARED = Pattern.compile("SampleLakeNight\\.shared\\(");
  /** Points the metastore at a lake of its own: a copy, a CLI command, a registration. */
  private static final Pattern POINTS_ELSEWHERE = Pattern.compile(
      "SampleLakeNight\\.(lateDeliveries|copyTo)\\(|new RegisterTables\\(|new MetastoreTables\\("
          + "|new LakeCatalog\\(|moveOutOfBronze\\(|EmbeddedMetastore\\.");
  /** Runs CLI commands, which point the metastore at the lake they are given. */
  private static final Pattern RUNS_CLI = Pattern.compile("CityLakeCli\\.execute\\(|CliRun\\b");
  private static final String SELF = "MetastoreLocksDeclaredTest.java";
  private static final String EXCLUSIVE = "@ResourceLock(SharedResources.METASTORE)";
  private static final String READING =
      "@ResourceLock(value = SharedResources.METASTORE, mode = ResourceAccessMode.READ)";

  @Test
  void everyTestClassUsingTheMetastoreDeclaresItsLock() throws IOException {
    Path home = Path.of(System.getProperty("citylake.home", ".."));
    List<Path> sources = new ArrayList<>();
    for (String module : List.of("jobs", "pipelines")) {
      try (Stream<Path> files = Files.walk(home.resolve(module).resolve("src/test/java"))) {
        files.filter(f -> f.getFileName().toString().endsWith("Test.java")).forEach(sources::add);
      }
    }
    assertThat(sources).hasSizeGreaterThan(100);

    List<String> missing = new ArrayList<>();
    int locked = 0;
    for (Path source : sources) {
      String code = Files.readString(source, StandardCharsets.UTF_8);
      if (code.contains("@Tag(\"cluster\")") || source.endsWith(SELF)) {
        continue; // the cluster step runs its classes one at a time; this class names the locks
      }
      boolean shared = READS_SHARED.matcher(code).find();
      boolean elsewhere = POINTS_ELSEWHERE.matcher(code).find()
          || RUNS_CLI.matcher(code).find() && !shared;
      String name = source.getFileName().toString();
      if (elsewhere && !code.contains(EXCLUSIVE)) {
        missing.add(name + " needs " + EXCLUSIVE);
      } else if (shared && !code.contains(READING) && !code.contains(EXCLUSIVE)) {
        missing.add(name + " needs " + READING);
      }
      if (code.contains(EXCLUSIVE) || code.contains(READING)) {
        locked++;
      }
    }
    assertThat(missing).isEmpty();
    assertThat(locked).as("classes declaring a metastore lock").isGreaterThan(20);
  }
}
