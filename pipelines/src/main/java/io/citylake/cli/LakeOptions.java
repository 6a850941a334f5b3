package io.citylake.cli;

import io.citylake.lake.CityLakeException;
import io.citylake.lake.LakeConfig;
import io.citylake.lake.LocalTrees;
import io.citylake.lake.Layer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import picocli.CommandLine.Option;

/**
 * The {@code --lake} option shared by commands that work on a lake. Without it, commands work on
 * {@code ./lake}, seeded once from the bundled {@code sample-lake/} so the committed sample is
 * never modified.
 */
public final class LakeOptions {
  /** Folder of the working copy of the sample lake, below the current directory. */
  static final String WORKING_LAKE = "lake";

  @Option(names = "--lake", paramLabel = "PATH",
      description = "Lake root with raw/ and reference/ inside (local path, file:, s3a: or hdfs: URI)."
          + " Default: ./lake, a copy of the bundled sample-lake/.")
  String lake;

  /** The configuration for the named lake, checking that it looks like a lake. */
  LakeConfig config(String verb) {
    if (lake == null) {
      return LakeConfig.local(workingSampleLake(verb));
    }
    if (lake.matches("^[a-zA-Z][a-zA-Z0-9+.-]*://.*") && !lake.startsWith("file:")) {
      return LakeConfig.remote(URI.create(lake));
    }
    Path dir = lake.startsWith("file:") ? Path.of(URI.create(lake)) : Path.of(lake);
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw CityLakeException.badInput(verb, "--lake names a file; give the lake's folder", lake);
    }
    if (!Files.isDirectory(dir)) {
      throw CityLakeException.badInput(verb, "the lake folder does not exist", lake);
    }
    if (!Files.isDirectory(dir.resolve("raw"))) {
      throw CityLakeException.badInput(verb, "the lake has no raw/ folder", lake);
    }
    return LakeConfig.local(dir);
  }

  /**
   * The configuration for a lake that commands read (sql, dictionary, export, report, quarantine,
   * serve): a local lake must have run a night, i.e. have a bronze, silver or gold folder. Checked
   * before Spark starts, so a lake that never ran a night gets no {@code _metastore/}.
   */
  LakeConfig builtConfig(String verb) {
    LakeConfig config = config(verb);
    if ("file".equals(config.lakeRoot().getScheme())) {
      Path root = Path.of(config.lakeRoot());
      boolean built = Layer.TABLE_LAYERS.stream()
          .anyMatch(layer -> Files.isDirectory(root.resolve(layer.directory())));
      if (!built) {
        throw CityLakeException.badInput(verb,
            "no night has run on this lake yet, so it has no tables; run 'citylake nightly' first",
            root);
      }
    }
    return config;
  }

  /** Where the bundled sample lake is: beside the launcher, or below the current directory. */
  static Path sampleLake() {
    String home = System.getProperty("citylake.home");
    Path base = home == null ? Path.of("") : Path.of(home);
    return base.resolve("sample-lake").toAbsolutePath().normalize();
  }

  private static Path workingSampleLake(String verb) {
    Path target = Path.of(WORKING_LAKE).toAbsolutePath().normalize();
    if (Files.isDirectory(target.resolve("raw"))) {
      return target;
    }
    Path sample = sampleLake();
    if (!Files.isDirectory(sample.resolve("raw"))) {
      throw CityLakeException.badInput(
          verb, "no --lake given and no bundled sample lake found; pass --lake PATH", sample);
    }
    LocalTrees.copyTree(sample.resolve("raw"), target.resolve("raw"));
    LocalTrees.copyTree(sample.resolve("reference"), target.resolve("reference"));
    return target;
  }

}
