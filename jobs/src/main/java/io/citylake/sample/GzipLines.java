package io.citylake.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes UTF-8 text files, gzipped or plain, with the line ends a provider uses.
 *
 * <p>{@link GZIPOutputStream} writes modification time 0, so gzip files are byte-identical run to run.
 */
final class GzipLines {
  private GzipLines() {}

  /** Writes a gzip file of LF-terminated lines. */
  static void write(Path file, List<String> lines) throws IOException {
    Files.createDirectories(file.getParent());
    try (Writer w = new BufferedWriter(new OutputStreamWriter(
        new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
      for (String line : lines) {
        w.write(line);
        w.write('\n');
      }
    }
  }

  /** Writes a plain text file, optionally with a UTF-8 byte-order mark and CRLF line ends. */
  static void writePlain(Path file, List<String> lines, boolean bom, boolean crlf)
      throws IOException {
    Files.createDirectories(file.getParent());
    StringBuilder sb = new StringBuilder();
    if (bom) {
      sb.append('\uFEFF');
    }
    for (String line : lines) {
      sb.append(line).append(crlf ? "\r\n" : "\n");
    }
    Files.writeString(file, sb, StandardCharsets.UTF_8);
  }
}
