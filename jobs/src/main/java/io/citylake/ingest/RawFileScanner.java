package io.citylake.ingest;

import io.citylake.lake.CityLakeException;
import java.security.DigestInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;

/**
 * Lists delivered files through the Hadoop file system API (local disk, S3 or HDFS alike) and
 * fingerprints them, so bronze can tell new, re-delivered and corrected files apart.
 */
public final class RawFileScanner {
  private static final String BOM = "\uFEFF";
  private final Configuration hadoopConf;

  public RawFileScanner(Configuration hadoopConf) {
    this.hadoopConf = hadoopConf;
  }

  /** A listed file before fingerprinting. */
  public record Listed(FileStatus status, LocalDate dt) {
    String path() {
      return status.getPath().toString();
    }
  }

  /** Files below {@code dt=YYYY-MM-DD} folders of a dataset, for service days up to {@code last}. */
  public List<Listed> listPartitions(String datasetPath, LocalDate last, Predicate<String> names) {
    List<Listed> result = new ArrayList<>();
    for (FileStatus partition : list(datasetPath)) {
      String name = partition.getPath().getName();
      if (!partition.isDirectory() || !name.startsWith("dt=")) {
        continue;
      }
      Optional<LocalDate> dt = parseDay(name.substring(3));
      if (dt.isEmpty() || dt.get().isAfter(last)) {
        continue;
      }
      for (FileStatus file : list(partition.getPath().toString())) {
        if (file.isFile() && names.test(file.getPath().getName())) {
          result.add(new Listed(file, dt.get()));
        }
      }
    }
    result.sort(Comparator.comparing(Listed::path));
    return result;
  }

  /** Files directly inside each sub-folder of {@code root} (GTFS feeds: one folder per feed). */
  public List<Listed> listFolders(String root, LocalDate day, Predicate<String> names) {
    List<Listed> result = new ArrayList<>();
    for (FileStatus folder : list(root)) {
      if (!folder.isDirectory() || folder.getPath().getName().startsWith(".")) {
        continue;
      }
      for (FileStatus file : list(folder.getPath().toString())) {
        if (file.isFile() && names.test(file.getPath().getName())) {
          result.add(new Listed(file, day));
        }
      }
    }
    result.sort(Comparator.comparing(Listed::path));
    return result;
  }

  /** The path of {@code path} below {@code lakeRoot}, e.g. {@code raw/transit/taps/dt=.../x.csv}. */
  public static String relativize(String lakeRoot, String path) {
    String root = new Path(lakeRoot).toUri().getPath().replaceAll("/+$", "");
    String file = new Path(path).toUri().getPath();
    if (!file.startsWith(root + "/")) {
      throw CityLakeException.failed("locate " + path, "the file is not below the lake " + lakeRoot,
          null);
    }
    return file.substring(root.length() + 1);
  }

  /**
   * Reads the file once for its SHA-256 (of the delivered bytes), its character encoding and, when
   * {@code csv}, its header line (of the decompressed text).
   */
  public RawFile fingerprint(Listed listed, boolean csv, String lakeRoot) {
    Path path = listed.status().getPath();
    try (DigestInputStream raw = new DigestInputStream(open(path),
        MessageDigest.getInstance("SHA-256"))) {
      EncodingDetector detector = new EncodingDetector();
      CompressionCodec codec = new CompressionCodecFactory(hadoopConf).getCodec(path);
      byte[] buffer = new byte[1 << 16];
      InputStream text = codec == null ? raw : codec.createInputStream(raw);
      for (int n = text.read(buffer); n >= 0; n = text.read(buffer)) {
        detector.update(buffer, 0, n);
      }
      // the decompressor may stop before the end of the delivered bytes: hash them all
      while (raw.read(buffer) >= 0) {
        // digested while read
      }
      if (text != raw) {
        text.close(); // returns the pooled decompressor
      }
      EncodingDetector.Result detected = detector.finish();
      String headerLine = csv ? new String(detected.firstLine(), detected.charset()) : "";
      List<String> header =
          headerLine.isEmpty() ? List.of() : new CsvTokenizer().split(headerLine).stream()
              .map(h -> h == null ? "" : h.trim()).toList();
      return new RawFile(
          listed.path(), relativize(lakeRoot, listed.path()), listed.dt(), listed.status().getLen(),
          listed.status().getModificationTime(),
          HexFormat.of().formatHex(raw.getMessageDigest().digest()), header, headerLine,
          detected.charset().name(), detected.undecodableLines(), detected.blank());
    } catch (IOException | NoSuchAlgorithmException e) {
      throw CityLakeException.failed("read raw file " + path, e.getMessage(), e);
    }
  }

  /** Strips a UTF-8 byte-order mark, which Japanese publishers often put before the header. */
  public static String withoutBom(String line) {
    return line.startsWith(BOM) ? line.substring(1) : line;
  }

  /**
   * The first line of a delivered text file (the header of a CSV file), decoded as the file's
   * own encoding, without byte-order mark and line end; empty for an empty file.
   */
  public String firstLine(String file) {
    Path path = new Path(file);
    try (InputStream raw = open(path)) {
      CompressionCodec codec = new CompressionCodecFactory(hadoopConf).getCodec(path);
      InputStream in = codec == null ? raw : codec.createInputStream(raw);
      java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
      try (InputStream buffered = new java.io.BufferedInputStream(in)) {
        for (int b = buffered.read(); b >= 0 && b != '\n' && line.size() < 1 << 20;
            b = buffered.read()) {
          line.write(b);
        }
      }
      EncodingDetector detector = new EncodingDetector();
      byte[] bytes = line.toByteArray();
      detector.update(bytes, 0, bytes.length);
      EncodingDetector.Result detected = detector.finish();
      return new String(detected.firstLine(), detected.charset());
    } catch (IOException e) {
      throw CityLakeException.failed("read raw file " + path, e.getMessage(), e);
    }
  }

  private InputStream open(Path path) throws IOException {
    return path.getFileSystem(hadoopConf).open(path);
  }

  private List<FileStatus> list(String dir) {
    Path path = new Path(dir);
    try {
      FileSystem fs = path.getFileSystem(hadoopConf);
      if (!fs.exists(path)) {
        return List.of();
      }
      return Arrays.asList(fs.listStatus(path));
    } catch (IOException e) {
      throw CityLakeException.failed("list " + dir, e.getMessage(), e);
    }
  }

  private static Optional<LocalDate> parseDay(String text) {
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
