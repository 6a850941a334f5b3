package io.citylake.sample;

/**
 * Which sample day (0-based index) carries which story, clipped to the spec's days: the Susami
 * heavy-rain evacuation with a tsunami drill (3 days), the Sapporo first snow, the survey, and the
 * three late deliveries.
 */
record EventCalendar(int susamiEventStart, int snowStart, int surveyDay, int lateTapDay,
    int missingArrivalsDay, int correctedInventoryDay, int lastDay) {

  static EventCalendar of(SampleSpec spec) {
    int last = spec.days() - 1;
    return new EventCalendar(Math.min(3, last), Math.min(8, last), Math.min(6, last),
        Math.min(9, last), Math.min(11, last), Math.min(12, last), last);
  }

  /** Whether the day is one of the three Susami event days. */
  boolean susamiEvent(int day) {
    return day >= susamiEventStart && day < susamiEventStart + 3;
  }

  /** Day of the tsunami drill (second event day), possibly after the last sample day. */
  int drillDay() {
    return susamiEventStart + 1;
  }

  boolean snowing(int day) {
    return day >= snowStart && day <= snowStart + 1;
  }
}
