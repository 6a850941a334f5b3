package io.citylake.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * What this JVM has spent so far, as the JVM itself counts it: the process's CPU time, the JIT
 * compilers' time and the garbage collectors' time. The difference of two readings is what a
 * night cost the process, so a night in a cold JVM and one in a warm JVM can be told apart by
 * where their seconds went, not only by their wall time.
 *
 * @param cpuSeconds CPU time of the whole process (all threads, user and system)
 * @param jitSeconds time the JIT compilers spent compiling (their elapsed time, which on a busy
 *     machine includes waiting for a core, so it can exceed their CPU time)
 * @param gcSeconds elapsed time of the collectors' collections
 */
public record JvmCounters(double cpuSeconds, double jitSeconds, double gcSeconds) {
  /** The counters now. */
  public static JvmCounters now() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    double cpu = os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime() / 1e9 : Double.NaN;
    java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    double compiling = jit != null && jit.isCompilationTimeMonitoringSupported()
        ? jit.getTotalCompilationTime() / 1e3 : Double.NaN;
    long gcMillis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcMillis += Math.max(0, gc.getCollectionTime());
    }
    return new JvmCounters(cpu, compiling, gcMillis / 1e3);
  }

  /** What was spent between {@code earlier} and this reading. */
  public JvmCounters since(JvmCounters earlier) {
    return new JvmCounters(cpuSeconds - earlier.cpuSeconds, jitSeconds - earlier.jitSeconds,
        gcSeconds - earlier.gcSeconds);
  }
}
