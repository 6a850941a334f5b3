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
 * Writes the report pages, {@code citylake-report-<lang>.html}, into a folder of any Hadoop file
 * system (a local folder, or {@code <lake>/reports/<day>/} on S3 or HDFS).
 */
public final class KpiReport {
  private KpiReport() {}

  public static String fileName(Lang lang) {
    return "citylake-report-" + lang.code() + ".html";
  }

  /** Renders {@code data} in each language into {@code folder}; returns the files written. */
  public static List<String> write(SparkSession spark, ReportData data, List<Lang> langs,
      String folder) {
    List<String> written = new ArrayList<>();
    for (Lang lang : langs) {
      Path file = new Path(folder, fileName(lang));
      byte[] html = new ReportPage(lang).render(data).getBytes(StandardCharsets.UTF_8);
      try {
        FileSystem fs = file.getFileSystem(spark.sparkContext().hadoopConfiguration());
        fs.setWriteChecksum(false); // no .crc beside the HTML on a local disk
        try (OutputStream out = fs.create(file, true)) {
          out.write(html);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write the KPI report: " + file, e);
      }
      written.add(file.toString());
    }
    return written;
  }
}
