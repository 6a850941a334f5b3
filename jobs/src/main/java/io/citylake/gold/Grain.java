package io.citylake.gold;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.functions;

/**
 * The time grain of a gold table: its period column (the period's first day, also the
 * partition column) and how a KPI day maps to it. A night recomputes whole periods: the days
 * it touched, and the months and years containing them.
 */
public enum Grain {
  DAY("dt"),
  MONTH("month"),
  YEAR("year");

  private final String column;

  Grain(String column) {
    this.column = column;
  }

  /** Name of the period column in gold: {@code dt}, {@code month} or {@code year}. */
  public String column() {
    return column;
  }

  public LocalDate start(LocalDate day) {
    return switch (this) {
      case DAY -> day;
      case MONTH -> day.withDayOfMonth(1);
      case YEAR -> day.withDayOfYear(1);
    };
  }

  public LocalDate end(LocalDate day) {
    return switch (this) {
      case DAY -> day;
      case MONTH -> day.withDayOfMonth(day.lengthOfMonth());
      case YEAR -> day.withDayOfYear(day.lengthOfYear());
    };
  }

  /** The period of a date column, as a date column. */
  public Column of(Column day) {
    return switch (this) {
      case DAY -> day;
      case MONTH -> functions.trunc(day, "month");
      case YEAR -> functions.trunc(day, "year");
    };
  }

  /** The distinct periods containing {@code days}, sorted. */
  public List<LocalDate> periods(List<LocalDate> days) {
    return days.stream().map(this::start).distinct().sorted().toList();
  }

  /** {@code <column> IN (DATE'..', ...)} for replaceWhere and filters. */
  public String in(List<LocalDate> periods) {
    return column + " IN (" + periods.stream().map(d -> "DATE'" + d + "'")
        .collect(Collectors.joining(", ")) + ")";
  }
}
