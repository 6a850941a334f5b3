package io.citylake.sample;

import java.util.List;

/**
 * One generated bus network with its timetable, the content of one GTFS feed. Each stop place
 * has one pole per direction (as GTFS-JP feeds do), so "the same stop on the same route" is the
 * pole where a passenger waits for one direction.
 */
record BusFeed(City city, List<Stop> stops, List<Route> routes, List<Trip> trips) {

  BusFeed {
    stops = List.copyOf(stops);
    routes = List.copyOf(routes);
    trips = List.copyOf(trips);
  }

  /**
   * The operator and timetable shape of a model city's network.
   *
   * @param headwayWeekday minutes between departures on weekdays
   * @param lateTripStart GTFS seconds of one extra weekday night trip (may pass 24:00), or -1
   */
  record City(String feedId, String municipality, String prefix, String agencyName,
      String agencyUrl, String hubName, double hubLon, double hubLat, int routes, int minStops,
      int maxStops, int headwayWeekday, int headwayWeekend, int firstDeparture,
      int lastDeparture, int lateTripStart, int fareYen, double journeysPerPerson) {}

  record Stop(String stopId, String name, double lon, double lat) {}

  /**
   * A route: its poles in direction 0 and direction 1 order and the scheduled running seconds
   * from the first stop in direction 0.
   */
  record Route(String routeId, String shortName, String longName, List<Stop> outbound,
      List<Stop> inbound, List<Integer> runSeconds) {

    Route {
      outbound = List.copyOf(outbound);
      inbound = List.copyOf(inbound);
      runSeconds = List.copyOf(runSeconds);
    }
  }

  /** One scheduled run; {@code start} is the GTFS seconds at the first stop. */
  record Trip(String tripId, Route route, int direction, String serviceId, int start) {

    List<Stop> stops() {
      return direction == 0 ? route.outbound() : route.inbound();
    }

    /** Scheduled GTFS seconds of arrival at the k-th stop of this trip. */
    int arrival(int k) {
      List<Integer> run = route.runSeconds();
      int n = run.size();
      return start + (direction == 0 ? run.get(k) : run.get(n - 1) - run.get(n - 1 - k));
    }

    String headsign() {
      List<Stop> s = stops();
      return s.get(s.size() - 1).name();
    }
  }
}
