package io.citylake.publish;

import java.util.Arrays;
import java.util.Optional;

/** The open formats a gold table is exported to, and the file extension of each. */
public enum ExportFormat {
  /** GeoParquet 1.x: Parquet with WKB geometry and the {@code geo} file metadata. */
  GEOPARQUET("geoparquet", "parquet", "application/vnd.apache.parquet"),
  /** One RFC 7946 FeatureCollection, WGS84 lon/lat. */
  GEOJSON("geojson", "geojson", "application/geo+json"),
  /** CSV with a header and the geometry as WKT in {@code geometry_wkt}. */
  CSV("csv", "csv", "text/csv");

  private final String label;
  private final String extension;
  private final String mediaType;

  ExportFormat(String label, String extension, String mediaType) {
    this.label = label;
    this.extension = extension;
    this.mediaType = mediaType;
  }

  /** The IANA media type of the file, as open-data catalogues list it. */
  public String mediaType() {
    return mediaType;
  }

  public String label() {
    return label;
  }

  public String extension() {
    return extension;
  }

  public static Optional<ExportFormat> of(String label) {
    return Arrays.stream(values()).filter(f -> f.label.equalsIgnoreCase(label)).findFirst();
  }
}
