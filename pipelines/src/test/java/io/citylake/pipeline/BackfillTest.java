package io.citylake.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citylake.lake.CityLakeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackfillTest {
  private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);

  private static RunSummary summary(LocalDate day, JobOutcome.Status status) {
    JobOutcome outcome = new JobOutcome("ingest.transit_taps", status, Optional.empty(), "");
    return new RunSummary("run-" + day, day, List.of(outcome), 1.0);
  }

  @Test
  void runsDaysOldestFirstAndStopsAtTheFirstFailedDay() {
    List<LocalDate> ran = new ArrayList<>();
    Backfill backfill = new Backfill(day -> true, day -> {
      ran.add(day);
      return summary(day, day.getDayOfMonth() == 3 ? JobOutcome.Status.FAILED
          : JobOutcome.Status.SUCCEEDED);
    });
    List<Backfill.Night> reported = new ArrayList<>();

    Backfill.Result result = backfill.run(new DayRange(NOV_1, NOV_1.plusDays(4)), reported::add);

    assertThat(ran).containsExactly(NOV_1, NOV_1.plusDays(1), NOV_1.plusDays(2));
    assertThat(reported).extracting(Backfill.Night::status).containsExactly(
        Backfill.Status.SUCCEEDED, Backfill.Status.SUCCEEDED, Backfill.Status.FAILED);
    assertThat(result.exitCode()).isEqualTo(CityLakeException.FAILED);
    assertThat(result.notRun()).containsExactly(NOV_1.plusDays(3), NOV_1.plusDays(4));
  }

  @Test
  void passesOverUndeliveredDays() {
    Set<LocalDate> delivered = Set.of(NOV_1, NOV_1.plusDays(2));
    List<LocalDate> ran = new ArrayList<>();
    Backfill backfill = new Backfill(delivered::contains, day -> {
      ran.add(day);
      return summary(day, JobOutcome.Status.SUCCEEDED);
    });

    Backfill.Result result = backfill.run(new DayRange(NOV_1, NOV_1.plusDays(2)), n -> { });

    assertThat(ran).containsExactly(NOV_1, NOV_1.plusDays(2));
    assertThat(result.nights()).extracting(Backfill.Night::status).containsExactly(
        Backfill.Status.SUCCEEDED, Backfill.Status.NOTHING_TO_RUN, Backfill.Status.SUCCEEDED);
    assertThat(result.exitCode()).isZero();
    assertThat(result.notRun()).isEmpty();
  }

  @Test
  void rangeWithNothingDeliveredExitsWithNothingToRun() {
    Backfill backfill = new Backfill(day -> false, day -> {
      throw new AssertionError("no night should run");
    });

    Backfill.Result result = backfill.run(new DayRange(NOV_1, NOV_1.plusDays(1)), n -> { });

    assertThat(result.exitCode()).isEqualTo(NothingToRunException.EXIT_CODE).isEqualTo(3);
  }

  @Test
  void dayRangeIsInclusiveAndRefusesReversedOrRunawayRanges() {
    assertThat(new DayRange(NOV_1, NOV_1).days()).containsExactly(NOV_1);
    assertThat(new DayRange(NOV_1, NOV_1.plusDays(2)).days()).hasSize(3);
    assertThatThrownBy(() -> new DayRange(NOV_1.plusDays(1), NOV_1))
        .isInstanceOf(CityLakeException.class)
        .hasMessage("Cannot backfill: --from is after --to (got: 2026-11-02 > 2026-11-01)");
    assertThatThrownBy(() -> new DayRange(NOV_1, NOV_1.plusDays(DayRange.MAX_DAYS)))
        .hasMessage("Cannot backfill: the range is longer than 366 days; split it"
            + " (got: 2026-11-01 .. 2027-11-02)");
    assertThat(new DayRange(NOV_1, NOV_1.plusDays(DayRange.MAX_DAYS - 1)).days())
        .hasSize(DayRange.MAX_DAYS);
  }
}
