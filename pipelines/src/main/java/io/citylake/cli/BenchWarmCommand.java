package io.citylake.cli;

import io.citylake.bench.NightMeasurement;
import io.citylake.bench.WarmNightBench;
import io.citylake.lake.CityLakeException;
import io.citylake.pipeline.NightlyPipeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code citylake bench warm}: a first night in a cold JVM against the same night warm. */
@Command(name = "warm", mixinStandardHelpOptions = true,
    description = "Run the same first night twice in this process, on two fresh copies of a raw"
        + " lake: cold (as 'citylake nightly' starts) and warm (its code loaded and compiled by"
        + " the first); prints each night's wall, CPU, JIT and GC seconds and their ratio, and"
        + " writes JSON.")
final class BenchWarmCommand implements Callable<Integer> {
  @Mixin RawLakeCopyOptions copies;

  @Option(names = "--json", paramLabel = "FILE", defaultValue = "bench-warm.json",
      description = "Where to write the JSON result (default: ./bench-warm.json).")
  Path json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Path source = copies.source("warm");
    Path work = copies.workDir("warm");
    PrintWriter out = spec.commandLine().getOut();
    out.printf("citylake bench warm: night %s of %s, twice in this JVM (lakes in %s)%n",
        copies.date, source, work);
    out.flush();
    WarmNightBench.Result result = new WarmNightBench(NightlyPipeline.graph(), work)
        .run(source, copies.date, SparkCommand::session);
    TextTable table = new TextTable(List.of("jvm", "succeeded", "jobs", "wall_s", "cpu_s",
        "jit_s", "gc_s", "peak_heap_mb"));
    for (WarmNightBench.Night night : result.nights()) {
      NightMeasurement m = night.measurement();
      table.add(List.of(night.jvm(), m.succeeded(), m.jobs(),
          String.format("%.1f", m.wallSeconds()), String.format("%.1f", night.spent().cpuSeconds()),
          String.format("%.1f", night.spent().jitSeconds()),
          String.format("%.1f", night.spent().gcSeconds()), m.peakHeapBytes() >> 20));
    }
    out.println();
    out.print(table);
    out.println("(cpu_s: the whole process; jit_s: the compilers' elapsed time, which includes"
        + " waiting for a core)");
    out.printf("%nwarm / cold: %.2fx%n", result.warmOverCold());
    BenchJsonFile.write(json, result.document(), out);
    return result.succeeded() ? 0 : CityLakeException.FAILED;
  }
}
