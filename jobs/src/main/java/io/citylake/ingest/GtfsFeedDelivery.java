package io.citylake.ingest;

import io.citylake.lake.CityLakeException;
import io.citylake.lake.LocalTrees;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Delivers one static GTFS feed by hand, as an operator would: the {@code .txt} files of a folder
 * or a {@code .zip} (at any depth inside it) become the files of {@code raw/transit/gtfs/<feed id>/},
 * replacing what was there. Files are staged in a hidden sibling folder first, so a bad zip never
 * leaves the feed half replaced, and the bronze ingest never sees a partial delivery.
 */
public final class GtfsFeedDelivery {
  /** A feed id is a folder name: no separators, no leading dot (hidden folders are skipped). */
  private static final Pattern FEED_ID = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");
  private static final String VERB = "load GTFS feed";

  private GtfsFeedDelivery() {}

  /** What was delivered: the feed folder and the file names now in it. */
  public record Delivered(String feedId, Path folder, List<String> files) {
    public Delivered {
      files = List.copyOf(files);
    }
  }

  /** Fails with a one-line usage error unless {@code source} and {@code feedId} can be delivered. */
  public static void validate(Path source, String feedId) {
    if (!FEED_ID.matcher(feedId).matches()) {
      throw CityLakeException.badInput(VERB,
          "the feed id may hold only letters, digits, '.', '_' and '-', not first '.'", feedId);
    }
    if (!Files.exists(source)) {
      throw CityLakeException.badInput(VERB, "the path does not exist", source);
    }
    if (Files.isDirectory(source) ? textFiles(source).isEmpty() : !isZip(source)) {
      throw CityLakeException.badInput(VERB,
          "expected a folder with .txt files or a .zip file", source);
    }
  }

  /** Replaces the files of feed {@code feedId} under {@code rawGtfs} with those of {@code source}. */
  public static Delivered deliver(Path source, String feedId, Path rawGtfs) {
    validate(source, feedId);
    Path target = rawGtfs.resolve(feedId);
    Path staging = rawGtfs.resolve(".incoming-" + feedId);
    try {
      LocalTrees.deleteTree(staging);
      Files.createDirectories(staging);
      List<String> names = Files.isDirectory(source)
          ? copyTextFiles(source, staging) : unzipTextFiles(source, staging);
      if (names.isEmpty()) {
        throw CityLakeException.badInput(VERB, "the zip holds no .txt files", source);
      }
      LocalTrees.deleteTree(target);
      Files.createDirectories(rawGtfs);
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
      return new Delivered(feedId, target, names.stream().sorted().toList());
    } catch (IOException e) {
      throw CityLakeException.failed(VERB + " " + source, e.getMessage(), e);
    } finally {
      LocalTrees.deleteQuietly(staging);
    }
  }

  private static List<String> copyTextFiles(Path folder, Path staging) throws IOException {
    List<String> names = new ArrayList<>();
    for (Path file : textFiles(folder)) {
      String name = file.getFileName().toString();
      Files.copy(file, staging.resolve(name));
      names.add(name);
    }
    return names;
  }

  /** Extracts entries ending in .txt by their base name; two entries of one name are an error. */
  private static List<String> unzipTextFiles(Path zip, Path staging) throws IOException {
    Set<String> names = new HashSet<>();
    try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
      for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
        String name = entry.getName().substring(entry.getName().lastIndexOf('/') + 1);
        if (entry.isDirectory() || !name.endsWith(".txt") || entry.getName().startsWith("__MACOSX")
            || name.startsWith(".")) {
          continue;
        }
        if (!names.add(name)) {
          throw CityLakeException.badInput(VERB, "the zip holds " + name + " twice", zip);
        }
        Files.copy(entries, staging.resolve(name));
      }
    } catch (java.util.zip.ZipException e) {
      throw CityLakeException.badInput(VERB, "not a readable zip file: " + e.getMessage(), zip);
    }
    return List.copyOf(names);
  }

  private static List<Path> textFiles(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(Files::isRegularFile)
          .filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isZip(Path file) {
    return Files.isRegularFile(file) && file.getFileName().toString().toLowerCase().endsWith(".zip");
  }
}
