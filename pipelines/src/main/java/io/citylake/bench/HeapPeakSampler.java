package io.citylake.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The peak heap a stretch of work used, for the per-night table: a daemon thread reads the used
 * heap every {@link #INTERVAL_MS} ms, and also the heap just before the latest collection of each
 * collector (HotSpot's {@code GcInfo}), which catches peaks that fall between two samples.
 * {@link #close()} stops the thread and takes a last sample.
 */
public final class HeapPeakSampler implements AutoCloseable {
  static final long INTERVAL_MS = 100;

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final List<GarbageCollectorMXBean> collectors =
      ManagementFactory.getGarbageCollectorMXBeans();
  private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
      .filter(pool -> pool.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName)
      .collect(Collectors.toSet());
  private final AtomicLong peak = new AtomicLong();
  private final Thread thread;
  private volatile boolean running = true;

  private HeapPeakSampler() {
    thread = new Thread(this::loop, "citylake-heap-sampler");
    thread.setDaemon(true);
  }

  /** Starts sampling now. */
  public static HeapPeakSampler start() {
    HeapPeakSampler sampler = new HeapPeakSampler();
    sampler.sample();
    sampler.thread.start();
    return sampler;
  }

  /** The largest heap use seen so far, in bytes. */
  public long peakBytes() {
    return peak.get();
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    sample();
  }

  private void loop() {
    while (running) {
      sample();
      try {
        Thread.sleep(INTERVAL_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void sample() {
    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
    for (GarbageCollectorMXBean collector : collectors) {
      if (collector instanceof com.sun.management.GarbageCollectorMXBean hotspot
          && hotspot.getLastGcInfo() != null) {
        Map<String, MemoryUsage> before = hotspot.getLastGcInfo().getMemoryUsageBeforeGc();
        long used = before.entrySet().stream().filter(e -> heapPools.contains(e.getKey()))
            .mapToLong(e -> e.getValue().getUsed()).sum();
        peak.accumulateAndGet(used, Math::max);
      }
    }
  }
}
