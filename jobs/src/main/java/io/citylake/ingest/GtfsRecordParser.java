package io.citylake.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import scala.collection.JavaConverters;

/**
 * Parses any GTFS (or GTFS-JP) text file into {@code feed_id, file_name, record} where the record
 * maps the file's own header to the line's values. Publishers add files and columns freely; bronze
 * keeps them all and silver picks what it understands.
 */
public final class GtfsRecordParser implements LineParser {
  private final CsvTokenizer tokenizer = new CsvTokenizer();

  @Override
  public List<StructField> payloadFields() {
    return List.of(
        DataTypes.createStructField("feed_id", DataTypes.StringType, false),
        DataTypes.createStructField("file_name", DataTypes.StringType, false),
        DataTypes.createStructField(
            "record",
            DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true),
            true));
  }

  @Override
  public ParsedLine undecodable(RawFile file, String error) {
    return new ParsedLine(new Object[] {file.folderName(), file.fileName(), null}, error);
  }

  @Override
  public ParsedLine parse(RawFile file, String line) {
    String feedId = file.folderName();
    String fileName = file.fileName();
    List<String> tokens;
    try {
      tokens = tokenizer.split(line);
    } catch (RuntimeException e) {
      return new ParsedLine(new Object[] {feedId, fileName, null}, "unparsable CSV");
    }
    List<String> header = file.header();
    if (tokens.size() != header.size()) {
      return new ParsedLine(
          new Object[] {feedId, fileName, null},
          "expected " + header.size() + " fields, got " + tokens.size());
    }
    Map<String, String> record = new LinkedHashMap<>();
    for (int i = 0; i < header.size(); i++) {
      record.put(header.get(i), tokens.get(i));
    }
    Object scalaMap = JavaConverters.mapAsScalaMapConverter(record).asScala();
    return ParsedLine.ok(new Object[] {feedId, fileName, scalaMap});
  }
}
