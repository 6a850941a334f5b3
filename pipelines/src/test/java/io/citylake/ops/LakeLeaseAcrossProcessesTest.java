package io.citylake.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.cli.CityLakeCli;
import io.citylake.lake.LakeConfig;
import io.citylake.testing.SharedResources;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Two processes on one lake: a small JVM ({@link LeaseHolder}) holds the lease while this one
 * starts {@code citylake nightly} and {@code citylake run-job} (refused before Spark starts);
 * then the holder is killed with SIGKILL, so it cannot give the lease back, and the next run
 * takes the lease at once. About two seconds: one JVM start without Spark.
 */
@Order(5)
@Tag("subprocess")
@ResourceLock(SharedResources.METASTORE)
class LakeLeaseAcrossProcessesTest {
  @TempDir Path lake;

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aSecondRunIsRefusedAndAKilledHoldersLeaseIsTakenOver() throws Exception {
    Files.createDirectories(lake.resolve("raw"));
    Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"),
        LeaseHolder.class.getName(), lake.toString(), "EXCLUSIVE")
        .redirectErrorStream(true).start();
    try {
      BufferedReader lines = new BufferedReader(
          new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(lines.readLine()).isEqualTo("held");

      String[] nightly = run("nightly", "--lake", lake.toString());
      assertThat(nightly[0]).isEqualTo("5");
      assertThat(nightly[1].lines().toList()).hasSize(1).first().asString()
          .startsWith("citylake nightly: Cannot start citylake nightly: another citylake run"
              + " holds the lake (citylake nightly, pid " + holder.pid() + " on ");
      String[] runJob = run("run-job", "--job", "ingest.transit_taps", "--date", "2026-11-14",
          "--lake", lake.toString());
      assertThat(runJob[0]).isEqualTo("5");
      assertThat(runJob[1]).contains("pid " + holder.pid());
      assertThat(lake.resolve("_metastore")).as("refused before Spark started").doesNotExist();

      holder.destroyForcibly(); // SIGKILL: no shutdown hook gives the lease back
      assertThat(holder.waitFor(20, TimeUnit.SECONDS)).isTrue();
      assertThat(lake.resolve("_ops/lease/" + LakeLease.EXCLUSIVE_FILE)).exists();

      LakeLease.acquire(LakeConfig.local(lake), LakeLease.Mode.EXCLUSIVE, "citylake nightly")
          .close();
    } finally {
      holder.destroyForcibly();
    }
  }

  /** {@code citylake args} in this JVM: exit code and stderr. */
  private static String[] run(String... args) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = CityLakeCli.execute(new PrintWriter(out), new PrintWriter(err), args);
    return new String[] {String.valueOf(code), err.toString()};
  }
}
