package io.citylake.bench;

/**
 * Issue 20's latency goals for analysts on the JDBC endpoint: a fresh connection's first result
 * (connect plus first query, what an analyst opening DBeaver waits for) within
 * {@code firstResultSeconds}, and the query mix's median and 95th percentile within
 * {@code p50Seconds} and {@code p95Seconds}.
 */
public record LatencyGoals(double firstResultSeconds, double p50Seconds, double p95Seconds) {

  /** First result < 3 s, p50 < 1 s, p95 < 2 s. */
  public static LatencyGoals issue20() {
    return new LatencyGoals(3, 1, 2);
  }

  public boolean firstResultMet(double seconds) {
    return seconds < firstResultSeconds;
  }

  public boolean p50Met(Latencies mix) {
    return mix.p50() < p50Seconds;
  }

  public boolean p95Met(Latencies mix) {
    return mix.p95() < p95Seconds;
  }
}
