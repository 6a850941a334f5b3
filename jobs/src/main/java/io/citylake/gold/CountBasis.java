package io.citylake.gold;


/**
 * What the {@code persons}/{@code records} column of a KPI row counts. Only person-based cells
 * are subject to k-anonymity: sensor, drone and shelter-stock KPIs describe devices, flights and
 * stock counts, not people, so they count records and are never suppressed.
 */
public enum CountBasis {
  /** Distinct pseudonymised persons, cards or respondents; cells below k are suppressed. */
  PERSONS("persons"),
  /** Source records (observations, flights, stock counts); never suppressed. */
  RECORDS("records");

  private final String column;

  CountBasis(String column) {
    this.column = column;
  }

  /** Name of the count column in the KPI's gold tables. */
  public String column() {
    return column;
  }

  public boolean suppressible() {
    return this == PERSONS;
  }
}
