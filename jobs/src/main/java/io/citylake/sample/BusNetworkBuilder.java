package io.citylake.sample;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Lays out the generated bus networks of the three model cities: routes radiate from a hub (Sapporo
 * Station, Tsukuba Center, Susami Station) as gently curving lines of stops 400–800 m apart, every
 * pole inside the municipality's real polygon; timetables by headway with a weekday and a
 * weekend/holiday service, and one Sapporo night trip running past 24:00.
 */
final class BusNetworkBuilder {
  static final List<BusFeed.City> CITIES = List.of(
      new BusFeed.City("sapporo-bus", "sapporo", "SAP", "札幌みらいバス（サンプル）",
          "https://example.org/sapporo-bus", "札幌駅前", 141.3508, 43.0687, 4, 12, 15, 30, 40,
          6 * 3600, 23 * 3600, 24 * 3600 + 40 * 60, 230, 0.95),
      new BusFeed.City("tsukuba-tsukubus", "tsukuba", "TKB", "つくバス（サンプル）",
          "https://example.org/tsukubus", "つくばセンター", 140.1115, 36.0827, 3, 10, 13, 40, 60,
          6 * 3600 + 30 * 60, 22 * 3600, -1, 200, 0.55),
      new BusFeed.City("susami-community-bus", "susami", "SUS", "すさみ町コミュニティバス（サンプル）",
          "https://example.org/susami-bus", "周参見駅前", 135.4978, 33.5513, 2, 7, 9, 120, 180,
          7 * 3600, 18 * 3600, -1, 200, 0.35));

  private BusNetworkBuilder() {}

  static List<BusFeed> build(SampleSpec spec, ReferenceData reference) {
    List<BusFeed> feeds = new ArrayList<>();
    for (BusFeed.City city : CITIES) {
      feeds.add(build(city, reference.areasOf(city.municipality()),
          spec.random("gtfs-" + city.feedId(), 0)));
    }
    return List.copyOf(feeds);
  }

  private static BusFeed build(BusFeed.City city, List<Area> areas, SplittableRandom rng) {
    double[] hub = inside(areas, city.hubLon(), city.hubLat())
        ? new double[] {city.hubLon(), city.hubLat()}
        : PointSampler.near(areas, city.hubLon(), city.hubLat(), 300, rng);
    List<BusFeed.Stop> stops = new ArrayList<>();
    List<BusFeed.Route> routes = new ArrayList<>();
    BusFeed.Stop hubA = pole(city, 0, 'A', city.hubName(), hub, areas);
    BusFeed.Stop hubB = pole(city, 0, 'B', city.hubName(), hub, areas);
    stops.add(hubA);
    stops.add(hubB);
    int place = 1;
    for (int r = 1; r <= city.routes(); r++) {
      List<double[]> path = path(city, areas, hub, r, rng);
      List<BusFeed.Stop> out = new ArrayList<>(List.of(hubA));
      List<BusFeed.Stop> in = new ArrayList<>(List.of(hubB));
      List<Integer> run = new ArrayList<>(List.of(0));
      for (int k = 1; k < path.size(); k++) {
        String name = String.format(Locale.ROOT, "%s %d番", shortName(areas, path.get(k)), place);
        out.add(pole(city, place, 'A', name, path.get(k), areas));
        in.add(pole(city, place, 'B', name, path.get(k), areas));
        stops.add(out.get(k));
        stops.add(in.get(k));
        double m = PointSampler.distanceKm(path.get(k - 1)[0], path.get(k - 1)[1],
            path.get(k)[0], path.get(k)[1]) * 1000;
        run.add(run.get(k - 1) + (int) Math.round((m / 5.0 + 30) / 60.0) * 60);
        place++;
      }
      Collections.reverse(in);
      String id = String.format(Locale.ROOT, "%s_R%02d", city.prefix(), r);
      routes.add(new BusFeed.Route(id, Integer.toString(r * 10),
          city.hubName() + "〜" + out.get(out.size() - 1).name(), out, in, run));
    }
    return new BusFeed(city, stops, routes, trips(city, routes));
  }

  private static List<double[]> path(BusFeed.City city, List<Area> areas, double[] hub, int r,
      SplittableRandom rng) {
    int want = city.minStops() + rng.nextInt(city.maxStops() - city.minStops() + 1);
    List<double[]> best = List.of(hub);
    for (int attempt = 0; attempt < 50; attempt++) {
      double heading = 2 * Math.PI * (r - 1) / city.routes() + rng.nextGaussian() * 0.6;
      List<double[]> path = new ArrayList<>(List.of(hub));
      while (path.size() < want) {
        double[] next = step(areas, path.get(path.size() - 1), heading, rng);
        if (next == null) {
          break;
        }
        path.add(next);
        heading += rng.nextGaussian() * 0.25;
      }
      if (path.size() == want) {
        return path;
      }
      if (path.size() > best.size()) {
        best = path;
      }
    }
    return best;
  }

  private static double[] step(List<Area> areas, double[] from, double heading,
      SplittableRandom rng) {
    for (int t = 0; t < 40; t++) {
      double h = heading + rng.nextGaussian() * 0.5 * (1 + t / 10.0);
      double d = 400 + rng.nextDouble() * 400;
      double[] p = PointSampler.offset(from[0], from[1], d * Math.cos(h), d * Math.sin(h));
      if (inside(areas, p[0], p[1]) && polesInside(areas, p)) {
        return p;
      }
    }
    return null;
  }

  private static boolean polesInside(List<Area> areas, double[] p) {
    double[] a = PointSampler.offset(p[0], p[1], 8, 0);
    double[] b = PointSampler.offset(p[0], p[1], -8, 0);
    return inside(areas, a[0], a[1]) && inside(areas, b[0], b[1]);
  }

  /** Pole A stands 8 m east, pole B 8 m west of the place, both inside the polygon. */
  private static BusFeed.Stop pole(BusFeed.City city, int place, char side, String name,
      double[] p, List<Area> areas) {
    double[] q = PointSampler.offset(p[0], p[1], side == 'A' ? 8 : -8, 0);
    if (!inside(areas, q[0], q[1])) {
      q = p;
    }
    return new BusFeed.Stop(String.format(Locale.ROOT, "%s_%04d_%c", city.prefix(), place, side), name,
        q[0], q[1]);
  }

  private static String shortName(List<Area> areas, double[] p) {
    for (Area a : areas) {
      if (a.contains(p[0], p[1])) {
        return a.nameJa().replace("札幌市", "");
      }
    }
    return areas.get(0).nameJa();
  }

  private static boolean inside(List<Area> areas, double lon, double lat) {
    return areas.stream().anyMatch(a -> a.contains(lon, lat));
  }

  private static List<BusFeed.Trip> trips(BusFeed.City city, List<BusFeed.Route> routes) {
    List<BusFeed.Trip> trips = new ArrayList<>();
    for (BusFeed.Route route : routes) {
      for (String service : List.of(ServiceCalendar.WEEKDAY, ServiceCalendar.WEEKEND)) {
        int headway = 60 * (service.equals(ServiceCalendar.WEEKDAY)
            ? city.headwayWeekday() : city.headwayWeekend());
        for (int dir = 0; dir <= 1; dir++) {
          for (int t = city.firstDeparture(); t <= city.lastDeparture(); t += headway) {
            trips.add(trip(route, dir, service, t + dir * 300));
          }
          if (city.lateTripStart() >= 0 && service.equals(ServiceCalendar.WEEKDAY)) {
            trips.add(trip(route, dir, service, city.lateTripStart() + dir * 300));
          }
        }
      }
    }
    return trips;
  }

  private static BusFeed.Trip trip(BusFeed.Route route, int dir, String service, int start) {
    String id = String.format(Locale.ROOT, "%s_%d_%s_%02d%02d", route.routeId(), dir, service, start / 3600,
        start / 60 % 60);
    return new BusFeed.Trip(id, route, dir, service, start);
  }
}
