package io.citylake.privacy;

import java.util.List;
import java.util.stream.Stream;

/**
 * A published sum: in every group, the {@code totals} rows add up the {@code parts} rows, for
 * each {@link Measure}. Usually one total row per group (a 1 km square and its four 500 m
 * squares); several when the total is itself a sum of published rows (the hours of a day). An
 * analyst can subtract along it, so suppression must protect every group of it.
 */
public record AdditiveRelation(String name, Kind kind, CellSide totals, CellSide parts,
    List<Measure> measures) {
  /** Which hierarchy the relation follows. */
  public enum Kind {
    /** smaller areas inside a larger one (500 m in 1 km, ward in municipality). */
    SPATIAL,
    /** shorter periods inside a longer one (hour in day, day in month). */
    TIME,
    /** the same total published by another table at another grain (stop-days in a day). */
    CROSS_TABLE
  }

  public AdditiveRelation {
    measures = List.copyOf(measures);
    if (totals.group().size() != parts.group().size()) {
      throw new IllegalArgumentException(name + ": both sides need the same group expressions");
    }
  }

  /** The tables the relation reads (one or two). */
  public List<String> tables() {
    return Stream.of(totals.table(), parts.table()).distinct().toList();
  }

  /** Every column the relation's measures use, on the side of {@code table}. */
  public List<String> columnsOf(String table) {
    return measures.stream().flatMap(m -> Stream.concat(
            Stream.concat(
                table.equals(totals.table()) ? Stream.of(m.total()) : Stream.<String>empty(),
                table.equals(parts.table()) ? Stream.of(m.part()) : Stream.<String>empty()),
            m.weight().stream()))
        .distinct().toList();
  }
}
