package io.citylake.sample;

import io.citylake.contract.RawDataset;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes one day of the panel's trip diary. A diarist makes 0–4 trips; on a "car day" (drawn from
 * the person's car propensity, about 85 % of trip-making days in Tsukuba) the first trip is by car;
 * otherwise modes follow the municipality's non-car mix. Dirt: an unknown mode code, plus
 * line-level dirt.
 */
final class TripDiaryWriter {
  private static final RawDataset DATASET = RawDataset.TRANSIT_TRIP_DIARY;
  private static final String[] MODES = {"walk", "bus", "rail", "bicycle", "taxi", "other"};
  private static final Map<String, double[]> NON_CAR_MIX = Map.of(
      "sapporo", new double[] {0.35, 0.25, 0.25, 0.08, 0.04, 0.03},
      "tsukuba", new double[] {0.25, 0.20, 0.12, 0.35, 0.05, 0.03},
      "susami", new double[] {0.45, 0.30, 0.02, 0.10, 0.08, 0.05});
  private static final double[] TRIP_COUNT = {0.12, 0.18, 0.45, 0.15, 0.10};

  private final SampleSpec spec;
  private final PersonPanel panel;
  private final DirtInjector dirt;

  TripDiaryWriter(SampleSpec spec, PersonPanel panel, DirtInjector dirt) {
    this.spec = spec;
    this.panel = panel;
    this.dirt = dirt;
  }

  void write(LakeFiles lake, int day) throws IOException {
    SplittableRandom rng = spec.random("trip-diary", day);
    String date = spec.day(day).toString();
    List<String> lines = new ArrayList<>();
    for (Person p : panel.all()) {
      if (!p.diary()) {
        continue;
      }
      int trips = PersonPanel.pick(TRIP_COUNT, rng);
      boolean carDay = rng.nextDouble() < p.carPropensity();
      for (int k = 1; k <= trips; k++) {
        String mode = mode(p, carDay, k, rng);
        if (dirt.roll(rng, 0.003, DATASET, "unknown_mode")) {
          mode = "kickboard";
        }
        lines.add(String.join(",", p.personId(), p.municipality(), p.ageBand(), date,
            Integer.toString(k), mode, purpose(p, k, trips, rng)));
      }
    }
    lake.writeRaw(false, DATASET, spec.day(day), "",
        dirt.dirty(rng, DATASET, lines, DirtInjector.Rates.DEFAULT));
  }

  private static String mode(Person p, boolean carDay, int k, SplittableRandom rng) {
    if (carDay && (k == 1 || rng.nextDouble() < 0.85)) {
      return "car";
    }
    String mode = MODES[PersonPanel.pick(NON_CAR_MIX.get(p.municipality()), rng)];
    return carDay || !mode.equals("car") ? mode : "walk";
  }

  private static String purpose(Person p, int k, int trips, SplittableRandom rng) {
    if (k == trips && trips > 1) {
      return "return_home";
    }
    if (k == 1) {
      return switch (p.ageBand()) {
        case "0-19" -> "school";
        case "20-39", "40-64" -> rng.nextDouble() < 0.75 ? "commute" : "shopping";
        default -> rng.nextDouble() < 0.5 ? "hospital" : "shopping";
      };
    }
    String[] other = {"shopping", "leisure", "business", "hospital", "other"};
    return other[rng.nextInt(other.length)];
  }
}
