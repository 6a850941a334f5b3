package io.citylake.spatial;

/**
 * The kinds of area the spatial gold tables aggregate to, named as they appear in their {@code
 * area_level} column: wards (or the whole municipality where there are none), JIS X 0410 third
 * order squares (1 km) and their half squares (500 m), and H3 hexagons at the lake's resolution.
 */
public enum AreaLevel {
  WARD("ward", "ward_code"),
  MESH3("mesh3", "mesh3"),
  MESH4("mesh4", "mesh4"),
  H3("h3", "h3");

  private final String label;
  private final String column;

  AreaLevel(String label, String column) {
    this.label = label;
    this.column = column;
  }

  /** The value of {@code area_level} in gold. */
  public String label() {
    return label;
  }

  /** The column of located rows ({@link PointLocator}) holding this level's area id. */
  public String column() {
    return column;
  }
}
