package io.citylake.sample;

import io.citylake.contract.RawDataset;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes one day of wearable step logs: 92 % of the step-sharing panel sync each day; walking
 * minutes vary around the person's habit (Sapporo ≈ 65 min/day on average), fewer on snow days,
 * more at weekends; steps ≈ 100–115 per walking minute plus background steps. About 3 % of rows
 * have an empty {@code walking_minutes} (allowed by the contract). Dirt: negative and absurd step
 * counts, plus line-level dirt.
 */
final class StepsWriter {
  private static final RawDataset DATASET = RawDataset.POINTS_STEPS;

  private final SampleSpec spec;
  private final PersonPanel panel;
  private final EventCalendar calendar;
  private final DirtInjector dirt;

  StepsWriter(SampleSpec spec, PersonPanel panel, EventCalendar calendar, DirtInjector dirt) {
    this.spec = spec;
    this.panel = panel;
    this.calendar = calendar;
    this.dirt = dirt;
  }

  void write(LakeFiles lake, int day) throws IOException {
    SplittableRandom rng = spec.random("steps", day);
    String date = spec.day(day).toString();
    boolean weekend = ServiceCalendar.weekendOrHoliday(spec.day(day));
    List<String> lines = new ArrayList<>();
    for (Person p : panel.all()) {
      if (!p.steps() || rng.nextDouble() >= 0.92) {
        continue;
      }
      double mean = p.walkMean() + (weekend ? 5 : 0);
      if (p.municipality().equals("sapporo") && calendar.snowing(day)) {
        mean -= 10;
      }
      if (p.municipality().equals("susami") && calendar.susamiEvent(day)) {
        mean -= 15;
      }
      int minutes = (int) Math.max(3, Math.round(mean + rng.nextGaussian() * 18));
      long steps = Math.round(minutes * (100 + rng.nextDouble() * 15) + rng.nextInt(300, 1500));
      String walking = Integer.toString(minutes);
      if (dirt.roll(rng, 0.03, DATASET, "empty_walking_minutes")) {
        walking = "";
      }
      if (dirt.roll(rng, 0.003, DATASET, "negative_steps")) {
        steps = -5;
      } else if (dirt.roll(rng, 0.003, DATASET, "absurd_steps")) {
        steps = 250_000;
      }
      lines.add(String.join(",", p.personId(), p.municipality(), p.ageBand(), date,
          Long.toString(steps), walking));
    }
    lake.writeRaw(false, DATASET, spec.day(day), "",
        dirt.dirty(rng, DATASET, lines, DirtInjector.Rates.DEFAULT));
  }
}
