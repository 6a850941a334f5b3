package io.citylake.sample;

import java.time.LocalDate;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * What sample lake to generate: the seed, the size of the person panel and the service days.
 *
 * <p>Everything the generator writes is a function of this record alone, so the same spec always
 * produces byte-identical files; volumes scale with {@link #persons()} (see {@link #scale()}).
 *
 * @param seed seed of every random stream
 * @param persons size of the resident panel over the three municipalities
 * @param firstDay first JST service day
 * @param days number of consecutive service days
 */
public record SampleSpec(long seed, int persons, LocalDate firstDay, int days) {

  /** Panel size of the committed sample ({@code sample-lake/}). */
  public static final int DEFAULT_PERSONS = 6000;

  /** Panel size at which {@link #scale()} is 1; the volumes in the Javadoc refer to it. */
  static final int REFERENCE_PERSONS = 6000;

  public SampleSpec {
    Objects.requireNonNull(firstDay, "firstDay");
    if (persons < 30) {
      throw new IllegalArgumentException(
          "Cannot generate sample lake: persons must be at least 30 (got: " + persons + ")");
    }
    if (days < 1 || days > 366) {
      throw new IllegalArgumentException(
          "Cannot generate sample lake: days must be between 1 and 366 (got: " + days + ")");
    }
  }

  /** The committed sample: seed 20261101, 6000 persons, 14 days from 2026-11-01. */
  public static SampleSpec defaults() {
    return new SampleSpec(20261101L, DEFAULT_PERSONS, LocalDate.of(2026, 11, 1), 14);
  }

  /** The JST service day with the given 0-based index. */
  public LocalDate day(int index) {
    return firstDay.plusDays(index);
  }

  /** Last service day of the sample. */
  public LocalDate lastDay() {
    return day(days - 1);
  }

  /** Volume factor: persons relative to {@link #REFERENCE_PERSONS}. */
  double scale() {
    return persons / (double) REFERENCE_PERSONS;
  }

  /** Count scaled by {@link #scale()}, never below {@code min}. */
  int scaled(double atReference, int min) {
    return Math.max(min, (int) Math.round(atReference * scale()));
  }

  /**
   * An independent random stream for one purpose and day, so that a dataset's content does not
   * depend on the order in which other datasets are generated.
   */
  SplittableRandom random(String stream, int day) {
    long h = seed * 0x9E3779B97F4A7C15L;
    h ^= stream.hashCode() * 0xC2B2AE3D27D4EB4FL;
    h += day * 0x165667B19E3779F9L;
    return new SplittableRandom(h);
  }
}
