package io.citylake.ingest;

import java.net.URI;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.LongAccumulator;

/**
 * Executor-side step of bronze ingest: turns {@code (line, file path)} into a bronze row, skipping
 * header and blank lines. Unparsable lines become rows too, with their raw text and the reason.
 */
final class BronzeLineMapper implements FlatMapFunction<Row, Row> {
  private final Map<String, RawFile> filesByKey;
  private final LineParser parser;
  private final String runId;
  private final Instant ingestedAt;
  private final LongAccumulator corruptLines;

  BronzeLineMapper(
      Map<String, RawFile> filesByKey, LineParser parser, String runId, Instant ingestedAt,
      LongAccumulator corruptLines) {
    this.filesByKey = filesByKey;
    this.parser = parser;
    this.runId = runId;
    this.ingestedAt = ingestedAt;
    this.corruptLines = corruptLines;
  }

  /** Normalises a path string so the listing and Spark's {@code input_file_name()} agree. */
  static String key(String path) {
    try {
      return new Path(new URI(path)).toUri().normalize().getPath();
    } catch (java.net.URISyntaxException e) {
      return new Path(path).toUri().normalize().getPath();
    }
  }

  @Override
  public Iterator<Row> call(Row input) {
    String line = input.getString(0);
    RawFile file = filesByKey.get(key(input.getString(1)));
    if (file == null) {
      throw new IllegalStateException("Cannot map line of unlisted file " + input.getString(1));
    }
    String text = RawFileScanner.withoutBom(line);
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.isBlank() || (!file.headerLine().isEmpty() && text.equals(file.headerLine()))) {
      return Collections.emptyIterator();
    }
    ParsedLine parsed = parser.parse(file, text);
    if (parsed.isCorrupt()) {
      corruptLines.add(1);
    }
    Object[] payload = parsed.values();
    Object[] values = new Object[payload.length + 9];
    System.arraycopy(payload, 0, values, 0, payload.length);
    int i = payload.length;
    values[i++] = text;
    values[i++] = parsed.error();
    values[i++] = file.lakePath();
    values[i++] = file.sha256();
    values[i++] = file.size();
    values[i++] = new Timestamp(file.modifiedAt());
    values[i++] = Timestamp.from(ingestedAt);
    values[i++] = runId;
    values[i] = Date.valueOf(file.dt());
    return Collections.singletonList(RowFactory.create(values)).iterator();
  }
}
