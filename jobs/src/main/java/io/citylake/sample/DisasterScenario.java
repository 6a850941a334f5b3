package io.citylake.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The sample's disaster story as data: a heavy-rain evacuation in Susami over three days with a
 * tsunami drill on the second day, panel residents checking in and out of designated shelters,
 * and drone deliveries from the town's depot (payload 1–8 kg, mostly delivered). Stock counts are
 * simulated in {@link ShelterStock}.
 */
final class DisasterScenario {
  static final String DEPOT_ID = "DEPOT-susami-01";
  static final double[] DEPOT = {135.4990, 33.5520};

  /** A check-in or check-out; {@code second} counts from the start of sample day {@code day}. */
  record Action(int day, int second, String shelterId, String personId, String action) {
    long at() {
      return day * 86_400L + second;
    }
  }

  /** A drone flight; {@code arrive} is -1 unless delivered. */
  record Flight(String flightId, Shelter shelter, double payloadKg, int day, int depart,
      int arrive, String status, double distanceKm) {}

  private final SampleSpec spec;
  private final EventCalendar calendar;
  private final List<Shelter> openShelters;
  private final List<Action> actions;
  private final List<Flight> flights;

  DisasterScenario(SampleSpec spec, ReferenceData reference, PersonPanel panel,
      EventCalendar calendar) {
    this.spec = spec;
    this.calendar = calendar;
    SplittableRandom rng = spec.random("disaster", 0);
    List<Shelter> designated = reference.sheltersOf("susami").stream()
        .filter(Shelter::designatedShelter).toList();
    this.openShelters = pick(designated, 8, rng);
    List<Shelter> drillSites = pick(reference.sheltersOf("susami").stream()
        .filter(s -> !s.designatedShelter() && s.tsunamiSite()).toList(), 4, rng);
    List<Action> all = new ArrayList<>();
    evacuation(panel.of("susami"), rng, all, drillSites);
    all.sort(Comparator.comparingLong(Action::at));
    this.actions = List.copyOf(all.stream().filter(a -> a.day() < spec.days()).toList());
    this.flights = List.copyOf(flights(spec.random("drones", 0)));
  }

  /** Designated shelters opened for the event, which also keep daily stock counts. */
  List<Shelter> openShelters() {
    return openShelters;
  }

  List<Action> actions() {
    return actions;
  }

  List<Flight> flights() {
    return flights;
  }

  /** Residents expected per open shelter, for sizing the stockpiles. */
  int expectedPerShelter() {
    long evacuees = actions.stream()
        .filter(a -> a.action().equals("in") && openShelters.stream()
            .anyMatch(s -> s.id().equals(a.shelterId())))
        .count();
    return (int) Math.max(5, evacuees / Math.max(1, openShelters.size()));
  }

  private void evacuation(List<Person> residents, SplittableRandom rng, List<Action> out,
      List<Shelter> drillSites) {
    int e0 = calendar.susamiEventStart();
    List<String> evacuated = new ArrayList<>();
    for (Person p : residents) {
      if (rng.nextDouble() >= (p.elderly() ? 0.5 : 0.3)) {
        continue;
      }
      Shelter s = openShelters.get(rng.nextInt(openShelters.size()));
      out.add(new Action(e0, 6 * 3600 + rng.nextInt(10 * 3600), s.id(), p.personId(), "in"));
      double r = rng.nextDouble();
      int outDay = e0 + (r < 0.3 ? 1 : r < 0.85 ? 2 : 3);
      out.add(new Action(outDay, 8 * 3600 + rng.nextInt(10 * 3600), s.id(), p.personId(), "out"));
      evacuated.add(p.personId());
    }
    int drill = calendar.drillDay();
    for (Person p : residents) {
      if (evacuated.contains(p.personId()) || rng.nextDouble() >= 0.25 || drillSites.isEmpty()) {
        continue;
      }
      Shelter s = drillSites.get(rng.nextInt(drillSites.size()));
      out.add(new Action(drill, 10 * 3600 + 300 + rng.nextInt(1200), s.id(), p.personId(), "in"));
      out.add(new Action(drill, 11 * 3600 + rng.nextInt(2400), s.id(), p.personId(), "out"));
    }
  }

  private List<Flight> flights(SplittableRandom rng) {
    List<Flight> out = new ArrayList<>();
    List<Shelter> targets = openShelters;
    for (int day = 0; day < spec.days(); day++) {
      boolean event = calendar.susamiEvent(day);
      int n = event ? spec.scaled(6, 3) : ServiceCalendar.weekendOrHoliday(spec.day(day)) ? 0 : 1;
      List<Flight> today = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Shelter s = targets.get(rng.nextInt(targets.size()));
        double payload = Math.round((event ? 2 + rng.nextDouble() * 6 : 1 + rng.nextDouble() * 4)
            * 10) / 10.0;
        double r = rng.nextDouble();
        double abort = day == calendar.susamiEventStart() ? 0.20 : 0.06;
        String status = r < abort ? "aborted" : r < abort + 0.04 ? "failed" : "delivered";
        double km = Math.round(PointSampler.distanceKm(DEPOT[0], DEPOT[1], s.lon(), s.lat())
            * 1.15 * 100 + 30) / 100.0;
        int depart = 8 * 3600 + rng.nextInt(8 * 3600);
        int arrive = status.equals("delivered") ? depart + (int) Math.round(km / 50 * 3600) + 120
            : -1;
        today.add(new Flight(null, s, payload, day, depart, arrive, status, km));
      }
      today.sort(Comparator.comparingInt(Flight::depart));
      for (int i = 0; i < today.size(); i++) {
        Flight f = today.get(i);
        out.add(new Flight(String.format(Locale.ROOT, "DF-%s-%02d", JstTime.gtfsDate(spec.day(day)), i + 1),
            f.shelter(), f.payloadKg(), day, f.depart(), f.arrive(), f.status(), f.distanceKm()));
      }
    }
    return out;
  }

  /** Up to {@code n} of the items, chosen by the random stream, in their original order. */
  private static List<Shelter> pick(List<Shelter> from, int n, SplittableRandom rng) {
    List<Shelter> copy = new ArrayList<>(from);
    for (int i = copy.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      Shelter t = copy.get(i);
      copy.set(i, copy.get(j));
      copy.set(j, t);
    }
    List<Shelter> chosen = new ArrayList<>(copy.subList(0, Math.min(n, copy.size())));
    chosen.sort(Comparator.comparing(Shelter::id));
    return List.copyOf(chosen);
  }
}
