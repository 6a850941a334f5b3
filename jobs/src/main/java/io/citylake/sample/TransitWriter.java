package io.citylake.sample;

import io.citylake.contract.RawDataset;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes one day of vehicle arrivals and card taps for the generated bus feeds.
 *
 * <p>Arrivals: every trip-stop of the day's timetable, {@code actual_at} = scheduled + a delay
 * (mostly 0–5 min, some late, more on Sapporo's snow days). Taps: a passenger taps {@code board} at
 * a pole a few minutes before the bus of the chosen trip actually arrives there and {@code alight}
 * just after it arrives at a later stop, so the waiting time to the next arrival on the same route
 * at the same stop is computable. The fare is charged on alighting. Late deliveries: part of one
 * day's taps arrive as an extra file, one day's arrivals arrive only late.
 */
final class TransitWriter {
  private static final double[] HOURLY_RIDERS = {0.02, 0.01, 0, 0, 0, 0.05, 0.35, 1.0, 0.9,
      0.45, 0.35, 0.35, 0.40, 0.40, 0.40, 0.45, 0.60, 0.85, 0.75, 0.45, 0.30, 0.20, 0.12, 0.06,
      0.05, 0.03};

  private record Tap(int second, int journey, String cardId, String auth, String kind,
      String stopId, String routeId, int fare) {}

  private final SampleSpec spec;
  private final List<BusFeed> feeds;
  private final PersonPanel panel;
  private final VisitorPool visitors;
  private final EventCalendar calendar;
  private final DirtInjector dirt;

  TransitWriter(SampleSpec spec, List<BusFeed> feeds, PersonPanel panel, VisitorPool visitors,
      EventCalendar calendar, DirtInjector dirt) {
    this.spec = spec;
    this.feeds = feeds;
    this.panel = panel;
    this.visitors = visitors;
    this.calendar = calendar;
    this.dirt = dirt;
  }

  void write(LakeFiles lake, int day) throws IOException {
    LocalDate date = spec.day(day);
    SplittableRandom rng = spec.random("arrivals", day);
    List<String> arrivals = new ArrayList<>();
    List<Tap> taps = new ArrayList<>();
    int journey = 0;
    for (BusFeed feed : feeds) {
      Map<BusFeed.Trip, int[]> actual = actualArrivals(feed, date, day, rng);
      actual.forEach((trip, secs) -> {
        for (int k = 0; k < secs.length; k++) {
          arrivals.add(String.join(",", trip.tripId(), trip.stops().get(k).stopId(),
              JstTime.at(date, trip.arrival(k)), JstTime.at(date, secs[k])));
        }
      });
      journey = taps(feed, actual, day, journey, taps);
    }
    boolean arrivalsLate = day == calendar.missingArrivalsDay();
    lake.writeRaw(arrivalsLate, RawDataset.TRANSIT_ARRIVALS, date, "",
        dirt.dirty(rng, RawDataset.TRANSIT_ARRIVALS, arrivals, DirtInjector.Rates.DEFAULT));
    writeTaps(lake, day, taps);
  }

  private Map<BusFeed.Trip, int[]> actualArrivals(BusFeed feed, LocalDate date, int day,
      SplittableRandom rng) {
    String service = ServiceCalendar.serviceId(date);
    boolean snow = feed.city().municipality().equals("sapporo") && calendar.snowing(day);
    Map<BusFeed.Trip, int[]> out = new LinkedHashMap<>();
    for (BusFeed.Trip trip : feed.trips()) {
      if (!trip.serviceId().equals(service)) {
        continue;
      }
      double r = rng.nextDouble();
      int delay = r < 0.85 ? rng.nextInt(150) : r < 0.97 ? 150 + rng.nextInt(300)
          : 450 + rng.nextInt(1200);
      if (snow) {
        delay += 120 + rng.nextInt(780);
      }
      int[] secs = new int[trip.stops().size()];
      for (int k = 0; k < secs.length; k++) {
        delay = Math.max(-30, delay + rng.nextInt(-25, 40));
        secs[k] = trip.arrival(k) + delay;
      }
      out.put(trip, secs);
    }
    return out;
  }

  private int taps(BusFeed feed, Map<BusFeed.Trip, int[]> actual, int day, int journey,
      List<Tap> out) {
    String muni = feed.city().municipality();
    SplittableRandom rng = spec.random("taps-" + muni, day);
    List<Person> residents = panel.of(muni);
    List<Visitor> present = visitors.present(muni, day);
    List<BusFeed.Trip> trips = new ArrayList<>(actual.keySet());
    double weekend = ServiceCalendar.weekendOrHoliday(spec.day(day)) ? 0.7 : 1.0;
    int n = (int) Math.round(residents.size() * feed.city().journeysPerPerson() * weekend);
    double faceShare = muni.equals("tsukuba") ? 0.20 : 0.05;
    for (int j = 0; j < n; j++) {
      BusFeed.Trip trip = pickTrip(trips, rng);
      int[] secs = actual.get(trip);
      int board = rng.nextInt(secs.length - 1);
      int alight = board + 1 + rng.nextInt(Math.min(8, secs.length - 1 - board));
      String card = rng.nextDouble() < 0.9 || present.isEmpty()
          ? residents.get(rng.nextInt(residents.size())).cardId()
          : present.get(rng.nextInt(present.size())).cardId();
      String auth = rng.nextDouble() < faceShare ? "face" : "ic";
      int tapIn = secs[board] - 30 - rng.nextInt(480);
      int tapOut = secs[alight] + 5 + rng.nextInt(60);
      String route = trip.route().routeId();
      out.add(new Tap(tapIn, journey, card, auth, "board", trip.stops().get(board).stopId(),
          route, 0));
      out.add(new Tap(tapOut, journey, card, auth, "alight", trip.stops().get(alight).stopId(),
          route, feed.city().fareYen()));
      journey++;
    }
    return journey;
  }

  private static BusFeed.Trip pickTrip(List<BusFeed.Trip> trips, SplittableRandom rng) {
    while (true) {
      BusFeed.Trip t = trips.get(rng.nextInt(trips.size()));
      int hour = Math.min(HOURLY_RIDERS.length - 1, t.start() / 3600);
      if (rng.nextDouble() < HOURLY_RIDERS[hour]) {
        return t;
      }
    }
  }

  private void writeTaps(LakeFiles lake, int day, List<Tap> taps) throws IOException {
    LocalDate date = spec.day(day);
    SplittableRandom rng = spec.random("taps-lines", day);
    taps.sort(Comparator.comparingInt(Tap::second).thenComparingInt(Tap::journey)
        .thenComparing(Tap::kind, Comparator.reverseOrder()));
    String prefix = "TP" + JstTime.gtfsDate(date) + "-";
    List<String> onTime = new ArrayList<>();
    List<String> late = new ArrayList<>();
    for (int i = 0; i < taps.size(); i++) {
      Tap t = taps.get(i);
      String stop = dirt.roll(rng, 0.003, RawDataset.TRANSIT_TAPS, "unknown_stop_id")
          ? t.stopId().substring(0, 4) + "9999_A" : t.stopId();
      String auth = dirt.roll(rng, 0.003, RawDataset.TRANSIT_TAPS, "unknown_auth_qr")
          ? "qr" : t.auth();
      String line = String.join(",", prefix + String.format(Locale.ROOT, "%06d", i + 1), t.cardId(), auth,
          t.kind(), stop, t.routeId(), JstTime.at(date, t.second()), Integer.toString(t.fare()));
      boolean delayed = day == calendar.lateTapDay() && Math.floorMod(t.journey() * 31, 100) < 3;
      (delayed ? late : onTime).add(line);
    }
    lake.writeRaw(false, RawDataset.TRANSIT_TAPS, date, "",
        dirt.dirty(rng, RawDataset.TRANSIT_TAPS, onTime, DirtInjector.Rates.DEFAULT));
    if (!late.isEmpty()) {
      lake.writeRaw(true, RawDataset.TRANSIT_TAPS, date, "-late",
          dirt.dirty(rng, RawDataset.TRANSIT_TAPS, late, DirtInjector.Rates.NONE));
    }
  }
}
