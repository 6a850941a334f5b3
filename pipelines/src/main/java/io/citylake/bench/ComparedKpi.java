package io.citylake.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One gold KPI table that the DuckDB baseline recomputes, and how its columns are compared: ratio
 * and average columns within a relative tolerance (the two engines add floating-point numbers in
 * different orders), count columns and the suppression flag exactly. One list, read by the gold
 * reader, the DuckDB reader and the comparison, so the three never disagree on what is checked.
 *
 * @param table gold table name, also {@code kpi_<table>} in the DuckDB script
 * @param periodColumn gold's period column ({@code dt} or {@code month}); DuckDB calls it
 *     {@code period}
 * @param ratios columns compared within {@link #RELATIVE_TOLERANCE}
 * @param counts columns compared exactly (besides {@link #SUPPRESSED})
 */
public record ComparedKpi(String table, String periodColumn, List<String> ratios,
    List<String> counts) {
  /** Relative tolerance of ratio and average columns. */
  public static final double RELATIVE_TOLERANCE = 1e-9;
  public static final String SUPPRESSED = "suppressed";

  public ComparedKpi {
    ratios = List.copyOf(ratios);
    counts = List.copyOf(counts);
  }

  /** The KPIs the baseline computes, daily and (where gold has it) monthly. */
  public static List<ComparedKpi> all() {
    return List.of(
        daily("walking_minutes_daily", List.of("walking_minutes_avg"),
            List.of("person_days", "persons")),
        monthly("walking_minutes_monthly", List.of("walking_minutes_avg"),
            List.of("person_days", "persons")),
        daily("car_daily_share_daily", List.of("car_daily_share"),
            List.of("car_person_days", "travel_person_days", "persons")),
        monthly("car_daily_share_monthly", List.of("car_daily_share"),
            List.of("car_person_days", "travel_person_days", "persons")),
        daily("tourism_spend_daily", List.of("spend_yen", "annualised_spend_yen"),
            List.of("days_with_data", "persons")),
        monthly("tourism_spend_monthly", List.of("spend_yen", "annualised_spend_yen"),
            List.of("days_with_data", "persons")),
        daily("visitors_daily", List.of("visitors", "annualised_visitors"),
            List.of("days_with_data", "persons")),
        monthly("visitors_monthly", List.of("visitors", "annualised_visitors"),
            List.of("days_with_data", "persons")),
        daily("ridership_daily", List.of(), List.of("board_taps", "persons")),
        daily("bus_wait_daily", List.of("wait_minutes_avg"),
            List.of("taps", "taps_without_arrival", "persons")));
  }

  /** Every compared column: ratios, counts, then {@link #SUPPRESSED}. */
  public List<String> columns() {
    List<String> columns = new ArrayList<>(ratios);
    columns.addAll(counts);
    columns.add(SUPPRESSED);
    return columns;
  }

  public boolean isRatio(String column) {
    return ratios.contains(column);
  }

  private static ComparedKpi daily(String table, List<String> ratios, List<String> counts) {
    return new ComparedKpi(table, "dt", ratios, counts);
  }

  private static ComparedKpi monthly(String table, List<String> ratios, List<String> counts) {
    return new ComparedKpi(table, "month", ratios, counts);
  }
}
