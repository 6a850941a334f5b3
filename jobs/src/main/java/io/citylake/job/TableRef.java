package io.citylake.job;

import io.citylake.lake.Layer;
import java.util.Objects;

/**
 * A dataset a job reads or writes, named by layer and table ({@code bronze.transit_taps}). The
 * pipeline graph links jobs through these names, so they must be spelled the same everywhere.
 */
public record TableRef(Layer layer, String table) {
  public TableRef {
    Objects.requireNonNull(layer, "layer");
    Objects.requireNonNull(table, "table");
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

  public static TableRef silver(String table) {
    return new TableRef(Layer.SILVER, table);
  }

  public static TableRef gold(String table) {
    return new TableRef(Layer.GOLD, table);
  }

  /** {@code layer.table}, as shown by {@code plan} and used in the metastore. */
  @Override
  public String toString() {
    return layer.directory() + "." + table;
  }
}
