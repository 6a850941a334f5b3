package io.citylake.ingest;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.LongAccumulator;

/**
 * Executor-side step of bronze ingest: turns {@code (line bytes, file path)} into a bronze row,
 * skipping header and blank lines. Each line is decoded in its file's own encoding (Spark's text
 * source hands over the bytes undecoded). Unparsable lines become rows too, with their raw text
 * and the reason; a line whose bytes do not decode keeps them, base64-encoded, next to its text.
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
    byte[] bytes = (byte[]) input.get(0);
    RawFile file = filesByKey.get(key(input.getString(1)));
    if (file == null) {
      throw new IllegalStateException("Cannot map line of unlisted file " + input.getString(1));
    }
    LineText decoded = decode(file, bytes);
    String text = RawFileScanner.withoutBom(decoded.text());
    if (text.endsWith("\r")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.isBlank() || parser.isHeader(file, text)) {
      return Collections.emptyIterator();
    }
    ParsedLine parsed = decoded.base64() != null
        ? parser.undecodable(file, decoded.error())
        : parser.parse(file, text);
    if (parsed.isCorrupt()) {
      corruptLines.add(1);
    }
    Row row = bronzeRow(parsed, text, file, runId, ingestedAt, decoded.base64());
    return Collections.singletonList(row).iterator();
  }

  /** A bronze row: the parsed payload, then the metadata columns of {@link BronzeColumns}. */
  static Row bronzeRow(ParsedLine parsed, String text, RawFile file, String runId,
      Instant ingestedAt, String base64) {
    Object[] payload = parsed.values();
    Object[] values = new Object[payload.length + 11];
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
    values[i++] = Date.valueOf(file.dt());
    values[i++] = file.encoding();
    values[i] = base64;
    return RowFactory.create(values);
  }

  /** A line's text, and for bytes that do not decode, their base64 and why. */
  private record LineText(String text, String base64, String error) {}

  private static LineText decode(RawFile file, byte[] bytes) {
    Charset charset = file.charset();
    if (file.undecodableLines() == 0) {
      return new LineText(new String(bytes, charset), null, null);
    }
    CharsetDecoder decoder = EncodingDetector.strict(charset);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate((int) (bytes.length * decoder.maxCharsPerByte()) + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (!result.isError()) {
      return new LineText(out.flip().toString(), null, null);
    }
    return new LineText(new String(bytes, charset), Base64.getEncoder().encodeToString(bytes),
        String.format("not decodable as %s: byte 0x%02X at offset %d", charset.name(),
            bytes[in.position()] & 0xFF, in.position()));
  }
}
