package io.citylake.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The warm benchmark's verdict and JSON, from nights measured elsewhere; no Spark here. */
class WarmNightBenchResultTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 14);

  private static WarmNightBench.Night night(String jvm, boolean succeeded, double wall,
      JvmCounters spent) {
    return new WarmNightBench.Night(jvm, new NightMeasurement(DAY, "run-" + jvm, succeeded, 44,
        succeeded ? 0 : 3, wall, 500_000, 1L << 30, Map.of("ingest", wall / 4), 90, 300,
        Map.of(), Map.of()), spent);
  }

  @Test
  void theRatioIsTheWarmNightsWallOverTheColdOnes() {
    WarmNightBench.Result result = new WarmNightBench.Result(DAY, List.of(
        night(WarmNightBench.COLD, true, 150.0, new JvmCounters(300, 120, 8)),
        night(WarmNightBench.WARM, true, 105.0, new JvmCounters(210, 30, 7))));
    assertThat(result.succeeded()).isTrue();
    assertThat(result.warmOverCold()).isEqualTo(0.7);
    Map<String, Object> doc = result.document();
    assertThat(doc).containsEntry("benchmark", "warm").containsEntry("day", "2026-11-14")
        .containsEntry("warm_over_cold", 0.7).containsEntry("passed", true);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> nights = (List<Map<String, Object>>) doc.get("nights");
    assertThat(nights).extracting(n -> n.get("jvm")).containsExactly("cold", "warm");
    assertThat(nights.get(1)).containsEntry("wall_seconds", 105.0)
        .containsEntry("process_cpu_seconds", 210.0).containsEntry("jit_seconds", 30.0)
        .containsEntry("gc_seconds", 7.0).containsEntry("run_id", "run-warm")
        .doesNotContainKeys("raw_lines", "raw_lines_per_second");
  }

  @Test
  void aColdNightThatFailedLeavesNoRatioAndFails() {
    WarmNightBench.Result result = new WarmNightBench.Result(DAY, List.of(
        night(WarmNightBench.COLD, false, 80.0, new JvmCounters(100, 50, 3))));
    assertThat(result.succeeded()).isFalse();
    assertThat(result.warmOverCold()).isNaN();
    assertThat(result.document()).containsEntry("warm_over_cold", null)
        .containsEntry("passed", false);
  }

  @Test
  void theJvmsCountersGrowWithWorkAndSubtract() {
    java.lang.management.ThreadMXBean threads =
        java.lang.management.ManagementFactory.getThreadMXBean();
    JvmCounters before = JvmCounters.now();
    long burnt = threads.getCurrentThreadCpuTime();
    long sum = 0;
    while (threads.getCurrentThreadCpuTime() - burnt < 300_000_000L) {
      sum += Long.numberOfTrailingZeros(sum + System.nanoTime());
    }
    JvmCounters spent = JvmCounters.now().since(before);
    assertThat(sum).isPositive();
    // this thread alone burnt 0.3 s of CPU in between; the process counts it (in 10-ms ticks)
    assertThat(spent.cpuSeconds()).isGreaterThan(0.25);
    assertThat(spent.jitSeconds()).isGreaterThanOrEqualTo(0);
    assertThat(spent.gcSeconds()).isGreaterThanOrEqualTo(0);
    assertThat(new JvmCounters(5, 3, 1).since(new JvmCounters(2, 1, 0.5)))
        .isEqualTo(new JvmCounters(3, 2, 0.5));
  }
}
