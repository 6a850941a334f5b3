package io.citylake.kpi;

import io.citylake.contract.Vocabulary;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The contract of {@code reference/kpi_observations.csv}, the KPI values the city reports itself.
 * A reported value is checked like any delivered row: a row that breaks a rule is not used and is
 * quarantined with the rule, the field to blame and its text, and the night prints one warning
 * line naming the file, the line and the reason. Pure Java, no Spark.
 */
public final class KpiObservationRules {
  /** The file's columns, in order. */
  public static final List<String> COLUMNS = List.of("kpi_id", "municipality", "year_type",
      "year", "value", "unit", "source", "reported_by", "reported_on");
  static final int FIRST_YEAR = 1990;
  static final int LAST_YEAR = 2100;

  private KpiObservationRules() {}

  /**
   * Why a row was rejected: the rule (short, the quarantine's {@code rule}), the field to blame
   * and its delivered text (null when no one field is), and a one-line message.
   */
  public record Rejection(String rule, String field, String value) {
    /** {@code Cannot read a KPI observation: <rule> (got: <value>)}. */
    public String message() {
      return "Cannot read a KPI observation: " + rule + " (got: "
          + (value == null ? "nothing" : value) + ")";
    }
  }

  /** The observation of one row, or why it was rejected. */
  public record Checked(Optional<KpiObservation> observation, Optional<Rejection> rejection) {
    static Checked ok(KpiObservation o) {
      return new Checked(Optional.of(o), Optional.empty());
    }

    static Checked rejected(String rule, String field, String value) {
      return new Checked(Optional.empty(), Optional.of(new Rejection(rule, field, value)));
    }
  }

  /** Checks one row's fields, in {@link #COLUMNS} order. */
  public static Checked check(List<String> fields) {
    if (fields.size() != COLUMNS.size()) {
      return Checked.rejected("expected " + COLUMNS.size() + " fields", null,
          String.valueOf(fields.size()));
    }
    String kpiId = text(fields, 0);
    Optional<KpiDefinition> kpi = KpiDefinition.byId(kpiId);
    if (kpi.isEmpty()) {
      return Checked.rejected("unknown kpi_id", "kpi_id", kpiId);
    }
    if (kpi.get().measured()) {
      return Checked.rejected("kpi_id is measured by the lake, not reported", "kpi_id", kpiId);
    }
    String municipality = text(fields, 1);
    if (!Vocabulary.MUNICIPALITIES.contains(municipality)) {
      return Checked.rejected("unknown municipality", "municipality", municipality);
    }
    String typeText = text(fields, 2);
    if (!typeText.equals("calendar") && !typeText.equals("fiscal")) {
      return Checked.rejected("year_type is not calendar or fiscal", "year_type", typeText);
    }
    String yearText = text(fields, 3);
    Integer year = parseYear(yearText);
    if (year == null) {
      return Checked.rejected("year is not a year from " + FIRST_YEAR + " to " + LAST_YEAR,
          "year", yearText);
    }
    String valueText = text(fields, 4);
    Double value = parseValue(valueText);
    if (value == null) {
      return Checked.rejected("value is not a non-negative number", "value", valueText);
    }
    String unit = text(fields, 5);
    if (!unit.equals(kpi.get().unit())) {
      return Checked.rejected("unit is not the KPI's unit " + kpi.get().unit(), "unit", unit);
    }
    for (int i = 6; i <= 7; i++) {
      if (text(fields, i).isEmpty()) {
        return Checked.rejected(COLUMNS.get(i) + " is missing", COLUMNS.get(i), "");
      }
    }
    String dayText = text(fields, 8);
    LocalDate reportedOn;
    try {
      reportedOn = LocalDate.parse(dayText);
    } catch (DateTimeParseException e) {
      return Checked.rejected("reported_on is not a date (YYYY-MM-DD)", "reported_on", dayText);
    }
    YearType type = YearType.parse(typeText);
    if (reportedOn.isBefore(type.start(year))) {
      return Checked.rejected("reported_on is before " + type.label(year) + " began",
          "reported_on", dayText);
    }
    return Checked.ok(new KpiObservation(kpiId, municipality, type, year, value, unit,
        text(fields, 6), text(fields, 7), reportedOn));
  }

  private static String text(List<String> fields, int i) {
    return fields.get(i) == null ? "" : fields.get(i).trim();
  }

  private static Integer parseYear(String text) {
    if (!text.matches("\\d{4}")) {
      return null;
    }
    int year = Integer.parseInt(text);
    return year < FIRST_YEAR || year > LAST_YEAR ? null : year;
  }

  private static Double parseValue(String text) {
    try {
      double value = Double.parseDouble(text);
      return Double.isFinite(value) && value >= 0 && !text.matches(".*[a-zA-Z].*") ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
