package io.citylake.report;

import io.citylake.lake.CityLakeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Prints a report page to PDF with headless Chromium ({@code --print-to-pdf}): the page's print
 * CSS sets A4 and a page break before each municipality, the SVG charts and maps stay vectors,
 * and Chromium embeds the subsets of the fonts it used (IPA Gothic for Japanese, from the
 * Debian package {@code fonts-ipafont-gothic}). Chromium is already what the report is checked
 * in, so the PDF is the page as a browser lays it out, with no second renderer to keep in step.
 * The binary is {@code $CITYLAKE_CHROMIUM}, else {@code chromium} or {@code chromium-browser} on
 * the {@code PATH}.
 *
 * <p>Chromium runs as one process ({@code --single-process --no-zygote}): a print is a single
 * local page with no script or network, so the browser, renderer and print-compositor processes
 * of the default mode buy no isolation here, and handing the page between them is most of a
 * print's time. Measured on 2 cores with the sample's two report pages printed side by side, as
 * a night prints them: 4.7–4.8 s instead of 6.8–6.9 s (docs/performance.md, thirty-fifth round).
 */
public final class ChromiumPdf {
  private static final long TIMEOUT_SECONDS = 120;
  private final Path binary;

  private ChromiumPdf(Path binary) {
    this.binary = binary;
  }

  /** The Chromium of this machine, if any. */
  public static Optional<ChromiumPdf> find() {
    String configured = System.getenv("CITYLAKE_CHROMIUM");
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(configured);
      return Files.isExecutable(p) ? Optional.of(new ChromiumPdf(p)) : Optional.empty();
    }
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path p = Path.of(dir.isEmpty() ? "." : dir, name);
        if (Files.isExecutable(p)) {
          return Optional.of(new ChromiumPdf(p));
        }
      }
    }
    return Optional.empty();
  }

  /** Prints the HTML {@code page} to {@code pdf} (both local files). */
  public void print(Path page, Path pdf) {
    Path profile = null;
    try {
      profile = Files.createTempDirectory("citylake-chromium-");
      Path log = profile.resolve("chromium.log");
      Process process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox",
          "--disable-gpu", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--no-first-run", "--no-pdf-header-footer", "--single-process",
          "--no-zygote",
          "--user-data-dir=" + profile.resolve("profile"),
          "--print-to-pdf=" + pdf.toAbsolutePath(), page.toAbsolutePath().toUri().toString())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw CityLakeException.failed("print the KPI report " + page + " to PDF",
            "Chromium did not finish within " + TIMEOUT_SECONDS + " s", null);
      }
      if (process.exitValue() != 0 || !Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
        String output = Files.readString(log, StandardCharsets.UTF_8).strip();
        throw CityLakeException.failed("print the KPI report " + page + " to PDF",
            "Chromium exited with " + process.exitValue() + (output.isEmpty() ? "" : ": "
            + output.lines().reduce((a, b) -> b).orElse("")), null);
      }
    } catch (IOException e) {
      throw CityLakeException.failed("print the KPI report " + page + " to PDF",
          e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CityLakeException.failed("print the KPI report " + page + " to PDF", "interrupted",
          e);
    } finally {
      delete(profile);
    }
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary profile left behind is harmless
    }
  }
}
