package io.citylake.kpi;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Judges a KPI series against its target. Rules, in order: no target → {@code no_target}; target
 * in another unit → {@code not_comparable}; no values → {@code insufficient_data}; latest value
 * meets the target → {@code achieved}; target year ended before the latest value → {@code
 * missed}; fewer than {@link #MIN_POINTS} values → {@code insufficient_data}; otherwise a
 * least-squares line over the series is projected to 31 December of the target year and compared
 * with the target ({@code on_track}/{@code off_track}); without a target year the line's slope
 * must point the good way.
 *
 * @param projected the line's value on {@code projectionDate}, when a line was fitted
 */
public record TargetJudgement(
    TargetStatus status, Optional<Double> projected, Optional<LocalDate> projectionDate) {
  public static final int MIN_POINTS = 3;

  public static TargetJudgement judge(KpiDefinition kpi, KpiTarget target,
      List<SeriesPoint> series) {
    if (target.target().isEmpty()) {
      return of(TargetStatus.NO_TARGET);
    }
    if (target.unit().isPresent() && !target.unit().get().equals(kpi.unit())) {
      return of(TargetStatus.NOT_COMPARABLE);
    }
    if (series.isEmpty()) {
      return of(TargetStatus.INSUFFICIENT_DATA);
    }
    Direction direction = target.direction().orElse(kpi.direction());
    double goal = target.target().get();
    SeriesPoint latest = series.stream().max(Comparator.comparing(SeriesPoint::day)).get();
    if (direction.meets(latest.value(), goal)) {
      return of(TargetStatus.ACHIEVED);
    }
    Optional<LocalDate> deadline = target.targetYear().map(y -> LocalDate.of(y, 12, 31));
    if (deadline.isPresent() && deadline.get().isBefore(latest.day())) {
      return of(TargetStatus.MISSED);
    }
    if (series.stream().map(SeriesPoint::day).distinct().count() < MIN_POINTS) {
      return of(TargetStatus.INSUFFICIENT_DATA);
    }
    TrendLine line = TrendLine.fit(series);
    if (deadline.isEmpty()) {
      boolean improving = direction == Direction.HIGHER
          ? line.slopePerDay() > 0 : line.slopePerDay() < 0;
      return of(improving ? TargetStatus.ON_TRACK : TargetStatus.OFF_TRACK);
    }
    double projected = line.valueAt(deadline.get());
    TargetStatus status = direction.meets(projected, goal)
        ? TargetStatus.ON_TRACK : TargetStatus.OFF_TRACK;
    return new TargetJudgement(status, Optional.of(projected), deadline);
  }

  private static TargetJudgement of(TargetStatus status) {
    return new TargetJudgement(status, Optional.empty(), Optional.empty());
  }
}
