package io.citylake.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Targets as the city states them: fiscal years (年度, April to March), Susami's visitor growth
 * path, Tsukuba's satisfaction target of 47.2 % and the Susami visitor case that the old slope
 * rule called on track. Pure Java; expected path values are worked out by hand.
 */
class FiscalYearTargetTest {
  private static final GrowthPath SUSAMI_VISITORS = new GrowthPath(1_000_000, 2019, 0.10, 2022);

  private static List<SeriesPoint> daily(LocalDate first, double start, double perDay, int days) {
    return IntStream.range(0, days)
        .mapToObj(i -> new SeriesPoint(first.plusDays(i), start + perDay * i)).toList();
  }

  private static KpiTarget fiscal(double target, int year) {
    return new KpiTarget(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of(target), Optional.of(year), YearType.FISCAL, Optional.empty());
  }

  private static KpiTarget visitors() {
    return new KpiTarget(Optional.of("persons/year"), Optional.of(Direction.HIGHER),
        Optional.of(1_000_000.0), Optional.of(2019), Optional.empty(), Optional.empty(),
        YearType.FISCAL, Optional.of(SUSAMI_VISITORS));
  }

  @Test
  void march31IsTheLastDayOfTheFiscalYearAndApril1TheFirstOfTheNext() {
    assertThat(YearType.FISCAL.yearOf(LocalDate.of(2025, 3, 31))).isEqualTo(2024);
    assertThat(YearType.FISCAL.yearOf(LocalDate.of(2025, 4, 1))).isEqualTo(2025);
    assertThat(YearType.CALENDAR.yearOf(LocalDate.of(2025, 3, 31))).isEqualTo(2025);
    assertThat(YearType.FISCAL.start(2024)).isEqualTo(LocalDate.of(2024, 4, 1));
    assertThat(YearType.FISCAL.end(2024)).isEqualTo(LocalDate.of(2025, 3, 31));
    assertThat(YearType.FISCAL.label(2024)).isEqualTo("FY2024");
    assertThat(YearType.CALENDAR.label(2024)).isEqualTo("2024");
  }

  @Test
  void aFiscalYearTargetIsStillOpenOnMarch30AndMissedOnMarch31() {
    // walking minutes rising 0.05/day from 60, target 87 by FY2024 (ends 2025-03-31)
    List<SeriesPoint> toMarch30 = daily(LocalDate.of(2025, 3, 30).minusDays(99), 60, 0.05, 100);
    List<SeriesPoint> toMarch31 = daily(LocalDate.of(2025, 3, 31).minusDays(99), 60, 0.05, 100);
    TargetJudgement open = TargetJudgement.judge(KpiDefinition.WALKING_MINUTES_AVG,
        fiscal(87, 2024), toMarch30);
    assertThat(open.status()).isEqualTo(TargetStatus.OFF_TRACK);
    assertThat(open.projectionDate()).contains(LocalDate.of(2025, 3, 31));
    assertThat(TargetJudgement.judge(KpiDefinition.WALKING_MINUTES_AVG, fiscal(87, 2024),
        toMarch31).status()).isEqualTo(TargetStatus.MISSED);
    // the same target read as calendar 2024 ended three months earlier
    KpiTarget calendar = new KpiTarget(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of(87.0), Optional.of(2024));
    assertThat(TargetJudgement.judge(KpiDefinition.WALKING_MINUTES_AVG, calendar, toMarch30)
        .status()).isEqualTo(TargetStatus.MISSED);
  }

  @Test
  void aFiscalYearTargetIsJudgedOnThatFiscalYearsData() {
    // a value on 2025-04-01 belongs to FY2025: FY2024 has ended before it
    List<SeriesPoint> april = List.of(new SeriesPoint(LocalDate.of(2025, 4, 1), 0.80));
    TargetJudgement j = TargetJudgement.judge(KpiDefinition.SATISFACTION_SHARE,
        fiscal(0.9, 2024), april);
    assertThat(j.status()).isEqualTo(TargetStatus.MISSED);
    assertThat(j.reason()).startsWith("FY2024 ended on 2025-03-31");
  }

  @Test
  void theGrowthPathGivesTheTargetOfFy2024AndFy2026() {
    // 1 M in FY2021, then x 1.1 a year from FY2022: 1.1 M, 1.21 M, 1.331 M (FY2024) ... 1.61051 M
    assertThat(SUSAMI_VISITORS.valueFor(2019)).isCloseTo(1_000_000, within(1e-6));
    assertThat(SUSAMI_VISITORS.valueFor(2021)).isCloseTo(1_000_000, within(1e-6));
    assertThat(SUSAMI_VISITORS.valueFor(2022)).isCloseTo(1_100_000, within(1e-6));
    assertThat(SUSAMI_VISITORS.valueFor(2024)).isCloseTo(1_331_000, within(1e-6));
    assertThat(SUSAMI_VISITORS.valueFor(2026)).isCloseTo(1_610_510, within(1e-6));

    // FY2024 data (May to September 2024) judged against the path's FY2024 value
    TargetJudgement fy2024 = TargetJudgement.judge(KpiDefinition.VISITORS, visitors(),
        daily(LocalDate.of(2024, 5, 1), 1_000_000, 1_000, 150));
    assertThat(fy2024.periodYear()).contains(2024);
    assertThat(fy2024.periodGoal().orElseThrow()).isCloseTo(1_331_000, within(1e-6));
    // latest 1.149 M; 1 M + 1,000/day x 334 days (2024-05-01 to 2025-03-31) = 1.334 M: on track
    assertThat(fy2024.status()).isEqualTo(TargetStatus.ON_TRACK);
    assertThat(fy2024.projected().orElseThrow()).isCloseTo(1_334_000, within(1e-3));

    TargetJudgement fy2026 = TargetJudgement.judge(KpiDefinition.VISITORS, visitors(),
        daily(LocalDate.of(2026, 5, 1), 1_000_000, 1_000, 150));
    assertThat(fy2026.periodYear()).contains(2026);
    assertThat(fy2026.periodGoal().orElseThrow()).isCloseTo(1_610_510, within(1e-6));
    // same data two years later: the path has grown past the projection
    assertThat(fy2026.status()).isEqualTo(TargetStatus.OFF_TRACK);
  }

  @Test
  void susamiVisitorsBelowThePathOnTwoWeeksOfDataAreNotOnTrack() {
    // the sample: about 911k visitors/yr over 14 days of November 2026, rising
    List<SeriesPoint> sample = daily(LocalDate.of(2026, 11, 1), 905_000, 900, 14);
    TargetJudgement j = TargetJudgement.judge(KpiDefinition.VISITORS, visitors(), sample);
    assertThat(j.status()).isNotEqualTo(TargetStatus.ON_TRACK)
        .isEqualTo(TargetStatus.INSUFFICIENT_DATA);
    assertThat(j.periodGoal().orElseThrow()).isCloseTo(1_610_510, within(1e-6));
    assertThat(j.periodYear()).contains(2026);
    assertThat(j.projected()).isEmpty();
  }

  @Test
  void satisfactionIsJudgedAgainstItsTargetOf47Point2Percent() {
    KpiTarget satisfaction = new KpiTarget(Optional.of("share"), Optional.of(Direction.HIGHER),
        Optional.empty(), Optional.empty(), Optional.of(0.472), Optional.of(2024),
        YearType.FISCAL, Optional.empty());
    List<SeriesPoint> survey2026 = List.of(new SeriesPoint(LocalDate.of(2026, 11, 7), 0.471));
    assertThat(TargetJudgement.judge(KpiDefinition.SATISFACTION_SHARE, satisfaction, survey2026)
        .status()).isEqualTo(TargetStatus.MISSED);
    assertThat(TargetJudgement.judge(KpiDefinition.SATISFACTION_SHARE, satisfaction,
        List.of(new SeriesPoint(LocalDate.of(2026, 11, 7), 0.472))).status())
        .isEqualTo(TargetStatus.ACHIEVED);
    // within FY2024, one survey below the target is not yet a verdict
    assertThat(TargetJudgement.judge(KpiDefinition.SATISFACTION_SHARE, satisfaction,
        List.of(new SeriesPoint(LocalDate.of(2025, 3, 1), 0.40))).status())
        .isEqualTo(TargetStatus.INSUFFICIENT_DATA);
  }

  @Test
  void aValueTheTownReportsForAWholeYearClosesThatYear() {
    KpiTarget households = new KpiTarget(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of(10.0), Optional.of(2024));
    KpiObservation seven = new KpiObservation("households_moved_in", "susami",
        YearType.CALENDAR, 2024, 7, "households", "town report", "Susami town office",
        LocalDate.of(2025, 1, 15));
    assertThat(seven.point().through()).isEqualTo(LocalDate.of(2024, 12, 31));
    assertThat(TargetJudgement.judge(KpiDefinition.HOUSEHOLDS_MOVED_IN, households,
        List.of(seven.point())).status()).isEqualTo(TargetStatus.MISSED);
  }
}
