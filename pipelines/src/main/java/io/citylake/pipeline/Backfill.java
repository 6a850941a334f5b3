package io.citylake.pipeline;

import io.citylake.lake.CityLakeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Runs the nightly for each day of a range, oldest first, and stops at the first failed night so
 * later nights never build on a gap. Days nothing was delivered for are passed over. Spark-free:
 * the caller supplies how to tell a delivered day and how to run one night.
 */
public final class Backfill {
  private final Predicate<LocalDate> delivered;
  private final Function<LocalDate, RunSummary> night;

  public Backfill(Predicate<LocalDate> delivered, Function<LocalDate, RunSummary> night) {
    this.delivered = delivered;
    this.night = night;
  }

  /** How one day of a backfill ended. */
  public enum Status { SUCCEEDED, FAILED, NOTHING_TO_RUN }

  /** One day of a backfill; {@code summary} is empty when nothing was delivered that day. */
  public record Night(LocalDate day, Status status, Optional<RunSummary> summary) {}

  /** The nights a backfill ran, up to and including the first failed one. */
  public record Result(DayRange range, List<Night> nights) {
    public Result {
      nights = List.copyOf(nights);
    }

    public Optional<Night> failed() {
      return nights.stream().filter(n -> n.status() == Status.FAILED).findFirst();
    }

    /**
     * 1 when a night failed, 4 when the quality gate held it, 3 when no day of the range was
     * delivered, else 0.
     */
    public int exitCode() {
      if (failed().isPresent()) {
        return failed().get().summary().map(s -> RunVerdict.of(s).exitCode())
            .orElse(CityLakeException.FAILED);
      }
      boolean nothingRan = nights.stream().allMatch(n -> n.status() == Status.NOTHING_TO_RUN);
      return nothingRan ? NothingToRunException.EXIT_CODE : 0;
    }

    /** Days of the range that were not attempted because an earlier night failed. */
    public List<LocalDate> notRun() {
      return failed().map(n -> range.daysAfter(n.day())).orElse(List.of());
    }
  }

  public Result run(DayRange range, Consumer<Night> progress) {
    List<Night> nights = new ArrayList<>();
    for (LocalDate day : range.days()) {
      Night result = runDay(day);
      nights.add(result);
      progress.accept(result);
      if (result.status() == Status.FAILED) {
        break;
      }
    }
    return new Result(range, nights);
  }

  private Night runDay(LocalDate day) {
    if (!delivered.test(day)) {
      return new Night(day, Status.NOTHING_TO_RUN, Optional.empty());
    }
    RunSummary summary = night.apply(day);
    Status status = summary.succeeded() ? Status.SUCCEEDED : Status.FAILED;
    return new Night(day, status, Optional.of(summary));
  }
}
