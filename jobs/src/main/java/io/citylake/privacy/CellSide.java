package io.citylake.privacy;

import java.util.List;

/**
 * One side of an additive relation: the rows of a gold table ({@code filter}, a SQL predicate)
 * and the SQL expressions that name the group a row adds into ({@code group}). The two sides of a
 * relation list their group expressions in the same order, so equal values mean the same group.
 */
public record CellSide(String table, String filter, List<String> group) {
  public CellSide {
    group = List.copyOf(group);
  }

  /** All rows of {@code table}. */
  public static CellSide of(String table, String... group) {
    return new CellSide(table, "true", List.of(group));
  }

  /** The rows of {@code table} matching {@code filter}. */
  public static CellSide where(String table, String filter, String... group) {
    return new CellSide(table, filter, List.of(group));
  }
}
