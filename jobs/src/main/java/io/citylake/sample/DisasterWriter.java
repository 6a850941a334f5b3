package io.citylake.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citylake.contract.RawDataset;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes one day of the disaster datasets from the {@link DisasterScenario} and
 * {@link ShelterStock}: shelter check-ins/outs, stock counts, drone flights and alerts, each only on
 * days where something happened. Dirt: unknown shelter ids, unknown items, negative quantities, an
 * absurd drone payload, plus line-level dirt. The stock counts of one day are re-delivered
 * corrected in {@code late/} (the on-time file carries miscounts).
 */
final class DisasterWriter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String UNKNOWN_SHELTER = "E3040699999999";

  private final SampleSpec spec;
  private final DisasterScenario scenario;
  private final ShelterStock stock;
  private final AlertSchedule alerts;
  private final EventCalendar calendar;
  private final DirtInjector dirt;

  DisasterWriter(SampleSpec spec, DisasterScenario scenario, ShelterStock stock,
      AlertSchedule alerts, EventCalendar calendar, DirtInjector dirt) {
    this.spec = spec;
    this.scenario = scenario;
    this.stock = stock;
    this.alerts = alerts;
    this.calendar = calendar;
    this.dirt = dirt;
  }

  void write(LakeFiles lake, int day) throws IOException {
    SplittableRandom rng = spec.random("disaster-lines", day);
    LocalDate date = spec.day(day);
    writeCheckins(lake, day, date, rng);
    writeInventory(lake, day, date, rng);
    writeFlights(lake, day, date, rng);
    List<String> alertLines = alerts.linesIssuedOn(day);
    if (!alertLines.isEmpty()) {
      lake.writeRaw(false, RawDataset.DISASTER_ALERTS, date, "", alertLines);
    }
  }

  private void writeCheckins(LakeFiles lake, int day, LocalDate date, SplittableRandom rng)
      throws IOException {
    List<String> lines = new ArrayList<>();
    for (DisasterScenario.Action a : scenario.actions()) {
      if (a.day() != day) {
        continue;
      }
      String shelter = dirt.roll(rng, 0.01, RawDataset.DISASTER_CHECKINS, "unknown_shelter_id")
          ? UNKNOWN_SHELTER : a.shelterId();
      lines.add(String.join(",", shelter, a.personId(), a.action(), JstTime.at(date, a.second())));
    }
    if (!lines.isEmpty()) {
      lake.writeRaw(false, RawDataset.DISASTER_CHECKINS, date, "",
          dirt.dirty(rng, RawDataset.DISASTER_CHECKINS, lines, DirtInjector.Rates.DEFAULT));
    }
  }

  private void writeInventory(LakeFiles lake, int day, LocalDate date, SplittableRandom rng)
      throws IOException {
    RawDataset ds = RawDataset.DISASTER_INVENTORY;
    List<String> lines = new ArrayList<>();
    List<String> miscounted = new ArrayList<>();
    for (ShelterStock.Count c : stock.counts()) {
      if (c.day() != day) {
        continue;
      }
      int q = c.quantity();
      if (dirt.roll(rng, 0.005, ds, "negative_quantity")) {
        q = -q - 1;
      }
      String at = JstTime.at(date, c.second());
      lines.add(String.join(",", c.shelterId(), c.item(), Integer.toString(q), at));
      boolean wrong = rng.nextDouble() < 0.2;
      if (wrong && day == calendar.correctedInventoryDay()) {
        dirt.record(ds, "miscount_corrected_in_late");
      }
      miscounted.add(String.join(",", c.shelterId(), c.item(),
          Integer.toString(wrong ? q * 10 + rng.nextInt(10) : q), at));
      if (dirt.roll(rng, 0.01, ds, "unknown_item")) {
        lines.add(String.join(",", c.shelterId(), "masks", Integer.toString(rng.nextInt(50, 500)),
            at));
        miscounted.add(lines.get(lines.size() - 1));
      }
    }
    if (lines.isEmpty()) {
      return;
    }
    if (day == calendar.correctedInventoryDay()) {
      lake.writeRaw(false, ds, date, "", miscounted);
      lake.writeRaw(true, ds, date, "", lines);
    } else {
      lake.writeRaw(false, ds, date, "", dirt.dirty(rng, ds, lines, DirtInjector.Rates.DEFAULT));
    }
  }

  private void writeFlights(LakeFiles lake, int day, LocalDate date, SplittableRandom rng)
      throws IOException {
    List<String> lines = new ArrayList<>();
    boolean absurdDone = false;
    for (DisasterScenario.Flight f : scenario.flights()) {
      if (f.day() != day) {
        continue;
      }
      double payload = f.payloadKg();
      if (!absurdDone && day == Math.min(calendar.drillDay(), calendar.lastDay())) {
        dirt.record(RawDataset.DISASTER_DRONE_FLIGHTS, "absurd_payload");
        payload = 250.0;
        absurdDone = true;
      }
      ObjectNode o = JSON.createObjectNode();
      o.put("flight_id", f.flightId());
      o.put("origin_id", DisasterScenario.DEPOT_ID);
      o.put("shelter_id", f.shelter().id());
      o.put("payload_kg", payload);
      o.put("departed_at", JstTime.at(date, f.depart()));
      if (f.arrive() >= 0) {
        o.put("arrived_at", JstTime.at(date, f.arrive()));
      } else {
        o.putNull("arrived_at");
      }
      o.put("status", f.status());
      o.put("distance_km", f.distanceKm());
      lines.add(o.toString());
    }
    if (!lines.isEmpty()) {
      lake.writeRaw(false, RawDataset.DISASTER_DRONE_FLIGHTS, date, "",
          dirt.dirty(rng, RawDataset.DISASTER_DRONE_FLIGHTS, lines, DirtInjector.Rates.DEFAULT));
    }
  }
}
