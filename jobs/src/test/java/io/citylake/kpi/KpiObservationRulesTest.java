package io.citylake.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of reference/kpi_observations.csv, the values the town reports; no Spark. */
class KpiObservationRulesTest {
  private static List<String> fields(String line) {
    return Arrays.asList(line.split(",", -1));
  }

  private static KpiObservationRules.Rejection rejected(String line) {
    KpiObservationRules.Checked checked = KpiObservationRules.check(fields(line));
    assertThat(checked.observation()).as(line).isEmpty();
    return checked.rejection().orElseThrow();
  }

  @Test
  void aWellFormedLineBecomesAnObservationOfItsYear() {
    KpiObservation o = KpiObservationRules.check(fields("households_moved_in,susami,fiscal,2024,"
        + "12,households,Town report,Susami town office,2025-04-20")).observation().orElseThrow();
    assertThat(o.value()).isEqualTo(12.0);
    assertThat(o.yearType()).isEqualTo(YearType.FISCAL);
    assertThat(o.point()).isEqualTo(new SeriesPoint(LocalDate.of(2024, 4, 1), 12.0,
        LocalDate.of(2025, 3, 31)));
    assertThat(o.reportedBy()).isEqualTo("Susami town office");
  }

  @Test
  void aBadValueIsRejectedWithAClearMessage() {
    KpiObservationRules.Rejection ten = rejected("households_moved_in,susami,calendar,2024,ten,"
        + "households,Town report,Susami town office,2025-01-15");
    assertThat(ten.message()).isEqualTo(
        "Cannot read a KPI observation: value is not a non-negative number (got: ten)");
    assertThat(ten.field()).isEqualTo("value");
    assertThat(ten.rule()).isEqualTo("value is not a non-negative number");
    assertThat(rejected("companies_attracted,susami,calendar,2024,-1,companies,Town report,"
        + "Susami town office,2025-01-15").message()).endsWith("(got: -1)");
    assertThat(rejected("companies_attracted,susami,calendar,2024,NaN,companies,Town report,"
        + "Susami town office,2025-01-15").field()).isEqualTo("value");
  }

  @Test
  void everyOtherFieldIsCheckedToo() {
    String tail = ",Town report,Susami town office,2025-01-15";
    assertThat(rejected("visitors,susami,calendar,2024,5,persons/year" + tail).message())
        .isEqualTo("Cannot read a KPI observation: kpi_id is measured by the lake, not reported"
            + " (got: visitors)");
    assertThat(rejected("companies,susami,calendar,2024,1,companies" + tail).rule())
        .isEqualTo("unknown kpi_id");
    assertThat(rejected("companies_attracted,osaka,calendar,2024,1,companies" + tail).rule())
        .isEqualTo("unknown municipality");
    assertThat(rejected("companies_attracted,susami,school,2024,1,companies" + tail).rule())
        .isEqualTo("year_type is not calendar or fiscal");
    assertThat(rejected("companies_attracted,susami,fiscal,24,1,companies" + tail).rule())
        .isEqualTo("year is not a year from 1990 to 2100");
    assertThat(rejected("companies_attracted,susami,fiscal,2024,1,firms" + tail).rule())
        .isEqualTo("unit is not the KPI's unit companies");
    assertThat(rejected("companies_attracted,susami,fiscal,2024,1,companies,,Town,2025-01-15")
        .rule()).isEqualTo("source is missing");
    assertThat(rejected("companies_attracted,susami,fiscal,2024,1,companies,Report,Town,"
        + "15/01/2025").rule()).isEqualTo("reported_on is not a date (YYYY-MM-DD)");
    assertThat(rejected("companies_attracted,susami,fiscal,2024,1,companies,Report,Town,"
        + "2024-03-31").rule()).isEqualTo("reported_on is before FY2024 began");
    assertThat(rejected("companies_attracted,susami,fiscal,2024").message())
        .isEqualTo("Cannot read a KPI observation: expected 9 fields (got: 4)");
  }
}
