package io.citylake.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * A lake's raw files read directly (plain gzip CSV, SHA-256 of the bytes), never through
 * citylake's tables: the independent expectation of the lineage tests. Paths are relative to the
 * lake root, as citylake records them.
 */
final class RawLakeFiles {
  private RawLakeFiles() {}

  /**
   * Each step file whose well-formed lines report {@code activity} as their activity date within
   * the week the contract accepts, with its delivery day.
   */
  static Map<String, LocalDate> stepFilesReporting(Path lake, LocalDate activity) {
    Map<String, LocalDate> files = new TreeMap<>();
    for (Path file : of(lake, "points/steps")) {
      LocalDate dt = LocalDate.parse(file.getParent().getFileName().toString().substring(3));
      List<String> lines = lines(file);
      List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split(",", -1));
      int date = header.indexOf("activity_date");
      int steps = header.indexOf("steps");
      boolean reports = lines.stream().skip(1).map(l -> l.split(",", -1))
          .filter(f -> f.length == header.size())
          .anyMatch(f -> f[date].strip().equals(activity.toString())
              && f[steps].strip().matches("\\d{1,6}") && Integer.parseInt(f[steps].strip())
              <= 100_000 && !activity.isBefore(dt.minusDays(7)) && !activity.isAfter(dt));
      if (reports) {
        files.put(lake.relativize(file).toString(), dt);
      }
    }
    return files;
  }

  /** The files of {@code dataset}'s {@code dt=day} folder with at least one data line. */
  static List<String> filesWithData(Path lake, String dataset, LocalDate dt) {
    return of(lake, dataset).stream()
        .filter(f -> f.getParent().getFileName().toString().equals("dt=" + dt))
        .filter(f -> lines(f).stream().skip(1).anyMatch(l -> !l.isBlank()))
        .map(f -> lake.relativize(f).toString()).toList();
  }

  /** Every file of {@code dataset} ({@code points/steps}) below {@code raw/}, sorted. */
  static List<Path> of(Path lake, String dataset) {
    try (Stream<Path> walk = Files.walk(lake.resolve("raw").resolve(dataset))) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String sha256(Path file) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> lines(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = file.toString().endsWith(".gz") ? new GZIPInputStream(in).readAllBytes()
          : in.readAllBytes();
      return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
