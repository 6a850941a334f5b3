package io.citylake.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citylake.lake.CityLakeException;
import io.citylake.sample.SampleSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A benchmark lake is generated once per spec, reused with its derived folders cleared. */
class BenchLakeTest {
  private static final SampleSpec SMALL = new SampleSpec(7L, 30, LocalDate.of(2026, 11, 1), 1);

  @Test
  void generatesIntoAnEmptyFolderAndReusesItForTheSameSpec(@TempDir Path dir) throws Exception {
    BenchLake first = BenchLake.prepare(dir, SMALL);
    assertThat(first.reused()).isFalse();
    assertThat(dir.resolve("raw/transit/taps/dt=2026-11-01")).isDirectory();
    Path rawFile = dir.resolve("raw/points/steps/dt=2026-11-01/steps-2026-11-01.csv.gz");
    long modified = Files.getLastModifiedTime(rawFile).toMillis();
    Files.createDirectories(dir.resolve("gold/walking_minutes_daily/_delta_log"));
    Files.createDirectories(dir.resolve("_metastore"));

    BenchLake second = BenchLake.prepare(dir, SMALL);

    assertThat(second.reused()).isTrue();
    assertThat(dir.resolve("gold")).doesNotExist();
    assertThat(dir.resolve("_metastore")).doesNotExist();
    assertThat(Files.getLastModifiedTime(rawFile).toMillis()).isEqualTo(modified);
  }

  @Test
  void refusesALakeOfAnotherSpec(@TempDir Path dir) {
    BenchLake.prepare(dir, SMALL);
    SampleSpec bigger = new SampleSpec(7L, 60, LocalDate.of(2026, 11, 1), 1);

    assertThatThrownBy(() -> BenchLake.prepare(dir, bigger))
        .isInstanceOf(CityLakeException.class)
        .hasMessageContaining("holds no lake generated for --persons 60 --days 1 --seed 7")
        .satisfies(e -> assertThat(((CityLakeException) e).exitCode()).isEqualTo(2));
    assertThat(dir.resolve("raw")).isDirectory();
  }
}
