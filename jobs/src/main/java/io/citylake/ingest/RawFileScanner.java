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
    return listPartitions(datasetPath, last, names, "", (path, why) -> { });
  }

  /**
   * The same, telling {@code strays} about each entry no ingest reads, with why: a folder that is
   * not {@code dt=} a calendar day, a file outside the {@code dt=} folders, or one that
   * {@code names} does not accept ({@code accepted} says which names it does, e.g.
   * {@code .csv or .csv.gz}). Hidden entries ({@code .DS_Store}, {@code _SUCCESS}) are
   * file-system or tool metadata, not deliveries, and are left alone silently.
   */
  public List<Listed> listPartitions(String datasetPath, LocalDate last, Predicate<String> names,
      String accepted, java.util.function.BiConsumer<String, String> strays) {
    List<Listed> result = new ArrayList<>();
    for (FileStatus partition : list(datasetPath)) {
      String name = partition.getPath().getName();
      if (hidden(name)) {
        continue;
      }
      if (!partition.isDirectory()) {
        strays.accept(partition.getPath().toString(), "outside any dt=YYYY-MM-DD folder");
        continue;
      }
      Optional<LocalDate> dt = name.startsWith("dt=") ? parseDay(name.substring(3))
          : Optional.empty();
      if (dt.isEmpty()) {
        strays.accept(partition.getPath().toString(),
            "not a dt=YYYY-MM-DD folder of a calendar day");
        continue;
      }
      if (dt.get().isAfter(last)) {
        continue;
      }
      for (FileStatus file : list(partition.getPath().toString())) {
        String fileName = file.getPath().getName();
        if (file.isFile() && names.test(fileName)) {
          result.add(new Listed(file, dt.get()));
        } else if (!hidden(fileName)) {
          strays.accept(file.getPath().toString(),
              file.isFile() ? "not a " + accepted + " file" : "a folder inside a dt= folder");
        }
      }
    }
    result.sort(Comparator.comparing(Listed::path));
    return result;
  }

  /** Hidden by convention: {@code .DS_Store}, {@code ._x}, Hadoop's {@code _SUCCESS}. */
  private static boolean hidden(String name) {
    return name.startsWith(".") || name.startsWith("_");
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
   * {@code csv}, its header line (of the decompressed text). A file that cannot be opened or
   * decompressed (no permission, a truncated gzip, plain text named {@code .gz}), or is UTF-16
   * text, whose lines no line-by-line reader can split, is not an error of the night: it comes
   * back with the reason in {@link RawFile#unreadable()}.
   */
  public RawFile fingerprint(Listed listed, boolean csv, String lakeRoot) {
    Path path = listed.status().getPath();
    MessageDigest digest = sha256();
    EncodingDetector detector = new EncodingDetector();
    CompressionCodec codec = new CompressionCodecFactory(hadoopConf).getCodec(path);
    String unreadable = null;
    try (DigestInputStream raw = new DigestInputStream(open(path), digest)) {
      unreadable = readText(codec, raw, detector);
    } catch (IOException e) {
      unreadable = "cannot read the file: " + oneLine(e);
    }
    EncodingDetector.Result detected = detector.finish();
    if (unreadable == null && detected.utf16Bom() != null) {
      unreadable = "UTF-16 text (byte-order mark " + detected.utf16Bom()
          + "), not UTF-8 or Shift_JIS";
    }
    String headerLine = csv && unreadable == null
        ? new String(detected.firstLine(), detected.charset()) : "";
    List<String> header =
        headerLine.isEmpty() ? List.of() : new CsvTokenizer().split(headerLine).stream()
            .map(h -> h == null ? "" : h.trim()).toList();
    return new RawFile(
        listed.path(), relativize(lakeRoot, listed.path()), listed.dt(), listed.status().getLen(),
        listed.status().getModificationTime(), HexFormat.of().formatHex(digest.digest()), header,
        headerLine, detected.charset().name(), detected.undecodableLines(),
        unreadable == null && detected.blank(), detected.nonBlankLines(), unreadable);
  }

  /**
   * Feeds the (decompressed) text of {@code raw} to {@code detector} and reads {@code raw} to its
   * end, so all delivered bytes are hashed; returns why the text could not be read, or null.
   */
  private static String readText(CompressionCodec codec, InputStream raw,
      EncodingDetector detector) throws IOException {
    byte[] buffer = new byte[1 << 16];
    InputStream text = null;
    String problem = null;
    try {
      text = codec == null ? raw : codec.createInputStream(raw);
      for (int n = text.read(buffer); n >= 0; n = text.read(buffer)) {
        detector.update(buffer, 0, n);
      }
    } catch (IOException e) {
      problem = (codec == null ? "cannot read the file: "
          : "not a readable " + codecName(codec) + " file: ")
          + oneLine(e);
    }
    // the decompressor may stop before the end of the delivered bytes: hash them all
    while (raw.read(buffer) >= 0) {
      // digested while read
    }
    if (text != null && text != raw) {
      try {
        text.close(); // returns the pooled decompressor
      } catch (IOException e) {
        problem = problem != null ? problem : "not a readable " + codecName(codec) + " file: "
            + oneLine(e);
      }
    }
    return problem;
  }

  /** {@code gzip} for Hadoop's {@code GzipCodec}, and so on. */
  private static String codecName(CompressionCodec codec) {
    return codec.getClass().getSimpleName().replace("Codec", "").toLowerCase(java.util.Locale.ROOT);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot hash raw files: no SHA-256 in this JVM", e);
    }
  }

  /** An I/O error as one line: its message, else its kind (an EOF has no message). */
  private static String oneLine(IOException e) {
    String message = e.getMessage() == null || e.getMessage().isBlank()
        ? e.getClass().getSimpleName() : e.getMessage();
    return message.replaceAll("\\s+", " ").trim();
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
