package io.citylake.bench;

import io.citylake.pipeline.RunSummary;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Function;

/**
 * Runs one night of the pipeline under measurement: counts the day's raw lines and lists the lake's
 * Delta files beforehand (both outside the timed span), then times the night while sampling the
 * heap, and lists the files again to see what it wrote.
 */
public final class NightMeter {
  private final Path lake;

  /** @param lake local lake root */
  public NightMeter(Path lake) {
    this.lake = lake;
  }

  public NightMeasurement measure(LocalDate day, Function<LocalDate, RunSummary> night) {
    long rawLines = RawDayLines.count(lake, day);
    LakeFileCensus before = LakeFileCensus.of(lake);
    System.gc(); // so that the peak is the night's own, not garbage of the night before
    HeapPeakSampler heap = HeapPeakSampler.start();
    RunSummary summary;
    double seconds;
    try {
      long start = System.nanoTime();
      summary = night.apply(day);
      seconds = (System.nanoTime() - start) / 1e9;
    } finally {
      heap.close();
    }
    return NightMeasurement.of(summary, seconds, rawLines, heap.peakBytes(),
        LakeFileCensus.of(lake).since(before));
  }
}
