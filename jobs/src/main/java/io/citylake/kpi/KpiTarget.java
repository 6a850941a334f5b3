package io.citylake.kpi;

import java.util.Objects;
import java.util.Optional;

/**
 * One row of silver.ref_kpi_targets: the city's baseline and target for a KPI in one
 * municipality. Any part may be missing (the seed targets leave several cells empty). Years are
 * calendar or fiscal years ({@code yearType}); a {@code path} replaces a point target by one per
 * year.
 */
public record KpiTarget(
    Optional<String> unit, Optional<Direction> direction, Optional<Double> baseline,
    Optional<Integer> baselineYear, Optional<Double> target, Optional<Integer> targetYear,
    YearType yearType, Optional<GrowthPath> path) {

  public KpiTarget {
    Objects.requireNonNull(yearType, "yearType");
  }

  /** A calendar-year point target (or none). */
  public KpiTarget(Optional<String> unit, Optional<Direction> direction, Optional<Double> baseline,
      Optional<Integer> baselineYear, Optional<Double> target, Optional<Integer> targetYear) {
    this(unit, direction, baseline, baselineYear, target, targetYear, YearType.CALENDAR,
        Optional.empty());
  }

  public static KpiTarget none() {
    return new KpiTarget(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  /** Whether the city set anything to judge against: a point target or a growth path. */
  public boolean hasGoal() {
    return target.isPresent() || path.isPresent();
  }
}
