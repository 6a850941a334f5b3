package io.citylake.job;

import io.citylake.lake.DeltaTables;
import io.citylake.lake.LakeConfig;
import io.citylake.lake.Layer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a job's output was computed from: the data versions of its declared Delta inputs and
 * outputs, the service day, the settings that change results, and the build of citylake. Two
 * equal values mean the job would write what its outputs already hold.
 *
 * @param versions per table ({@code silver.located_points}), its newest data-changing Delta
 *     version, or -1 when the table does not exist
 */
public record InputVersions(LocalDate day, String settings, String build,
    Map<String, Long> versions) {
  private static final String BUILD = readBuild();

  public InputVersions {
    versions = Map.copyOf(versions);
  }

  /**
   * The versions as of now, or empty when one of the job's tables is not a Delta table of the
   * lake (raw files, reference files): then nothing says the inputs are unchanged.
   */
  public static Optional<InputVersions> of(JobContext context, Job job) {
    Set<TableRef> tables = new LinkedHashSet<>();
    job.inputs().forEach(t -> tables.add(t.whole()));
    job.outputs().forEach(t -> tables.add(t.whole()));
    Map<String, Long> versions = new TreeMap<>();
    for (TableRef table : tables) {
      if (table.layer() == Layer.RAW || table.layer() == Layer.REFERENCE) {
        return Optional.empty();
      }
      String path = context.paths().layer(table.layer(), table.table());
      versions.put(table.toString(), DeltaTables.hasLog(context.spark(), path)
          ? DeltaTables.lastDataVersion(context.spark(), path) : -1L);
    }
    return Optional.of(new InputVersions(context.runDate(), settings(context.config()), BUILD,
        versions));
  }

  private static String settings(LakeConfig config) {
    return "min_persons_per_cell=" + config.minPersonsPerCell() + ", h3_resolution="
        + config.h3Resolution();
  }

  private static String readBuild() {
    Properties build = new Properties();
    try (InputStream in = InputVersions.class.getResourceAsStream("/io/citylake/build.properties")) {
      if (in != null) {
        build.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return build.getProperty("built", "unknown");
  }
}
