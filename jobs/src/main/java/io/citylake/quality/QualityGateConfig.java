package io.citylake.quality;

import io.citylake.contract.RawDataset;
import io.citylake.lake.CityLakeException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The thresholds of the {@link QualityGate}, set by the operator in the lake's
 * {@value #FILE} (optional; without it the defaults apply):
 *
 * <pre>
 * # datasets that must be delivered for every night (table names, comma-separated)
 * required = transit_taps, transit_arrivals, points_steps
 * # share of a night's rows a dataset may quarantine, for every dataset, then per dataset
 * max_quarantine_share = 0.25
 * max_quarantine_share.points_steps = 0.10
 * </pre>
 *
 * <p>By default no dataset is required (event feeds such as alerts or surveys arrive on some days
 * only, and the sample lake's late story has a day whose arrivals come a day late) and every
 * dataset may quarantine up to {@link #DEFAULT_MAX_QUARANTINE_SHARE} of a night's rows. A file
 * that cannot be read as its dataset's format always holds the night. Spark-free.
 *
 * @param required table names ({@code transit_taps}) that must have a {@code dt=} partition
 * @param maxQuarantineShare the limit for datasets without their own
 * @param perDataset limits by table name
 */
public record QualityGateConfig(Set<String> required, double maxQuarantineShare,
    Map<String, Double> perDataset) {
  /** The configuration file, at the lake's root. */
  public static final String FILE = "quality-gate.properties";
  public static final double DEFAULT_MAX_QUARANTINE_SHARE = 0.25;
  /**
   * Rows a dataset must deliver in a night before its quarantined share is judged: below it one
   * bad row moves the share by more than 3 % (one of a town's three drone flights is 33 %), a
   * swing that says nothing about the delivery.
   */
  public static final long MIN_ROWS_FOR_SHARE = 30;
  private static final String SHARE = "max_quarantine_share";

  public QualityGateConfig {
    required = Set.copyOf(required);
    perDataset = Map.copyOf(perDataset);
  }

  public static QualityGateConfig defaults() {
    return new QualityGateConfig(Set.of(), DEFAULT_MAX_QUARANTINE_SHARE, Map.of());
  }

  /** The limit of quarantined rows ÷ rows for {@code dataset}. */
  public double limit(String dataset) {
    return perDataset.getOrDefault(dataset, maxQuarantineShare);
  }

  /** The configuration in {@code text} (properties syntax); {@code source} names it in errors. */
  public static QualityGateConfig parse(Reader text, String source) {
    Properties properties = new Properties();
    try {
      properties.load(text);
    } catch (IOException | IllegalArgumentException e) {
      throw bad(source, "it is not a properties file: " + e.getMessage(), source);
    }
    Set<String> required = new LinkedHashSet<>();
    double share = DEFAULT_MAX_QUARANTINE_SHARE;
    Map<String, Double> perDataset = new TreeMap<>();
    for (String key : new TreeMap<>(properties).keySet().stream().map(String::valueOf).toList()) {
      String value = properties.getProperty(key).strip();
      if (key.equals("required")) {
        Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
            .forEach(name -> required.add(dataset(name, source)));
      } else if (key.equals(SHARE)) {
        share = share(value, key, source);
      } else if (key.startsWith(SHARE + ".")) {
        perDataset.put(dataset(key.substring(SHARE.length() + 1), source),
            share(value, key, source));
      } else {
        throw bad(source, "unknown setting '" + key + "'; the settings are required, "
            + SHARE + " and " + SHARE + ".<dataset>", key);
      }
    }
    return new QualityGateConfig(required, share, perDataset);
  }

  /** The lake's configuration file, or the defaults when the lake has none. */
  public static QualityGateConfig load(Configuration hadoop, String lakeRoot) {
    Path file = new Path(lakeRoot, FILE);
    try {
      FileSystem fs = file.getFileSystem(hadoop);
      if (!fs.exists(file)) {
        return defaults();
      }
      try (Reader reader = new InputStreamReader(fs.open(file), StandardCharsets.UTF_8)) {
        return parse(reader, file.toString());
      }
    } catch (IOException e) {
      throw CityLakeException.failed("read " + file, e.getMessage(), e);
    }
  }

  private static String dataset(String name, String source) {
    return RawDataset.find(name).map(RawDataset::tableName).orElseThrow(() -> bad(source,
        "unknown dataset '" + name + "'; name it as its silver table, e.g. transit_taps", name));
  }

  private static double share(String value, String key, String source) {
    try {
      double share = Double.parseDouble(value);
      if (share >= 0 && share <= 1) {
        return share;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(source, key + " must be a share between 0 and 1, e.g. 0.1", value);
  }

  private static CityLakeException bad(String source, String reason, Object got) {
    return CityLakeException.badInput("read the quality gate settings " + source, reason, got);
  }
}
