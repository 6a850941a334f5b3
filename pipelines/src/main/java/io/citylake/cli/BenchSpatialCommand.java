package io.citylake.cli;

import io.citylake.bench.SpatialBench;
import io.citylake.lake.CityLakeException;
import io.citylake.lake.LakeConfig;
import io.citylake.spatial.SpatialJoinBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code citylake bench spatial}: the spatial join benchmark on a generated lake (Sedona's indexed
 * join, the naive nested loop, and a single-threaded JTS STRtree loop as the near-limit
 * reference), printed as a table and written as JSON.
 */
@Command(name = "spatial", mixinStandardHelpOptions = true,
    description = "Benchmark Sedona's spatial join against a naive cross join and a"
        + " single-threaded JTS STRtree loop on a generated lake; prints a table and writes JSON.")
final class BenchSpatialCommand implements Callable<Integer> {
  @Option(names = "--points", defaultValue = "1000000", description = "Points (default 1M).")
  long points;

  @Option(names = "--polygons", defaultValue = "1000", description = "Polygons (default 1k).")
  int polygons;

  @Option(names = "--seed", defaultValue = "20261125", description = "Random seed.")
  long seed;

  @Option(names = "--dir", paramLabel = "DIR",
      description = "Folder of the generated lake (default: a new temporary folder).")
  Path dir;

  @Option(names = "--json", paramLabel = "FILE", defaultValue = "bench-spatial-join.json",
      description = "Where to write the JSON result (default: ./bench-spatial-join.json).")
  Path json;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (points < 1 || polygons < 1) {
      throw CityLakeException.badInput("run the benchmark", "--points and --polygons must be"
          + " positive", points + " / " + polygons);
    }
    Path lake = dir != null ? dir : Files.createTempDirectory("citylake-bench-");
    Files.createDirectories(lake);
    LakeConfig config = LakeConfig.local(lake);
    SpatialBench.Result result = new SpatialBench(SparkCommand.session(config),
        config.paths().root()).run(points, polygons, seed);
    TextTable table = new TextTable(List.of("plan", "physical join", "seconds",
        "matches"));
    for (SpatialJoinBenchmark.Run run : result.runs()) {
      table.add(List.of(run.plan(), run.operator(),
          String.format("%.2f", run.seconds()), run.matches()));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("spatial join: %,d points x %,d polygons (lake %s)%n%n", points, polygons, lake);
    out.print(table);
    SpatialBench.JtsTimes jts = result.jtsTimes();
    out.printf("%njts: %.2fs collect + %.2fs STRtree + %.2fs join%n", jts.collectSeconds(),
        jts.indexSeconds(), jts.joinSeconds());
    out.printf("naive / sedona wall time: %.1fx; sedona / jts: %.1fx; same count per polygon"
        + " in all three plans: %s%n", result.spark().speedup(), result.sedonaOverJts(),
        result.sameAnswer() ? "yes" : "NO");
    BenchJsonFile.write(json, document(result), out);
    return result.sameAnswer() ? 0 : CityLakeException.FAILED;
  }

  private Map<String, Object> document(SpatialBench.Result result) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("benchmark", "spatial_join");
    document.put("points", points);
    document.put("polygons", polygons);
    document.put("seed", seed);
    document.put("runs", result.runs());
    document.put("naive_over_sedona", result.spark().speedup());
    document.put("sedona_over_jts", result.sedonaOverJts());
    Map<String, Object> jts = new LinkedHashMap<>();
    jts.put("collect", result.jtsTimes().collectSeconds());
    jts.put("index", result.jtsTimes().indexSeconds());
    jts.put("join", result.jtsTimes().joinSeconds());
    document.put("jts_seconds", jts);
    document.put("same_answer", result.sameAnswer());
    return document;
  }
}
