package io.citylake.sample;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a generation wrote: files and data lines per dataset directory, the injected dirt and the
 * total size, so the CLI can print it and tests can assert on it without re-reading the lake.
 *
 * @param spec the spec that was generated
 * @param datasets one entry per dataset directory (e.g. {@code raw/transit/taps},
 *     {@code late/raw/transit/taps}, {@code raw/transit/gtfs/sapporo-bus}, {@code reference})
 * @param dirt injected dirt, {@code <table>.<kind>} to number of lines
 * @param totalFiles files written
 * @param totalBytes bytes written
 */
public record SampleLakeSummary(
    SampleSpec spec, List<DatasetFiles> datasets, Map<String, Integer> dirt, long totalFiles,
    long totalBytes) {

  public SampleLakeSummary {
    datasets = List.copyOf(datasets);
    dirt = Map.copyOf(new TreeMap<>(dirt));
  }

  /** Files and data lines (header lines excluded) of one dataset directory. */
  public record DatasetFiles(String path, int files, long lines) {}

  /** The entry for a dataset directory, e.g. {@code raw/transit/taps}. */
  public DatasetFiles dataset(String path) {
    return datasets.stream()
        .filter(d -> d.path().equals(path))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "Cannot find dataset in sample summary: no files written (got: " + path + ")"));
  }

  /** Total injected dirt lines of one kind across datasets. */
  public int dirtOfKind(String kind) {
    return dirt.entrySet().stream()
        .filter(e -> e.getKey().endsWith("." + kind))
        .mapToInt(Map.Entry::getValue)
        .sum();
  }
}
