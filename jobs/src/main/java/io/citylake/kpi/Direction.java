package io.citylake.kpi;

import io.citylake.lake.CityLakeException;
import java.util.Locale;

/** Whether a KPI improves as it rises or as it falls; decides how a target is met. */
public enum Direction {
  HIGHER,
  LOWER;

  /** True when {@code value} is at or beyond {@code target} on the good side. */
  public boolean meets(double value, double target) {
    return this == HIGHER ? value >= target : value <= target;
  }

  /** {@code higher} or {@code lower}, as written in reference/kpi_targets.csv. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Direction parse(String code) {
    for (Direction direction : values()) {
      if (direction.code().equals(code == null ? null : code.trim().toLowerCase(Locale.ROOT))) {
        return direction;
      }
    }
    throw CityLakeException.badInput("read a KPI direction", "expected higher or lower", code);
  }
}
