package io.citylake.kpi;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Judges a KPI series against the target of one period, a calendar or fiscal year. The period
 * is the target's year; for a growth path or a target without a year, the year the newest data
 * falls in, and the goal is the path's value for that year. Rules, in order:
 *
 * <ol>
 *   <li>no target and no path → {@code no_target};
 *   <li>target in another unit → {@code not_comparable};
 *   <li>no values → {@code insufficient_data};
 *   <li>the latest value meets the period's goal → {@code achieved};
 *   <li>the data reach the period's last day (31 December, or 31 March for a fiscal year) and the
 *       latest value does not meet it → {@code missed};
 *   <li>the values span fewer than {@link #MIN_SPAN_DAYS} days (a quarter of the target's year)
 *       or fewer than {@link #MIN_POINTS} periods → {@code insufficient_data}: two weeks of daily
 *       values say nothing about an annual target;
 *   <li>otherwise a least-squares line over the values is projected to the period's last day:
 *       {@code on_track} when it meets the goal there, else {@code off_track}.
 * </ol>
 *
 * @param projected the line's value on {@code projectionDate}, when a line was fitted
 * @param periodGoal the goal of the judged period (the path's value for it), when there is one
 * @param periodYear the judged year, of {@code yearType}
 * @param reason one English sentence saying why the status is what it is
 */
public record TargetJudgement(
    TargetStatus status, Optional<Double> projected, Optional<LocalDate> projectionDate,
    Optional<Double> periodGoal, Optional<Integer> periodYear, YearType yearType,
    String reason) {
  public static final int MIN_POINTS = 3;
  /** The least span of data, in days, that a trend over a year-long target needs. */
  public static final int MIN_SPAN_DAYS = 91;

  public static TargetJudgement judge(KpiDefinition kpi, KpiTarget target,
      List<SeriesPoint> series) {
    YearType type = target.yearType();
    if (!target.hasGoal()) {
      return bare(TargetStatus.NO_TARGET, type, "the city set no target");
    }
    if (target.unit().isPresent() && !target.unit().get().equals(kpi.unit())) {
      return bare(TargetStatus.NOT_COMPARABLE, type, "the target is in " + target.unit().get()
          + ", the KPI in " + kpi.unit());
    }
    if (series.isEmpty()) {
      return bare(TargetStatus.INSUFFICIENT_DATA, type, "no published values");
    }
    SeriesPoint latest = series.stream().max(Comparator.comparing(SeriesPoint::through)
        .thenComparing(SeriesPoint::day)).get();
    int year = target.path().isPresent() || target.targetYear().isEmpty()
        ? type.yearOf(latest.through()) : target.targetYear().get();
    double goal = target.path().map(p -> p.valueFor(year)).orElseGet(() -> target.target().get());
    Period period = new Period(goal, year, type);
    Direction direction = target.direction().orElse(kpi.direction());
    if (direction.meets(latest.value(), goal)) {
      return period.status(TargetStatus.ACHIEVED, "the latest value (" + latest.through()
          + ") meets the target of " + type.label(year));
    }
    LocalDate end = type.end(year);
    if (!latest.through().isBefore(end)) {
      return period.status(TargetStatus.MISSED, type.label(year) + " ended on " + end
          + " and the latest value (" + latest.through() + ") does not meet its target");
    }
    LocalDate first = series.stream().map(SeriesPoint::day).min(Comparator.naturalOrder()).get();
    long span = ChronoUnit.DAYS.between(first, latest.through()) + 1;
    long periods = series.stream().map(SeriesPoint::day).distinct().count();
    if (span < MIN_SPAN_DAYS || periods < MIN_POINTS) {
      return period.status(TargetStatus.INSUFFICIENT_DATA, String.format(Locale.ROOT,
          "%d value(s) over %d day(s); a trend to %s needs at least %d values over %d days",
          periods, span, end, MIN_POINTS, MIN_SPAN_DAYS));
    }
    double projected = TrendLine.fit(series).valueAt(end);
    boolean meets = direction.meets(projected, goal);
    return new TargetJudgement(meets ? TargetStatus.ON_TRACK : TargetStatus.OFF_TRACK,
        Optional.of(projected), Optional.of(end), Optional.of(goal), Optional.of(year), type,
        String.format(Locale.ROOT, "the trend over %d days projects %.6g on %s, against %.6g",
            span, projected, end, goal));
  }

  private static TargetJudgement bare(TargetStatus status, YearType type, String reason) {
    return new TargetJudgement(status, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), type, reason);
  }

  /** The judged period and its goal. */
  private record Period(double goal, int year, YearType type) {
    TargetJudgement status(TargetStatus status, String reason) {
      return new TargetJudgement(status, Optional.empty(), Optional.empty(), Optional.of(goal),
          Optional.of(year), type, reason);
    }
  }
}
