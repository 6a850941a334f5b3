package io.citylake.kpi;

import java.util.Optional;

/**
 * One row of silver.ref_kpi_targets: the city's baseline and target for a KPI in one
 * municipality. Any part may be missing (the seed targets leave several cells empty).
 */
public record KpiTarget(
    Optional<String> unit, Optional<Direction> direction, Optional<Double> baseline,
    Optional<Integer> baselineYear, Optional<Double> target, Optional<Integer> targetYear) {

  public static KpiTarget none() {
    return new KpiTarget(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
  }
}
