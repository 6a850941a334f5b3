package io.citylake.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Delta commit files and data files under a local lake's bronze, silver and gold folders at
 * one moment; two censuses tell what a night wrote ({@link #since}). Commits are the
 * {@code _delta_log/<version>.json} files, data files the {@code *.parquet} files outside
 * {@code _delta_log} (checkpoints are not data). Listing, not Delta: it counts what is on disk.
 */
public record LakeFileCensus(Set<String> commits, Set<String> dataFiles) {
  private static final List<String> LAYERS = List.of("bronze", "silver", "gold");
  private static final Pattern COMMIT = Pattern.compile("\\d+\\.json");

  public LakeFileCensus {
    commits = Set.copyOf(commits);
    dataFiles = Set.copyOf(dataFiles);
  }

  /** What was added between {@code earlier} and this census. */
  public record Writes(int deltaCommits, int dataFiles) {}

  public static LakeFileCensus of(Path lake) {
    Set<String> commits = new HashSet<>();
    Set<String> dataFiles = new HashSet<>();
    for (String layer : LAYERS) {
      Path root = lake.resolve(layer);
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        files.filter(Files::isRegularFile).forEach(file -> {
          String name = file.getFileName().toString();
          boolean inLog = file.getParent().getFileName().toString().equals("_delta_log");
          if (inLog && COMMIT.matcher(name).matches()) {
            commits.add(file.toString());
          } else if (!inLog && name.endsWith(".parquet")) {
            dataFiles.add(file.toString());
          }
        });
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot list " + root, e);
      }
    }
    return new LakeFileCensus(commits, dataFiles);
  }

  public Writes since(LakeFileCensus earlier) {
    return new Writes(added(commits, earlier.commits), added(dataFiles, earlier.dataFiles));
  }

  private static int added(Set<String> now, Set<String> before) {
    return (int) now.stream().filter(file -> !before.contains(file)).count();
  }
}
