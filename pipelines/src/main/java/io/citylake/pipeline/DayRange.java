package io.citylake.pipeline;

import io.citylake.lake.CityLakeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * An inclusive range of service days, oldest first: what a backfill walks. Validated on
 * construction, so a reversed or runaway range fails before a SparkSession is built.
 */
public record DayRange(LocalDate from, LocalDate to) {
  /** Longest range one backfill accepts; longer ones are almost always a typo in a year. */
  public static final int MAX_DAYS = 366;

  public DayRange {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.isAfter(to)) {
      throw CityLakeException.badInput("backfill", "--from is after --to", from + " > " + to);
    }
    if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
      throw CityLakeException.badInput("backfill",
          "the range is longer than " + MAX_DAYS + " days; split it", from + " .. " + to);
    }
  }

  /** Every day of the range, oldest first. */
  public List<LocalDate> days() {
    return from.datesUntil(to.plusDays(1)).toList();
  }

  /** The days after {@code day} up to the end of the range (what a stopped backfill left). */
  public List<LocalDate> daysAfter(LocalDate day) {
    return days().stream().filter(d -> d.isAfter(day)).toList();
  }

  @Override
  public String toString() {
    return from + " .. " + to;
  }
}
