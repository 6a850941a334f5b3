package io.citylake.lake;

import java.util.Locale;

/** The medallion layers; each is a directory below the lake root and a metastore database. */
public enum Layer {
  RAW,
  REFERENCE,
  BRONZE,
  SILVER,
  GOLD;

  /** Directory below the lake root and name of the metastore database, e.g. {@code bronze}. */
  public String directory() {
    return name().toLowerCase(Locale.ROOT);
  }
}
