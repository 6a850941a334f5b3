package io.citylake.testing;

import io.citylake.contract.RawDataset;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/** Writes small hand-made raw files for tests, optionally gzipped, with chosen line ends. */
public final class RawFiles {
  private RawFiles() {}

  /** Where a file named {@code name} of {@code dataset} delivered for {@code day} lies. */
  public static Path delivered(Path lakeDir, RawDataset dataset, LocalDate day, String name) {
    return lakeDir.resolve(dataset.rawPath()).resolve("dt=" + day).resolve(name);
  }

  public static Path write(Path file, List<String> lines) {
    return write(file, String.join("\n", lines) + "\n");
  }

  public static Path write(Path file, String content) {
    return writeBytes(file, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code bytes} as they are (gzipped for a {@code .gz} name): any encoding, any dirt. */
  public static Path writeBytes(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      if (file.getFileName().toString().endsWith(".gz")) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
          out.write(bytes);
        }
      } else {
        Files.write(file, bytes);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The shared reference data folder ({@code ../shared/reference-data}) beside the checkout. */
  public static Path sharedReferenceData() {
    String configured = System.getProperty("citylake.sharedDir");
    Path shared = configured != null ? Path.of(configured) : Path.of("..", "..", "shared");
    return shared.resolve("reference-data").toAbsolutePath().normalize();
  }
}
