package io.citylake.conform;

import io.citylake.lake.CityLakeException;
import io.citylake.lake.LakeConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the pseudonym key: the environment variable named in {@link LakeConfig}, or, only for a
 * demo lake, the published demo key in {@code reference/DEMO-PSEUDONYM-KEY}. A real lake without a
 * key refuses to run rather than publish identifiers or pseudonyms under a guessable key.
 */
public final class PseudonymKey {
  /** File whose presence marks a demo lake; it holds the demo key itself, in the open. */
  public static final String DEMO_KEY_FILE = "DEMO-PSEUDONYM-KEY";
  private static final Logger LOG = LoggerFactory.getLogger(PseudonymKey.class);

  private PseudonymKey() {}

  public static Pseudonymizer resolve(
      LakeConfig config, Map<String, String> environment, Configuration hadoopConf) {
    String fromEnvironment = environment.get(config.pseudonymKeyEnv());
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      if (fromEnvironment.length() < Pseudonymizer.MIN_KEY_LENGTH) {
        throw CityLakeException.badInput("pseudonymise identifiers",
            config.pseudonymKeyEnv() + " must hold at least " + Pseudonymizer.MIN_KEY_LENGTH
                + " characters", fromEnvironment.length() + " characters");
      }
      return new Pseudonymizer(fromEnvironment);
    }
    Optional<String> demo = demoKey(config, hadoopConf);
    if (demo.isPresent()) {
      LOG.warn("Using the published demo pseudonym key of this demo lake; set {} for real data",
          config.pseudonymKeyEnv());
      return new Pseudonymizer(demo.get());
    }
    throw CityLakeException.badInput("pseudonymise identifiers",
        "set the environment variable " + config.pseudonymKeyEnv() + " to a secret of at least "
            + Pseudonymizer.MIN_KEY_LENGTH + " characters", "no key for lake " + config.lakeRoot());
  }

  private static Optional<String> demoKey(LakeConfig config, Configuration hadoopConf) {
    Path file = new Path(config.paths().reference(DEMO_KEY_FILE));
    try {
      FileSystem fs = file.getFileSystem(hadoopConf);
      if (!fs.exists(file)) {
        return Optional.empty();
      }
      try (InputStream in = fs.open(file)) {
        return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).trim());
      }
    } catch (IOException e) {
      throw CityLakeException.failed("read " + file, e.getMessage(), e);
    }
  }
}
