package io.citylake.lake;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The medallion layers; each is a directory below the lake root and a metastore database. Bronze
 * only grows (appends of what was delivered); the rows silver refused go to the restricted
 * {@link #QUARANTINE} zone beside it, which conform jobs rewrite day by day.
 */
public enum Layer {
  RAW,
  REFERENCE,
  BRONZE,
  QUARANTINE,
  SILVER,
  GOLD;

  /** The layers that hold Delta tables, each a metastore database, in the data's order. */
  public static final List<Layer> TABLE_LAYERS = List.of(BRONZE, QUARANTINE, SILVER, GOLD);

  /** The table layer whose directory (and database) is {@code name}, e.g. {@code silver}. */
  public static Optional<Layer> tableLayer(String name) {
    return TABLE_LAYERS.stream().filter(l -> l.directory().equals(name)).findFirst();
  }

  /** Directory below the lake root and name of the metastore database, e.g. {@code bronze}. */
  public String directory() {
    return name().toLowerCase(Locale.ROOT);
  }
}
