package io.citylake.lake;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a run needs to know about where the lake is and how to treat its data, in one typed
 * value so that jobs, the CLI and tests never read settings from anywhere else.
 *
 * @param lakeRoot root URI of the lake ({@code file:/...}, {@code s3a://...}, {@code hdfs://...});
 *     {@code raw/} and {@code reference/} are inside it, bronze/silver/gold are written beside them
 * @param metastoreDir local directory of the embedded Derby metastore; empty when the cluster
 *     provides a metastore (spark-submit with its own hive-site.xml)
 * @param minPersonsPerCell k of k-anonymity: published cells from fewer persons are suppressed
 * @param pseudonymKeyEnv name of the environment variable holding the HMAC pseudonym key
 * @param h3Resolution H3 resolution of the spatial gold tables' hexagon cells (0–15; 8 ≈ 0.7 km²)
 */
public record LakeConfig(
    URI lakeRoot, Optional<Path> metastoreDir, int minPersonsPerCell, String pseudonymKeyEnv,
    int h3Resolution) {

  public static final int DEFAULT_MIN_PERSONS = 10;
  public static final String DEFAULT_KEY_ENV = "CITYLAKE_PSEUDONYM_KEY";
  public static final int DEFAULT_H3_RESOLUTION = 8;

  public LakeConfig {
    Objects.requireNonNull(lakeRoot, "lakeRoot");
    Objects.requireNonNull(metastoreDir, "metastoreDir");
    Objects.requireNonNull(pseudonymKeyEnv, "pseudonymKeyEnv");
    if (minPersonsPerCell < 1) {
      throw CityLakeException.badInput(
          "configure the lake", "the suppression threshold must be at least 1", minPersonsPerCell);
    }
    if (h3Resolution < 0 || h3Resolution > 15) {
      throw CityLakeException.badInput(
          "configure the lake", "the H3 resolution must be between 0 and 15", h3Resolution);
    }
    String text = lakeRoot.toString();
    if (text.endsWith("/")) {
      lakeRoot = URI.create(text.substring(0, text.length() - 1));
    }
  }

  /**
   * A lake on the local disk with its Derby metastore under {@code <lake>/_metastore}: the embedded
   * default for the sample lake, the CLI and the tests.
   */
  public static LakeConfig local(Path lakeDir) {
    Path absolute = lakeDir.toAbsolutePath().normalize();
    return new LakeConfig(
        absolute.toUri(),
        Optional.of(absolute.resolve("_metastore")),
        DEFAULT_MIN_PERSONS,
        DEFAULT_KEY_ENV,
        DEFAULT_H3_RESOLUTION);
  }

  /** A lake on a cluster file system; the metastore comes from the cluster's Spark set-up. */
  public static LakeConfig remote(URI lakeRoot) {
    return new LakeConfig(lakeRoot, Optional.empty(), DEFAULT_MIN_PERSONS, DEFAULT_KEY_ENV,
        DEFAULT_H3_RESOLUTION);
  }

  public LakePaths paths() {
    return new LakePaths(lakeRoot.toString());
  }
}
