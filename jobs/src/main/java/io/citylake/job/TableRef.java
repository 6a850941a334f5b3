package io.citylake.job;

import io.citylake.lake.Layer;
import java.util.Objects;
import java.util.Optional;

/**
 * A dataset a job reads or writes, named by layer and table ({@code bronze.transit_taps}). The
 * pipeline graph links jobs through these names, so they must be spelled the same everywhere.
 *
 * <p>A shared table that several jobs fill side by side (the quarantine: one slice per dataset)
 * is named with the slice a job owns, {@code quarantine.rejected_rows[transit_taps]}; a reader of
 * the whole table ({@code quarantine.rejected_rows}) depends on every job writing a slice of it.
 */
public record TableRef(Layer layer, String table, Optional<String> slice) {
  public TableRef {
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(slice, "slice");
  }

  public TableRef(Layer layer, String table) {
    this(layer, table, Optional.empty());
  }

  public static TableRef raw(String dataset) {
    return new TableRef(Layer.RAW, dataset);
  }

  public static TableRef reference(String file) {
    return new TableRef(Layer.REFERENCE, file);
  }

  public static TableRef bronze(String table) {
    return new TableRef(Layer.BRONZE, table);
  }

  public static TableRef quarantine(String table) {
    return new TableRef(Layer.QUARANTINE, table);
  }

  public static TableRef silver(String table) {
    return new TableRef(Layer.SILVER, table);
  }

  public static TableRef gold(String table) {
    return new TableRef(Layer.GOLD, table);
  }

  /** The slice {@code name} of this shared table. */
  public TableRef slice(String name) {
    return new TableRef(layer, table, Optional.of(name));
  }

  /** The whole table this reference names or slices. */
  public TableRef whole() {
    return new TableRef(layer, table);
  }

  /** {@code layer.table} or {@code layer.table[slice]}, as shown by {@code plan}. */
  @Override
  public String toString() {
    return layer.directory() + "." + table + slice.map(s -> "[" + s + "]").orElse("");
  }
}
