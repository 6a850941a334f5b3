package io.citylake.bench;

import io.citylake.publish.EndpointWarmUp;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON document of {@code citylake bench serve} ({@code bench-serve.json}), in snake_case keys
 * like the other benchmarks': every measurement, the percentiles, the goals and whether each was
 * met.
 */
public final class ServeBenchJson {
  private ServeBenchJson() {}

  public static Map<String, Object> document(ServeBenchResult result, String lake,
      LatencyGoals goals) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("benchmark", "serve");
    doc.put("lake", lake);
    doc.put("warm_up_enabled", result.warmUp().isPresent());
    doc.put("load_average_before", result.loadBefore());
    doc.put("load_average_after", result.loadAfter());
    doc.put("spark_session_seconds", result.sparkSeconds());
    doc.put("endpoint_start_seconds", result.endpointStartSeconds());
    doc.put("warm_up", result.warmUp().map(ServeBenchJson::warmUp).orElse(null));
    Map<String, String> queries = new LinkedHashMap<>();
    ServeQuery.mix().forEach(q -> queries.put(q.name(), q.sql()));
    doc.put("queries", queries);
    doc.put("first_queries", result.measured().firstQueries().stream().map(q -> {
      Map<String, Object> first = new LinkedHashMap<>();
      first.put("connection", q.connection());
      first.put("query", q.query());
      first.put("connect_seconds", q.connectSeconds());
      first.put("query_seconds", q.querySeconds());
      first.put("first_result_seconds", q.firstResultSeconds());
      first.put("rows", q.rows());
      return first;
    }).toList());
    doc.put("first_result_seconds", latencies(result.firstResults()));
    doc.put("mix_seconds", latencies(result.mixLatencies()));
    Map<String, Object> byQuery = new LinkedHashMap<>();
    result.mixByQuery().forEach((query, latencies) -> byQuery.put(query, latencies(latencies)));
    doc.put("mix_seconds_by_query", byQuery);
    doc.put("mix", result.measured().mix().stream().map(q -> {
      Map<String, Object> mix = new LinkedHashMap<>();
      mix.put("round", q.round());
      mix.put("query", q.query());
      mix.put("seconds", q.seconds());
      mix.put("rows", q.rows());
      return mix;
    }).toList());
    Map<String, Object> goalSeconds = new LinkedHashMap<>();
    goalSeconds.put("first_result", goals.firstResultSeconds());
    goalSeconds.put("p50", goals.p50Seconds());
    goalSeconds.put("p95", goals.p95Seconds());
    doc.put("goals_seconds", goalSeconds);
    doc.put("goals_met", result.goalsMet(goals));
    return doc;
  }

  private static Map<String, Object> warmUp(EndpointWarmUp.Report report) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("seconds", report.seconds());
    doc.put("tables", report.tables().stream().map(t -> {
      Map<String, Object> table = new LinkedHashMap<>();
      table.put("table", t.table());
      table.put("partition_column", t.partitionColumn().orElse(null));
      table.put("files", t.files());
      table.put("seconds", t.seconds());
      table.put("failure", t.failure().orElse(null));
      return table;
    }).toList());
    doc.put("queries", report.queries().stream().map(q -> {
      Map<String, Object> query = new LinkedHashMap<>();
      query.put("table", q.table());
      query.put("query", q.query());
      query.put("rows", q.rows());
      query.put("seconds", q.seconds());
      query.put("failure", q.failure().orElse(null));
      return query;
    }).toList());
    return doc;
  }

  private static Map<String, Object> latencies(Latencies latencies) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("count", latencies.count());
    doc.put("p50", latencies.p50());
    doc.put("p95", latencies.p95());
    doc.put("max", latencies.max());
    return doc;
  }
}
