package io.citylake.conform;

import io.citylake.job.TableRef;

/**
 * A reference check: the value of {@code column} must exist in {@code referenceColumn} of the
 * reference table, else the row is quarantined as {@code unknown <column>}.
 */
public record Lookup(String column, TableRef reference, String referenceColumn) {
  public String ruleName() {
    return "unknown " + column;
  }
}
