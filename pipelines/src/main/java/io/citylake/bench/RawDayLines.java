package io.citylake.bench;

import io.citylake.contract.RawDataset;
import io.citylake.contract.RawFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * How many raw lines were delivered for one service day: the lines of every file in the dated
 * datasets' {@code dt=<day>} folders (gzip or plain), less one header line per CSV file. It is the
 * volume a night is measured against (lines per second); malformed lines count, as they cost work.
 */
public final class RawDayLines {
  private RawDayLines() {}

  public static long count(Path lake, LocalDate day) {
    long lines = 0;
    for (RawDataset dataset : RawDataset.values()) {
      Path folder = lake.resolve(dataset.rawPath()).resolve("dt=" + day);
      for (Path file : dataFiles(folder)) {
        long fileLines = lines(file);
        lines += dataset.format() == RawFormat.CSV ? Math.max(0, fileLines - 1) : fileLines;
      }
    }
    return lines;
  }

  /** Lines of a file: newline characters, plus a last line without one. */
  static long lines(Path file) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16)
            : raw) {
      byte[] buffer = new byte[1 << 16];
      long lines = 0;
      int last = '\n';
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            lines++;
          }
        }
        if (n > 0) {
          last = buffer[n - 1];
        }
      }
      return last == '\n' ? lines : lines + 1;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }

  private static List<Path> dataFiles(Path folder) {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(Files::isRegularFile).filter(f -> {
        String name = f.getFileName().toString();
        return !name.startsWith(".") && !name.startsWith("_");
      }).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    }
  }
}
