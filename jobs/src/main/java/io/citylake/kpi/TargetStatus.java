package io.citylake.kpi;

import java.util.Locale;

/** How a KPI stands against its target, as shown in {@code gold.kpi_catalogue.status}. */
public enum TargetStatus {
  /** The latest value already meets the target. */
  ACHIEVED,
  /** Not met yet, but the trend projected to the target year's end meets it (or, without a
   * target year, the trend improves). */
  ON_TRACK,
  /** Not met, and the projection (or the trend, without a target year) does not meet it. */
  OFF_TRACK,
  /** The target year has ended before the latest data and the latest value does not meet it. */
  MISSED,
  /** The city has set no target for this KPI and municipality. */
  NO_TARGET,
  /** The target is in another unit than the KPI's headline value (e.g. a payload in kg). */
  NOT_COMPARABLE,
  /** Too few values to judge (no data, or fewer than {@link TargetJudgement#MIN_POINTS}). */
  INSUFFICIENT_DATA;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
