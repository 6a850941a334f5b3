package io.citylake.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.citylake.lake.CityLakeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The trend projection and on-track rules of the catalogue, without Spark. */
class TargetJudgementTest {
  private static final LocalDate D1 = LocalDate.of(2026, 11, 1);

  private static List<SeriesPoint> line(double start, double perDay, int days) {
    return java.util.stream.IntStream.range(0, days)
        .mapToObj(i -> new SeriesPoint(D1.plusDays(i), start + perDay * i)).toList();
  }

  private static KpiTarget target(Double target, Integer year) {
    return new KpiTarget(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.ofNullable(target), Optional.ofNullable(year));
  }

  @Test
  void leastSquaresLineThroughExactPointsIsTheLine() {
    TrendLine fit = TrendLine.fit(line(60, 0.5, 10));
    assertThat(fit.slopePerDay()).isCloseTo(0.5, within(1e-12));
    assertThat(fit.valueAt(D1.plusDays(20))).isCloseTo(70, within(1e-9));
  }

  @Test
  void leastSquaresOfNoisyPointsMatchesTheTextbookFormula() {
    List<SeriesPoint> points = List.of(new SeriesPoint(D1, 1), new SeriesPoint(D1.plusDays(1), 3),
        new SeriesPoint(D1.plusDays(2), 2), new SeriesPoint(D1.plusDays(3), 6));
    // x = 0..3, y = 1,3,2,6: slope = Σ(dx·dy)/Σdx² = (−1.5·−2 + −0.5·0 + 0.5·−1 + 1.5·3)/5 = 1.4
    TrendLine fit = TrendLine.fit(points);
    assertThat(fit.slopePerDay()).isCloseTo(1.4, within(1e-12));
    assertThat(fit.valueAt(D1)).isCloseTo(0.9, within(1e-9));
  }

  @Test
  void aLineNeedsTwoDifferentDays() {
    assertThatThrownBy(() -> TrendLine.fit(List.of(new SeriesPoint(D1, 1))))
        .isInstanceOf(CityLakeException.class)
        .hasMessage("Cannot fit a trend line: at least two different days are needed"
            + " (got: 1 point(s))");
  }

  @Test
  void risingSeriesThatReachesTheTargetByYearEndIsOnTrack() {
    TargetJudgement j = TargetJudgement.judge(KpiDefinition.WALKING_MINUTES_AVG,
        target(100.0, 2027), line(60, 0.1, 120));
    assertThat(j.status()).isEqualTo(TargetStatus.ON_TRACK);
    assertThat(j.projectionDate()).contains(LocalDate.of(2027, 12, 31));
    assertThat(j.projected().orElseThrow()).isCloseTo(60 + 0.1 * 425, within(1e-6));
  }

  @Test
  void flatSeriesBelowTheTargetIsOffTrack() {
    assertThat(TargetJudgement.judge(KpiDefinition.WALKING_MINUTES_AVG, target(100.0, 2027),
        line(60, 0, 120)).status()).isEqualTo(TargetStatus.OFF_TRACK);
  }

  @Test
  void lowerIsBetterKpisMeetTargetsFromAbove() {
    // 0.86 - 0.0001 x 425 days = 0.8175 on 2027-12-31, below 0.835; rising instead: 0.9025
    assertThat(TargetJudgement.judge(KpiDefinition.CAR_DAILY_SHARE, target(0.835, 2027),
        line(0.86, -0.0001, 120)).status()).isEqualTo(TargetStatus.ON_TRACK);
    assertThat(TargetJudgement.judge(KpiDefinition.CAR_DAILY_SHARE, target(0.835, 2027),
        line(0.86, 0.0001, 120)).status()).isEqualTo(TargetStatus.OFF_TRACK);
    assertThat(TargetJudgement.judge(KpiDefinition.CAR_DAILY_SHARE, target(0.835, 2024),
        line(0.80, 0.001, 3)).status()).isEqualTo(TargetStatus.ACHIEVED);
  }

  @Test
  void aTargetYearBeforeTheDataIsMissedUnlessMet() {
    assertThat(TargetJudgement.judge(KpiDefinition.WALKING_MINUTES_AVG, target(87.0, 2024),
        line(60, 1, 14)).status()).isEqualTo(TargetStatus.MISSED);
  }

  @Test
  void twoWeeksOfDailyValuesSayNothingAboutAnAnnualTarget() {
    // the old rule called a rising 14-day slope on track for a target without a year
    TargetJudgement j = TargetJudgement.judge(KpiDefinition.CONTINUE_INTENT_SHARE,
        target(0.9, null), line(0.5, 0.01, 14));
    assertThat(j.status()).isEqualTo(TargetStatus.INSUFFICIENT_DATA);
    assertThat(j.reason()).isEqualTo("14 value(s) over 14 day(s); a trend to 2026-12-31 needs"
        + " at least 3 values over 91 days");
    assertThat(TargetJudgement.judge(KpiDefinition.CONTINUE_INTENT_SHARE, target(0.9, null),
        line(0.5, 0.001, 90)).status()).isEqualTo(TargetStatus.INSUFFICIENT_DATA);
    // 91 days from 2026-11-01 end on 2027-01-30: the standing target is judged on 2027
    TargetJudgement quarter = TargetJudgement.judge(KpiDefinition.CONTINUE_INTENT_SHARE,
        target(0.9, null), line(0.5, 0.0005, 91));
    assertThat(quarter.status()).isEqualTo(TargetStatus.OFF_TRACK);
    assertThat(quarter.periodYear()).contains(2027);
    assertThat(quarter.projectionDate()).contains(LocalDate.of(2027, 12, 31));
  }

  @Test
  void missingTargetUnitsOrDataAreSaidSo() {
    KpiTarget kg = new KpiTarget(Optional.of("kg"), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of(5.0), Optional.empty());
    assertThat(TargetJudgement.judge(KpiDefinition.DRONE_DELIVERY_SUCCESS, kg, line(1, 0, 3))
        .status()).isEqualTo(TargetStatus.NOT_COMPARABLE);
    assertThat(TargetJudgement.judge(KpiDefinition.SNOW_DEPTH_MAX, KpiTarget.none(),
        line(1, 0, 3)).status()).isEqualTo(TargetStatus.NO_TARGET);
    assertThat(TargetJudgement.judge(KpiDefinition.VISITORS, target(1e6, null), List.of())
        .status()).isEqualTo(TargetStatus.INSUFFICIENT_DATA);
    assertThat(TargetJudgement.judge(KpiDefinition.SATISFACTION_SHARE, target(0.5, 2030),
        line(0.4, 0.01, 1)).status()).isEqualTo(TargetStatus.INSUFFICIENT_DATA);
  }

  @Test
  void directionFromTheTargetsFileOverridesTheDefinition() {
    KpiTarget lower = new KpiTarget(Optional.empty(), Optional.of(Direction.parse("lower")),
        Optional.empty(), Optional.empty(), Optional.of(50.0), Optional.empty());
    assertThat(TargetJudgement.judge(KpiDefinition.WALKING_MINUTES_AVG, lower, line(40, 0, 3))
        .status()).isEqualTo(TargetStatus.ACHIEVED);
    assertThatThrownBy(() -> Direction.parse("up"))
        .hasMessage("Cannot read a KPI direction: expected higher or lower (got: up)");
  }
}
