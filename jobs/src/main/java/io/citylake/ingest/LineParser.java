package io.citylake.ingest;

import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * Turns one raw line of a known file into bronze payload values. Implementations keep every value
 * as text: typing is silver's job, so bronze never loses a value because it had the wrong type.
 */
public interface LineParser extends Serializable {
  /** The payload columns this parser fills, in order (all strings or maps of strings). */
  List<StructField> payloadFields();

  ParsedLine parse(RawFile file, String line);

  /**
   * Whether a record may span lines, so bronze reads each file whole and asks
   * {@link #parseWhole} for its records (NGSI-LD documents); no for line formats.
   */
  default boolean readsWholeFiles() {
    return false;
  }

  /** The records of a whole file's text, each with its raw text, for {@link #readsWholeFiles}. */
  default java.util.List<ParsedRecord> parseWhole(RawFile file, String text) {
    throw new UnsupportedOperationException(getClass().getSimpleName() + " reads lines");
  }

  /** A line whose bytes do not decode in its file's encoding: no payload, only the reason. */
  default ParsedLine undecodable(RawFile file, String error) {
    return ParsedLine.corrupt(payloadFields().size(), error);
  }

  /**
   * Why a whole file cannot be read as its dataset's format (its lines are still kept, each
   * with this reason), or empty when it can.
   */
  default java.util.Optional<String> fileProblem(RawFile file) {
    return java.util.Optional.empty();
  }

  /**
   * Whether {@code line} is the file's header, which bronze skips: by default a line equal to the
   * file's first line, for files that have one.
   */
  default boolean isHeader(RawFile file, String line) {
    return !file.headerLine().isEmpty() && line.equals(file.headerLine());
  }

  /**
   * Whether the file holds its header and nothing else, which delivers nothing: no by default
   * (a GTFS feed's header-only {@code calendar_dates.txt} is a valid part of the feed).
   */
  default boolean headerOnly(RawFile file) {
    return false;
  }

  /** Nullable string columns named after {@code fields}: bronze keeps every value as text. */
  static List<StructField> textFields(List<String> fields) {
    return fields.stream()
        .map(field -> DataTypes.createStructField(field, DataTypes.StringType, true))
        .toList();
  }
}
