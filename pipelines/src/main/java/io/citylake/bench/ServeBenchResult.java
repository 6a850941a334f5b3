package io.citylake.bench;

import io.citylake.publish.EndpointWarmUp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code citylake bench serve} measured: the endpoint's start (with its warm-up, when on),
 * the first query of each fresh connection and the query mix over the rounds, in seconds; and
 * the machine's 1-minute load average before and after, since the machine is shared.
 */
public record ServeBenchResult(double sparkSeconds, double endpointStartSeconds,
    Optional<EndpointWarmUp.Report> warmUp, ServeClients.Measured measured,
    double loadBefore, double loadAfter) {

  /** Percentiles of the fresh connections' first results (connect plus first query). */
  public Latencies firstResults() {
    return Latencies.of(measured.firstQueries().stream()
        .map(ServeClients.FirstQuery::firstResultSeconds).toList());
  }

  /** Percentiles of every query of the mix. */
  public Latencies mixLatencies() {
    return Latencies.of(measured.mix().stream().map(ServeClients.MixQuery::seconds).toList());
  }

  /** Percentiles of the mix per query, in the mix's order. */
  public Map<String, Latencies> mixByQuery() {
    return measured.mix().stream().collect(Collectors.groupingBy(ServeClients.MixQuery::query,
        LinkedHashMap::new, Collectors.collectingAndThen(
            Collectors.mapping(ServeClients.MixQuery::seconds, Collectors.toList()),
            Latencies::of)));
  }

  /** Whether each goal was met: {@code first_result} (the slowest connection), p50, p95. */
  public Map<String, Boolean> goalsMet(LatencyGoals goals) {
    Map<String, Boolean> met = new LinkedHashMap<>();
    met.put("first_result", goals.firstResultMet(firstResults().max()));
    met.put("p50", goals.p50Met(mixLatencies()));
    met.put("p95", goals.p95Met(mixLatencies()));
    return met;
  }
}
