package io.citylake.kpi;

import io.citylake.kpi.RawSample.Line;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Board taps and vehicle arrivals read from the raw sample with plain Java, checked against the
 * raw GTFS feeds, for recomputing ridership and bus waiting times.
 */
final class RawTransit {
  /** A valid board tap with its stop's municipality (the feed id's prefix) and JST hour. */
  record Tap(LocalDate dt, String card, String municipality, String route, String stop,
      Instant at, LocalDateTime hour) {}

  final List<Tap> boardTaps = new ArrayList<>();
  /** Actual arrival instants per route/stop. */
  final Map<String, TreeSet<Instant>> arrivals = new HashMap<>();

  RawTransit(RawSample raw) {
    Map<String, String[]> stops = raw.gtfs("stops.txt", "stop_id");
    Map<String, String[]> routes = raw.gtfs("routes.txt", "route_id");
    Map<String, String[]> trips = raw.gtfs("trips.txt", "route_id");
    readTaps(raw, stops, routes);
    readArrivals(raw, stops, trips);
  }

  private void readTaps(RawSample raw, Map<String, String[]> stops,
      Map<String, String[]> routes) {
    List<Line> valid = raw.csv("transit/taps").stream().filter(l -> {
      Double fare = RawSample.number(l.get("fare_yen"));
      Instant at = l.present("tapped_at") ? RawSample.instant(l.get("tapped_at")) : null;
      return l.present("tap_id", "card_id") && Set.of("ic", "face").contains(l.get("auth"))
          && Set.of("board", "alight").contains(l.get("kind"))
          && stops.containsKey(l.get("stop_id")) && routes.containsKey(l.get("route_id"))
          && fare != null && fare >= 0 && fare <= 100_000 && at != null
          && RawSample.onServiceDay(at, l.dt());
    }).toList();
    for (Line l : RawKpis.newest(valid, l -> l.get("tap_id")).values()) {
      if (l.get("kind").equals("board")) {
        Instant at = RawSample.instant(l.get("tapped_at"));
        String feed = stops.get(l.get("stop_id"))[0];
        boardTaps.add(new Tap(l.dt(), l.get("card_id"), feed.substring(0, feed.indexOf('-')),
            l.get("route_id"), l.get("stop_id"), at,
            at.atZone(RawSample.JST).truncatedTo(ChronoUnit.HOURS).toLocalDateTime()));
      }
    }
  }

  private void readArrivals(RawSample raw, Map<String, String[]> stops,
      Map<String, String[]> trips) {
    List<Line> valid = raw.csv("transit/arrivals").stream().filter(l -> {
      Instant scheduled = l.present("scheduled_at") ? RawSample.instant(l.get("scheduled_at"))
          : null;
      Instant actual = l.present("actual_at") ? RawSample.instant(l.get("actual_at")) : null;
      if (scheduled == null || actual == null || !trips.containsKey(l.get("trip_id"))
          || !stops.containsKey(l.get("stop_id"))) {
        return false;
      }
      long delay = actual.getEpochSecond() - scheduled.getEpochSecond();
      return delay >= -3600 && delay <= 4 * 3600 && RawSample.onServiceDay(scheduled, l.dt());
    }).toList();
    for (Line l : RawKpis.newest(valid, l -> l.get("trip_id") + "/" + l.get("stop_id") + "/"
        + RawSample.instant(l.get("scheduled_at"))).values()) {
      arrivals.computeIfAbsent(trips.get(l.get("trip_id"))[1] + "/" + l.get("stop_id"),
          k -> new TreeSet<>()).add(RawSample.instant(l.get("actual_at")));
    }
  }

  /** Minutes to the next arrival at or after the tap, or null when none within the bound. */
  Double waitMinutes(Tap tap) {
    TreeSet<Instant> times = arrivals.get(tap.route() + "/" + tap.stop());
    Instant next = times == null ? null : times.ceiling(tap.at());
    if (next == null || next.atZone(RawSample.JST).toLocalDate()
        .isAfter(tap.dt().plusDays(2))) {
      return null;
    }
    double minutes = (next.getEpochSecond() - tap.at().getEpochSecond()) / 60.0;
    return minutes <= io.citylake.kpi.BusWaitKpi.MAX_WAIT_MINUTES ? minutes : null;
  }

  static long persons(Collection<Tap> taps) {
    return taps.stream().map(Tap::card).distinct().count();
  }
}
