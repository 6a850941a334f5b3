package io.citylake.lake;

import io.citylake.contract.RawDataset;

/**
 * Where each layer lives below the lake root, as Hadoop path strings that work for local disks,
 * S3 and HDFS alike. The layout is part of the data contract: {@code raw/} and {@code reference/}
 * are delivered, everything else is ours.
 */
public record LakePaths(String root) {

  public String raw() {
    return root + "/raw";
  }

  public String raw(RawDataset dataset) {
    return root + "/" + dataset.rawPath();
  }

  /** Folder of the static GTFS feeds, one sub-folder per feed id. */
  public String rawGtfs() {
    return root + "/raw/transit/gtfs";
  }

  public String reference(String fileName) {
    return root + "/reference/" + fileName;
  }

  public String bronze(String table) {
    return root + "/bronze/" + table;
  }

  /** A table of the restricted quarantine zone, beside bronze. */
  public String quarantine(String table) {
    return root + "/quarantine/" + table;
  }

  public String silver(String table) {
    return root + "/silver/" + table;
  }

  public String gold(String table) {
    return root + "/gold/" + table;
  }

  public String layer(Layer layer, String table) {
    return root + "/" + layer.directory() + "/" + table;
  }

  /** Small files that only save work (what a job's outputs were last computed from). */
  public String state() {
    return root + "/_state";
  }

  public String warehouse() {
    return root + "/_warehouse";
  }

  public String reports() {
    return root + "/reports";
  }
}
