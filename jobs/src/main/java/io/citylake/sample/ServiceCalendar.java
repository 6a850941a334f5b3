package io.citylake.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/**
 * Which timetable runs on a day: {@code WD} on weekdays, {@code WE} on weekends and Japanese
 * fixed-date national holidays (moving holidays such as Coming-of-Age Day are ignored; the sample
 * days fall in November with Culture Day and Labour Thanksgiving Day).
 */
final class ServiceCalendar {
  static final String WEEKDAY = "WD";
  static final String WEEKEND = "WE";
  private static final Set<MonthDay> HOLIDAYS = Set.of(MonthDay.of(1, 1), MonthDay.of(2, 11),
      MonthDay.of(2, 23), MonthDay.of(4, 29), MonthDay.of(5, 3), MonthDay.of(5, 4),
      MonthDay.of(5, 5), MonthDay.of(8, 11), MonthDay.of(11, 3), MonthDay.of(11, 23));

  private ServiceCalendar() {}

  static boolean holiday(LocalDate day) {
    return HOLIDAYS.contains(MonthDay.from(day));
  }

  static boolean weekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  static boolean weekendOrHoliday(LocalDate day) {
    return weekend(day) || holiday(day);
  }

  static String serviceId(LocalDate day) {
    return weekendOrHoliday(day) ? WEEKEND : WEEKDAY;
  }
}
