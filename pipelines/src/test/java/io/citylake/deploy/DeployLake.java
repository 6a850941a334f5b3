package io.citylake.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.sample.SampleLakeGenerator;
import io.citylake.sample.SampleSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * The raw lake and day every deploy test runs its nights on, and the build outputs those tests
 * need: one definition, so the cluster, storage and crash nights stay comparable with each other.
 */
final class DeployLake {
  /** Two days of 200 persons: the smallest generated lake on which every KPI job has input. */
  static final SampleSpec SPEC = new SampleSpec(7L, 200, LocalDate.of(2026, 11, 1), 2);
  /** The night the tests run: the lake's second day. */
  static final String DAY = "2026-11-02";

  private DeployLake() {}

  /** Generates the raw lake into {@code dir/name} and returns that folder. */
  static Path generate(Path dir, String name) throws IOException {
    Path lake = dir.resolve(name);
    new SampleLakeGenerator(SPEC).generate(lake);
    return lake;
  }

  /** A system property the {@code cluster} profile sets (a build output's path). */
  static String required(String property) {
    String value = System.getProperty(property);
    assertThat(value).as("system property %s (run with -Papp-jar,cluster)", property).isNotNull();
    return value;
  }
}
