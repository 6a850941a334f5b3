package io.citylake.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.util.LongAccumulator;

/**
 * Executor-side step of bronze ingest for formats whose records span lines: turns
 * {@code (file path, file bytes)} into one bronze row per record the parser finds in the whole
 * text, decoded in the file's own encoding. Spark's binary-file source hands over gzip files
 * compressed, so they are inflated here.
 */
final class BronzeDocumentMapper implements FlatMapFunction<Row, Row> {
  private final Map<String, RawFile> filesByKey;
  private final LineParser parser;
  private final String runId;
  private final Instant ingestedAt;
  private final LongAccumulator corruptRecords;

  BronzeDocumentMapper(Map<String, RawFile> filesByKey, LineParser parser, String runId,
      Instant ingestedAt, LongAccumulator corruptRecords) {
    this.filesByKey = filesByKey;
    this.parser = parser;
    this.runId = runId;
    this.ingestedAt = ingestedAt;
    this.corruptRecords = corruptRecords;
  }

  @Override
  public Iterator<Row> call(Row input) {
    RawFile file = filesByKey.get(BronzeLineMapper.key(input.getString(0)));
    if (file == null) {
      throw new IllegalStateException("Cannot map unlisted file " + input.getString(0));
    }
    String text = RawFileScanner.withoutBom(new String(bytes(file, (byte[]) input.get(1)),
        file.charset()));
    List<Row> rows = new ArrayList<>();
    for (ParsedRecord record : parser.parseWhole(file, text)) {
      if (record.parsed().isCorrupt()) {
        corruptRecords.add(1);
      }
      rows.add(BronzeLineMapper.bronzeRow(record.parsed(), record.raw(), file, runId,
          ingestedAt, null));
    }
    return rows.iterator();
  }

  private static byte[] bytes(RawFile file, byte[] content) {
    if (!file.path().endsWith(".gz")) {
      return content;
    }
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot inflate " + file.lakePath(), e);
    }
  }
}
