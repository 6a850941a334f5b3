package io.citylake.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citylake.lake.CityLakeException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LatenciesTest {

  @Test
  void nearestRankOfOneToTwentyIsTheTenthAndNineteenthValue() {
    List<Double> seconds = new ArrayList<>(IntStream.rangeClosed(1, 20)
        .mapToObj(i -> i / 10.0).toList());
    Collections.shuffle(seconds, new Random(7));
    Latencies latencies = Latencies.of(seconds);
    // at least half of the 20 values are <= 1.0 (ten of them), at least 95 % <= 1.9 (nineteen)
    assertThat(latencies).isEqualTo(new Latencies(20, 1.0, 1.9, 2.0));
  }

  @Test
  void percentilesAreMeasuredValuesNeverInterpolated() {
    Latencies latencies = Latencies.of(List.of(0.3, 10.0, 0.4));
    assertThat(latencies.p50()).isEqualTo(0.4);
    assertThat(latencies.p95()).isEqualTo(10.0);
    assertThat(latencies.max()).isEqualTo(10.0);
    assertThat(latencies.count()).isEqualTo(3);
  }

  @Test
  void oneMeasurementIsEveryPercentile() {
    assertThat(Latencies.of(List.of(2.5))).isEqualTo(new Latencies(1, 2.5, 2.5, 2.5));
  }

  @Test
  void eachPercentileIsTheSmallestValueThatEnoughValuesDoNotExceed() {
    Random random = new Random(11);
    for (int n = 1; n <= 60; n++) {
      List<Double> seconds = random.doubles(n, 0, 5).boxed().toList();
      Latencies latencies = Latencies.of(seconds);
      for (double[] pair : new double[][] {{50, latencies.p50()}, {95, latencies.p95()}}) {
        double p = pair[0];
        double value = pair[1];
        long atMost = seconds.stream().filter(s -> s <= value).count();
        long below = seconds.stream().filter(s -> s < value).count();
        assertThat(seconds).contains(value);
        assertThat(atMost * 100).as("n=%d p%s", n, p).isGreaterThanOrEqualTo((long) (p * n));
        assertThat(below * 100).as("n=%d p%s", n, p).isLessThan((long) (p * n));
      }
    }
  }

  @Test
  void noMeasurementsIsAnError() {
    assertThatThrownBy(() -> Latencies.of(List.of())).isInstanceOf(CityLakeException.class)
        .hasMessage("Cannot compute percentiles: no measurements (got: [])");
  }

  @Test
  void aNegativeMeasurementIsAnError() {
    assertThatThrownBy(() -> Latencies.of(List.of(0.5, -1.0)))
        .isInstanceOf(CityLakeException.class)
        .hasMessage("Cannot compute percentiles: a measurement is negative or not a number"
            + " (got: [-1.0, 0.5])");
  }
}
