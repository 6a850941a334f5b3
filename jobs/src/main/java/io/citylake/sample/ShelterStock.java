package io.citylake.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Simulates shelter stockpiles hour by hour and yields the counts staff report: every day at 09:00
 * at each stocked site, also at 21:00 during the Susami event. Evacuees consume water, food and
 * batteries by the consumption norms and hold one blanket each; delivered drone payloads add water
 * or meals; a truck refills the Susami shelters at noon on the third event day. Stockpile sites in
 * Sapporo and Tsukuba hold steady stocks with small rotations.
 */
final class ShelterStock {
  static final String[] ITEMS = {"water_l", "food_meals", "blankets", "batteries"};
  static final double[] NORMS = {3, 3, 0, 0.5};

  /** One reported count. */
  record Count(int day, int second, String shelterId, String item, int quantity) {}

  private final List<Count> counts;

  ShelterStock(SampleSpec spec, ReferenceData reference, DisasterScenario scenario,
      EventCalendar calendar) {
    SplittableRandom rng = spec.random("stock", 0);
    List<Count> out = new ArrayList<>();
    simulateSusami(spec, scenario, calendar, out);
    for (String muni : List.of("sapporo", "tsukuba")) {
      List<Shelter> sites = reference.sheltersOf(muni).stream()
          .filter(s -> s.nameJa().matches(".*(小学校|中学校).*")).limit(3).toList();
      for (Shelter s : sites) {
        double[] stock = {s.capacity() * 3.0, s.capacity() * 3.0, s.capacity(),
            s.capacity() / 2.0};
        for (int day = 0; day < spec.days(); day++) {
          for (int i = 0; i < ITEMS.length; i++) {
            stock[i] = Math.max(0, stock[i] - (rng.nextDouble() < 0.2 ? rng.nextInt(1, 12) : 0));
            out.add(new Count(day, 9 * 3600, s.id(), ITEMS[i], (int) stock[i]));
          }
        }
      }
    }
    out.sort(Comparator.comparingLong((Count c) -> c.day() * 86_400L + c.second()));
    this.counts = List.copyOf(out);
  }

  List<Count> counts() {
    return counts;
  }

  private static void simulateSusami(SampleSpec spec, DisasterScenario scenario,
      EventCalendar calendar, List<Count> out) {
    int expected = scenario.expectedPerShelter();
    double[] initial = {expected * 3 * 2.0, expected * 3 * 2.0, expected * 1.5,
        expected * 0.5 * 3 + 10};
    Map<String, double[]> stock = new HashMap<>();
    Map<String, Integer> heads = new HashMap<>();
    for (Shelter s : scenario.openShelters()) {
      stock.put(s.id(), initial.clone());
      heads.put(s.id(), 0);
    }
    List<DisasterScenario.Action> actions = scenario.actions();
    int next = 0;
    int refillHour = (calendar.susamiEventStart() + 2) * 24 + 12;
    for (int h = 0; h < spec.days() * 24; h++) {
      while (next < actions.size() && actions.get(next).at() < (h + 1) * 3600L) {
        DisasterScenario.Action a = actions.get(next++);
        heads.computeIfPresent(a.shelterId(), (k, v) -> v + (a.action().equals("in") ? 1 : -1));
      }
      for (DisasterScenario.Flight f : scenario.flights()) {
        if (f.arrive() >= 0 && (f.day() * 86_400L + f.arrive()) / 3600 == h) {
          boolean water = f.flightId().hashCode() % 2 == 0;
          stock.get(f.shelter().id())[water ? 0 : 1] += water ? f.payloadKg() : f.payloadKg() * 2;
        }
      }
      for (Shelter s : scenario.openShelters()) {
        double[] st = stock.get(s.id());
        int n = heads.get(s.id());
        if (h == refillHour) {
          st[0] = Math.max(st[0], initial[0]);
          st[1] = Math.max(st[1], initial[1]);
          st[3] = Math.max(st[3], initial[3]);
        }
        for (int i = 0; i < ITEMS.length; i++) {
          st[i] = Math.max(0, st[i] - n * NORMS[i] / 24.0);
        }
        int hour = h % 24;
        int day = h / 24;
        if (hour == 9 || (hour == 21 && calendar.susamiEvent(day))) {
          for (int i = 0; i < ITEMS.length; i++) {
            int q = (int) Math.floor(i == 2 ? Math.max(0, initial[2] - n) : st[i]);
            out.add(new Count(day, hour * 3600, s.id(), ITEMS[i], q));
          }
        }
      }
    }
  }
}
