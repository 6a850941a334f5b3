package io.citylake.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
 * {@code citylake bench}: the spatial join benchmark on a generated lake, printed as a table and
 * written as JSON, so speed claims come from one measured run rather than from timed tests.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Benchmark Sedona's spatial join against a naive cross join on a generated"
        + " lake; prints a table and writes JSON.")
final class BenchCommand implements Callable<Integer> {
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
    SpatialJoinBenchmark.Result result = new SpatialJoinBenchmark(SparkCommand.session(config),
        config.paths().root()).run(points, polygons, seed);
    TextTable table = new TextTable(List.of("plan", "physical join", "seconds", "matches"));
    for (SpatialJoinBenchmark.Run run : List.of(result.sedona(), result.naive())) {
      table.add(List.of(run.plan(), run.operator(), String.format("%.2f", run.seconds()),
          run.matches()));
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("spatial join: %,d points x %,d polygons (lake %s)%n%n", points, polygons, lake);
    out.print(table);
    out.printf("%nnaive / sedona wall time: %.1fx; same count per polygon: %s%n",
        result.speedup(), result.sameAnswer() ? "yes" : "NO");
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("benchmark", "spatial_join");
    document.put("points", points);
    document.put("polygons", polygons);
    document.put("seed", seed);
    document.put("runs", List.of(result.sedona(), result.naive()));
    document.put("naive_over_sedona", result.speedup());
    document.put("same_answer", result.sameAnswer());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(json.toFile(), document);
    out.println("json: " + json.toAbsolutePath());
    out.flush();
    return result.sameAnswer() ? 0 : CityLakeException.FAILED;
  }
}
