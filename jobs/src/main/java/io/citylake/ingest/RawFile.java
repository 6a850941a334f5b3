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
 * @param encoding the character set the file's text is in ({@code UTF-8} or {@code windows-31j}),
 *     found by {@link EncodingDetector}
 * @param undecodableLines lines whose bytes are not valid in {@code encoding}: bronze keeps their
 *     bytes, and silver quarantines them
 * @param blank whether the file holds nothing but whitespace (a zero-byte file, for one)
 * @param nonBlankLines lines holding more than whitespace, the header line included
 * @param unreadable why the file could not be read at all (no permission, a broken or fake
 *     gzip), null when it could: such a file is refused whole, since a reader would fail on it
 */
public record RawFile(
    String path, String lakePath, LocalDate dt, long size, long modifiedAt, String sha256, List<String> header,
    String headerLine, String encoding, long undecodableLines, boolean blank,
    long nonBlankLines, String unreadable)
    implements Serializable {

  public RawFile {
    header = List.copyOf(header);
  }

  /** The file's character set, to decode its lines with. */
  public java.nio.charset.Charset charset() {
    return java.nio.charset.Charset.forName(encoding);
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
