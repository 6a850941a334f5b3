package io.citylake.kpi;

import java.util.Locale;

/** How a KPI stands against its target, as shown in {@code gold.kpi_catalogue.status}. */
public enum TargetStatus {
  /** The latest value already meets the target. */
  ACHIEVED,
  /** Not met yet, but the trend over at least a quarter year, projected to the end of the
   * judged year, meets the year's target. */
  ON_TRACK,
  /** Not met, and the trend projected to the end of the judged year does not meet it. */
  OFF_TRACK,
  /** The data reach the end of the target's year and the latest value does not meet it. */
  MISSED,
  /** The city has set no target for this KPI and municipality. */
  NO_TARGET,
  /** The target is in another unit than the KPI's headline value (e.g. a payload in kg). */
  NOT_COMPARABLE,
  /** Too little data to judge: no values, or fewer than {@link TargetJudgement#MIN_POINTS}
   * values or {@link TargetJudgement#MIN_SPAN_DAYS} days to draw a trend from. */
  INSUFFICIENT_DATA;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
