package io.citylake.cli;

import io.citylake.bench.Latencies;
import io.citylake.bench.LatencyGoals;
import io.citylake.bench.ServeBench;
import io.citylake.bench.ServeBenchJson;
import io.citylake.bench.ServeBenchResult;
import io.citylake.bench.ServeClients;
import io.citylake.lake.LakeConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code citylake bench serve}: analyst latency through JDBC on an existing lake. The endpoint
 * starts in this process (timed, warm-up included), then fresh connections' first queries and
 * rounds of the query mix are timed through the Hive JDBC driver, against issue 20's goals.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Start the JDBC endpoint on a lake's gold tables in this process (free loopback"
        + " port), then time through the Hive JDBC driver: the endpoint's start with its warm-up,"
        + " the first query of each fresh connection, and p50/p95/max of a query mix (the KPI"
        + " catalogue, one KPI for a month, a ward table for a day); prints a table against the"
        + " goals (first result < 3 s, p50 < 1 s, p95 < 2 s) and writes JSON.",
    exitCodeListHeading = ExitCodes.HEADING,
    exitCodeList = {"0:every query ran (whether the goals were met is printed)",
        "1:a query or the endpoint failed", ExitCodes.USAGE})
final class BenchServeCommand implements Callable<Integer> {
  @Mixin LakeOptions lake;

  @Option(names = "--connections", paramLabel = "N", defaultValue = "5",
      description = "Fresh connections, each timed for its first query (default: ${DEFAULT-VALUE}).")
  int connections;

  @Option(names = "--rounds", paramLabel = "N", defaultValue = "10",
      description = "Rounds of the query mix on one connection (default: ${DEFAULT-VALUE}).")
  int rounds;

  @Option(names = "--json", paramLabel = "FILE", defaultValue = "bench-serve.json",
      description = "Where to write the JSON result (default: ./bench-serve.json).")
  Path json;

  /** The endpoint without its warm-up: what the first clients paid before it (hidden). */
  @Option(names = "--no-warm-up", hidden = true)
  boolean noWarmUp;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    SparkCommand.requireAtLeastOne(spec, "--connections", connections);
    SparkCommand.requireAtLeastOne(spec, "--rounds", rounds);
    LakeConfig config = lake.builtConfig("run the serve benchmark");
    ServeBench.requireGoldTables(config);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("citylake bench serve: lake %s, %d fresh connections, %d rounds, warm-up %s%n",
        config.lakeRoot(), connections, rounds, noWarmUp ? "OFF" : "on");
    out.flush();
    long started = System.nanoTime();
    SparkSession spark = SparkCommand.session(config);
    double sparkSeconds = (System.nanoTime() - started) / 1e9;
    ServeBenchResult result =
        new ServeBench(spark, config).run(sparkSeconds, !noWarmUp, connections, rounds);
    LatencyGoals goals = LatencyGoals.issue20();
    print(out, result, goals);
    BenchJsonFile.write(json,
        ServeBenchJson.document(result, config.lakeRoot().toString(), goals), out);
    return 0;
  }

  private static void print(PrintWriter out, ServeBenchResult result, LatencyGoals goals) {
    out.printf("spark session: %.1fs (not counted)%n", result.sparkSeconds());
    out.printf("endpoint start: %.1fs%s%n", result.endpointStartSeconds(), result.warmUp()
        .map(w -> ", of which " + w.summary()).orElse(" (no warm-up)"));
    TextTable firsts = new TextTable(List.of("connection", "first query", "connect_s",
        "query_s", "first_result_s", "rows"));
    for (ServeClients.FirstQuery q : result.measured().firstQueries()) {
      firsts.add(List.of(q.connection(), q.query(), seconds(q.connectSeconds()),
          seconds(q.querySeconds()), seconds(q.firstResultSeconds()), q.rows()));
    }
    out.println();
    out.println("fresh connections (first result = connect + first query)");
    out.print(firsts);
    TextTable mix = new TextTable(List.of("query", "n", "p50_s", "p95_s", "max_s"));
    result.mixByQuery().forEach((query, latencies) -> mix.add(row(query, latencies)));
    mix.add(row("all", result.mixLatencies()));
    out.println();
    out.printf("query mix, %d rounds on one connection%n",
        result.measured().mix().size() / Math.max(1, result.mixByQuery().size()));
    out.print(mix);
    Map<String, Boolean> met = result.goalsMet(goals);
    out.println();
    out.printf("goal first result < %.0fs: %.2fs (slowest of %d connections)  %s%n",
        goals.firstResultSeconds(), result.firstResults().max(), result.firstResults().count(),
        verdict(met.get("first_result")));
    out.printf("goal p50 < %.0fs:          %.2fs  %s%n", goals.p50Seconds(),
        result.mixLatencies().p50(), verdict(met.get("p50")));
    out.printf("goal p95 < %.0fs:          %.2fs  %s%n", goals.p95Seconds(),
        result.mixLatencies().p95(), verdict(met.get("p95")));
    out.printf("machine load (1 min average): %.2f before, %.2f after%n", result.loadBefore(),
        result.loadAfter());
  }

  private static List<Object> row(String query, Latencies latencies) {
    return List.of(query, latencies.count(), seconds(latencies.p50()), seconds(latencies.p95()),
        seconds(latencies.max()));
  }

  private static String seconds(double seconds) {
    return String.format("%.2f", seconds);
  }

  private static String verdict(boolean met) {
    return met ? "met" : "NOT MET";
  }
}
