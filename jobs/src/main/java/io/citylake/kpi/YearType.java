package io.citylake.kpi;

import io.citylake.lake.CityLakeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Whether a KPI's years are calendar years or Japanese fiscal years (年度, April to March: FY2024
 * runs from 2024-04-01 to 2025-03-31). The city states Tsukuba's and Susami's plans in fiscal
 * years and Sapporo's in calendar years, so a target, a growth path and a reported observation
 * each say which one they mean, and a fiscal-year target is judged on that fiscal year's data.
 */
public enum YearType {
  CALENDAR,
  FISCAL;

  /** The year that {@code day} belongs to: 2025-03-31 is in FY2024, 2025-04-01 in FY2025. */
  public int yearOf(LocalDate day) {
    return this == FISCAL && day.getMonthValue() < 4 ? day.getYear() - 1 : day.getYear();
  }

  /** The first day of {@code year}: 1 January, or 1 April for a fiscal year. */
  public LocalDate start(int year) {
    return this == FISCAL ? LocalDate.of(year, 4, 1) : LocalDate.of(year, 1, 1);
  }

  /** The last day of {@code year}: 31 December, or 31 March of the next year for a fiscal year. */
  public LocalDate end(int year) {
    return start(year + 1).minusDays(1);
  }

  /** {@code 2024} or {@code FY2024}: how the catalogue names a year. */
  public String label(int year) {
    return this == FISCAL ? "FY" + year : String.valueOf(year);
  }

  /** {@code calendar} or {@code fiscal}, as written in the reference files. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Reads a year type; an empty cell means a calendar year. */
  public static YearType parse(String code) {
    if (code == null || code.isBlank()) {
      return CALENDAR;
    }
    for (YearType type : values()) {
      if (type.code().equals(code.trim().toLowerCase(Locale.ROOT))) {
        return type;
      }
    }
    throw CityLakeException.badInput("read a year type", "expected calendar or fiscal", code);
  }
}
