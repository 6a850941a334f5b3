package io.citylake.bench;

import io.citylake.lake.LakeConfig;
import io.citylake.pipeline.NightlyRun;
import io.citylake.pipeline.PipelineGraph;
import io.citylake.pipeline.RunSummary;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;

/**
 * {@code citylake bench warm}: the same first night run twice in one JVM, on two fresh copies of
 * one raw lake: first in a JVM as {@code citylake nightly} has it (the session just started,
 * nothing of the night's code loaded or compiled), then again with the JVM's classes loaded and
 * its code compiled by the first night. The first night's surplus over the second is what the
 * JVM's warm-up costs a night; the second is what the night's own work costs, a floor that no
 * change to the start can go below. Both nights share the JVM's Spark session and so its
 * metastore (the first copy's), in which the second copy's tables are registered as a copied
 * lake's are ({@code LakeCatalog}). A night's time is its pipeline's, as {@code citylake
 * nightly} prints it: the session is opened before the night starts.
 */
public final class WarmNightBench {
  /** The JVM's state when the night started. */
  public static final String COLD = "cold";
  public static final String WARM = "warm";

  /** One night: its measurement and what the JVM spent while it ran. */
  public record Night(String jvm, NightMeasurement measurement, JvmCounters spent) {}

  /** Both nights, cold first. */
  public record Result(LocalDate day, List<Night> nights) {
    public Result {
      nights = List.copyOf(nights);
    }

    public boolean succeeded() {
      return nights.size() == 2 && nights.stream().allMatch(n -> n.measurement().succeeded());
    }

    /** The JSON document of {@code bench-warm.json}, in the snake_case of the other benchmarks. */
    public Map<String, Object> document() {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("benchmark", "warm");
      doc.put("day", day.toString());
      List<Map<String, Object>> entries = new ArrayList<>();
      for (Night night : nights) {
        Map<String, Object> entry = PipelineBenchJson.night(night.measurement());
        // a first night takes every day the copy holds, not only the day's lines counted there
        entry.remove("raw_lines");
        entry.remove("raw_lines_per_second");
        entry.put("jvm", night.jvm());
        entry.put("process_cpu_seconds", night.spent().cpuSeconds());
        entry.put("jit_seconds", night.spent().jitSeconds());
        entry.put("gc_seconds", night.spent().gcSeconds());
        entries.add(entry);
      }
      doc.put("nights", entries);
      doc.put("warm_over_cold", nights.size() == 2 ? warmOverCold() : null);
      doc.put("passed", succeeded());
      return doc;
    }

    /** The warm night's wall time over the cold one's, or NaN without both. */
    public double warmOverCold() {
      return nights.size() == 2
          ? nights.get(1).measurement().wallSeconds() / nights.get(0).measurement().wallSeconds()
          : Double.NaN;
    }
  }

  private final PipelineGraph graph;
  private final Path workDir;

  public WarmNightBench(PipelineGraph graph, Path workDir) {
    this.graph = graph;
    this.workDir = workDir;
  }

  /**
   * Runs the night of {@code day} on two copies of {@code rawLake}'s raw/ and reference/; the
   * second is not run when the first fails.
   *
   * @param session the JVM's session for a lake, with its metastore's tables resolving inside it
   */
  public Result run(Path rawLake, LocalDate day, Function<LakeConfig, SparkSession> session) {
    List<Path> lakes = List.of(RawLakeCopy.of(rawLake, workDir.resolve(COLD), "warm"),
        RawLakeCopy.of(rawLake, workDir.resolve(WARM), "warm"));
    List<Night> nights = new ArrayList<>();
    for (Path lake : lakes) {
      LakeConfig config = LakeConfig.local(lake);
      NightlyRun run = new NightlyRun(session.apply(config), config, graph);
      JvmCounters[] spent = new JvmCounters[1];
      NightMeasurement night = new NightMeter(lake).measure(day, d -> {
        JvmCounters before = JvmCounters.now();
        RunSummary summary = run.run(d, job -> true, outcome -> { });
        spent[0] = JvmCounters.now().since(before);
        return summary;
      });
      nights.add(new Night(nights.isEmpty() ? COLD : WARM, night, spent[0]));
      if (!night.succeeded()) {
        break;
      }
    }
    return new Result(day, nights);
  }
}
