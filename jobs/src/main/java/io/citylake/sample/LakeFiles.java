package io.citylake.sample;

import io.citylake.contract.RawDataset;
import io.citylake.contract.RawFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Places files in the sample lake by the contract's layout and tallies files and data lines per
 * dataset directory for the {@link SampleLakeSummary}.
 */
final class LakeFiles {
  private final Path root;
  private final Map<String, long[]> tally = new TreeMap<>();

  LakeFiles(Path root) {
    this.root = root;
  }

  Path root() {
    return root;
  }

  /**
   * Writes one gzipped raw file {@code raw/<family>/<dataset>/dt=<day>/<dataset>-<day><suffix>.<ext>.gz},
   * below {@code late/} when {@code late}; CSV files get the contract's header line.
   */
  void writeRaw(boolean late, RawDataset dataset, LocalDate day, String suffix, List<String> lines)
      throws IOException {
    String dir = (late ? "late/" : "") + dataset.rawPath();
    Path file = root.resolve(dir).resolve("dt=" + day)
        .resolve(dataset.dataset() + "-" + day + suffix + dataset.format().extension() + ".gz");
    List<String> all = lines;
    if (dataset.format() == RawFormat.CSV) {
      all = new ArrayList<>(lines.size() + 1);
      all.add(dataset.csvHeader());
      all.addAll(lines);
    }
    GzipLines.write(file, all);
    count(dir, lines.size());
  }

  /**
   * Writes one gzipped raw document that spans lines (an NGSI-LD export); the summary counts its
   * {@code records} (entities), not its lines.
   */
  void writeRawDocument(RawDataset dataset, LocalDate day, List<String> lines, long records)
      throws IOException {
    Path file = root.resolve(dataset.rawPath()).resolve("dt=" + day)
        .resolve(dataset.dataset() + "-" + day + dataset.format().extension() + ".gz");
    GzipLines.write(file, lines);
    count(dataset.rawPath(), records);
  }

  /** Writes a plain text file below the root; {@code dataLines} is what the summary reports. */
  void writeText(String relativePath, String tallyKey, List<String> lines, boolean bom,
      boolean crlf, long dataLines) throws IOException {
    GzipLines.writePlain(root.resolve(relativePath), lines, bom, crlf);
    count(tallyKey, dataLines);
  }

  /** Writes bytes verbatim below the root. */
  void writeBytes(String relativePath, String tallyKey, byte[] bytes) throws IOException {
    Path file = root.resolve(relativePath);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    count(tallyKey, 0);
  }

  private void count(String key, long lines) {
    long[] t = tally.computeIfAbsent(key, k -> new long[2]);
    t[0]++;
    t[1] += lines;
  }

  List<SampleLakeSummary.DatasetFiles> tallies() {
    List<SampleLakeSummary.DatasetFiles> out = new ArrayList<>();
    tally.forEach((k, v) -> out.add(new SampleLakeSummary.DatasetFiles(k, (int) v[0], v[1])));
    return out;
  }

  long totalFiles() {
    return tally.values().stream().mapToLong(v -> v[0]).sum();
  }

  /** Bytes of every regular file below the root. */
  long totalBytes() throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }
}
