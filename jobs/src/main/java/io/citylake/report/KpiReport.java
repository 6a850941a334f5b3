package io.citylake.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Writes the report pages, {@code citylake-report-<lang>.html} and {@code .pdf}, and the statuses they show
 * ({@link ReportArchive#STATUS_FILE}, which the archive compares between days) into a folder of
 * any Hadoop file system (a local folder, or {@code <lake>/reports/<day>/} on S3 or HDFS).
 */
public final class KpiReport {
  /** The formats of a report page. */
  public enum Format {
    HTML("html"), PDF("pdf");

    private final String extension;

    Format(String extension) {
      this.extension = extension;
    }

    public String extension() {
      return extension;
    }

    /** {@code html}, {@code pdf}, or null for both. */
    public static List<Format> parse(String value) {
      if (value == null) {
        return List.of(values());
      }
      for (Format f : values()) {
        if (f.extension.equalsIgnoreCase(value)) {
          return List.of(f);
        }
      }
      throw io.citylake.lake.CityLakeException.badInput("write the KPI report",
          "--format must be html or pdf", value);
    }
  }

  private KpiReport() {}

  public static String fileName(Lang lang) {
    return fileName(lang, Format.HTML);
  }

  public static String fileName(Lang lang, Format format) {
    return "citylake-report-" + lang.code() + "." + format.extension();
  }

  /** Renders {@code data} in each language as HTML into {@code folder}; returns the files. */
  public static List<String> write(SparkSession spark, ReportData data, List<Lang> langs,
      String folder) {
    return write(spark, data, langs, List.of(Format.HTML), null, folder);
  }

  /**
   * Renders {@code data} in each language and format into {@code folder}; returns the files
   * written. PDF needs {@code chromium} (see {@link ChromiumPdf}). The languages' PDFs are printed
   * side by side (each Chromium is a process of its own, mostly single-threaded), and a page
   * whose HTML is byte for byte the one its PDF was printed from is left as it is: a report
   * written again from the same gold (a retried report task, {@code citylake report} run twice)
   * is not printed again. A night's page names its run, so each night prints anew.
   */
  public static List<String> write(SparkSession spark, ReportData data, List<Lang> langs,
      List<Format> formats, ChromiumPdf chromium, String folder) {
    List<String> written = new ArrayList<>();
    java.util.concurrent.ExecutorService printers =
        java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, langs.size()));
    try {
      List<java.util.concurrent.Future<?>> printing = new ArrayList<>();
      for (Lang lang : langs) {
        byte[] html = new ReportPage(lang).render(data).getBytes(StandardCharsets.UTF_8);
        Path htmlFile = new Path(folder, fileName(lang, Format.HTML));
        Path pdfFile = new Path(folder, fileName(lang, Format.PDF));
        boolean unchanged = formats.contains(Format.PDF)
            && printedFrom(spark, pdfFile, htmlFile, html);
        if (formats.contains(Format.HTML)) {
          if (!unchanged) {
            write(spark, htmlFile, html);
          }
          written.add(htmlFile.toString());
        }
        if (formats.contains(Format.PDF)) {
          if (!unchanged) {
            printing.add(printers.submit(() -> write(spark, pdfFile, pdf(chromium, html))));
          }
          written.add(pdfFile.toString());
        }
      }
      awaitAll(printing);
    } finally {
      printers.shutdownNow();
    }
    write(spark, new Path(folder, ReportArchive.STATUS_FILE),
        ReportArchive.statusFile(data).getBytes(StandardCharsets.UTF_8));
    return written;
  }

  /** Waits for every print; the first failure is thrown as it was raised. */
  private static void awaitAll(List<java.util.concurrent.Future<?>> printing) {
    for (java.util.concurrent.Future<?> print : printing) {
      try {
        print.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw io.citylake.lake.CityLakeException.failed("print the KPI report to PDF",
            "interrupted", e);
      } catch (java.util.concurrent.ExecutionException e) {
        if (e.getCause() instanceof RuntimeException cause) {
          throw cause;
        }
        throw new IllegalStateException(e.getCause());
      }
    }
  }

  /**
   * Whether {@code pdf} was printed from this very page: the HTML in the folder holds exactly
   * {@code html} and the PDF was written after it (the HTML is always written before its PDF,
   * so an HTML-only run or a print that failed leaves the PDF older than the page).
   */
  private static boolean printedFrom(SparkSession spark, Path pdf, Path htmlFile, byte[] html) {
    try {
      FileSystem fs = htmlFile.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(htmlFile) || !fs.exists(pdf)) {
        return false;
      }
      org.apache.hadoop.fs.FileStatus page = fs.getFileStatus(htmlFile);
      org.apache.hadoop.fs.FileStatus printed = fs.getFileStatus(pdf);
      if (page.getLen() != html.length || printed.getLen() == 0
          || printed.getModificationTime() < page.getModificationTime()) {
        return false;
      }
      try (java.io.InputStream in = fs.open(htmlFile)) {
        return java.util.Arrays.equals(in.readAllBytes(), html);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the KPI report: " + htmlFile, e);
    }
  }

  /** The page printed by Chromium, through local temporary files (the lake may be remote). */
  private static byte[] pdf(ChromiumPdf chromium, byte[] html) {
    java.nio.file.Path dir = null;
    try {
      dir = java.nio.file.Files.createTempDirectory("citylake-report-pdf-");
      java.nio.file.Path page = dir.resolve("report.html");
      java.nio.file.Path pdf = dir.resolve("report.pdf");
      java.nio.file.Files.write(page, html);
      chromium.print(page, pdf);
      return java.nio.file.Files.readAllBytes(pdf);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot print the KPI report to PDF", e);
    } finally {
      if (dir != null) {
        for (String name : List.of("report.html", "report.pdf")) {
          dir.resolve(name).toFile().delete();
        }
        dir.toFile().delete();
      }
    }
  }

  private static void write(SparkSession spark, Path file, byte[] bytes) {
    try {
      FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
      fs.setWriteChecksum(false); // no .crc beside the report on a local disk
      try (OutputStream out = fs.create(file, true)) {
        out.write(bytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the KPI report: " + file, e);
    }
  }
}
