package io.citylake.bench;

import io.citylake.lake.CityLakeException;
import java.util.Arrays;
import java.util.List;

/**
 * Percentiles of measured seconds by the nearest-rank method: the p-th percentile is the smallest
 * measurement that at least p % of the measurements do not exceed. It is always a measured value,
 * never an interpolation between two, so a p95 over 20 queries is the 19th fastest of them.
 */
public record Latencies(int count, double p50, double p95, double max) {

  /** The percentiles of {@code seconds}; fails on an empty list or a negative or NaN value. */
  public static Latencies of(List<Double> seconds) {
    if (seconds.isEmpty()) {
      throw CityLakeException.badInput("compute percentiles", "no measurements", "[]");
    }
    double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (Double.isNaN(sorted[sorted.length - 1]) || sorted[0] < 0) {
      throw CityLakeException.badInput("compute percentiles",
          "a measurement is negative or not a number", Arrays.toString(sorted));
    }
    return new Latencies(sorted.length, percentile(sorted, 50), percentile(sorted, 95),
        sorted[sorted.length - 1]);
  }

  /** The nearest-rank {@code p}-th percentile (0 < p ≤ 100) of ascending {@code sorted}. */
  static double percentile(double[] sorted, double p) {
    if (!(p > 0 && p <= 100)) {
      throw CityLakeException.badInput("compute a percentile", "p must be in (0, 100]", p);
    }
    // p * n first: 0.95 * 20 is 19.000000000000004 in doubles, 95 * 20 / 100 is 19
    int rank = (int) Math.ceil(p * sorted.length / 100);
    return sorted[Math.max(rank, 1) - 1];
  }
}
