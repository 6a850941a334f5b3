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

  /** Nullable string columns named after {@code fields}: bronze keeps every value as text. */
  static List<StructField> textFields(List<String> fields) {
    return fields.stream()
        .map(field -> DataTypes.createStructField(field, DataTypes.StringType, true))
        .toList();
  }
}
