package io.citylake.ingest;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * One delivered file as bronze records it: where it is, which service day it belongs to, and the
 * fingerprint that tells a re-delivery from a new or corrected file.
 *
 * @param path Hadoop path string as listed by the file system, used to read it
 * @param lakePath the path relative to the lake root, as bronze records it (lakes stay movable)
 * @param dt service day from the {@code dt=} partition (for GTFS feeds: the day it was ingested)
 * @param header the file's column names for CSV-like files (BOM stripped), empty for JSON lines
 * @param headerLine the header line exactly as it appears (BOM stripped), skipped when reading
 */
public record RawFile(
    String path, String lakePath, LocalDate dt, long size, long modifiedAt, String sha256, List<String> header,
    String headerLine) implements Serializable {

  public RawFile {
    header = List.copyOf(header);
  }

  /** Last path element, e.g. {@code taps-2026-11-01.csv.gz}. */
  public String fileName() {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Name of the folder holding the file: the GTFS feed id for feed files. */
  public String folderName() {
    String parent = path.substring(0, path.lastIndexOf('/'));
    return parent.substring(parent.lastIndexOf('/') + 1);
  }
}
