package io.citylake.sample;

import io.citylake.contract.RawDataset;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes the citizen survey of the survey day: a share of each municipality's panel answers
 * {@code feels_safe}, {@code satisfaction} and {@code continue_intent}. Answers are allotted by
 * quota (then shuffled) so the KPIs land on the city's figures: Tsukuba elderly agree ≈ 33 %,
 * Tsukuba satisfaction ≥ 4 ≈ 47 %, Susami continuation intent ≈ 89 %. Dirt: answers outside the
 * code list, plus line-level dirt.
 */
final class SurveyWriter {
  private static final RawDataset DATASET = RawDataset.SURVEY_RESPONSES;
  private static final Map<String, Double> RESPONSE_RATE =
      Map.of("sapporo", 0.30, "tsukuba", 0.45, "susami", 0.70);
  /** agree, neutral, disagree for elderly and others. */
  private static final Map<String, double[][]> FEELS_SAFE = Map.of(
      "sapporo", new double[][] {{0.38, 0.37, 0.25}, {0.44, 0.36, 0.20}},
      "tsukuba", new double[][] {{0.33, 0.40, 0.27}, {0.42, 0.38, 0.20}},
      "susami", new double[][] {{0.52, 0.30, 0.18}, {0.48, 0.32, 0.20}});
  /** satisfaction 1..5. */
  private static final Map<String, double[]> SATISFACTION = Map.of(
      "sapporo", new double[] {0.05, 0.13, 0.30, 0.38, 0.14},
      "tsukuba", new double[] {0.06, 0.15, 0.32, 0.35, 0.12},
      "susami", new double[] {0.04, 0.10, 0.26, 0.40, 0.20});
  private static final Map<String, Double> CONTINUE_YES =
      Map.of("sapporo", 0.84, "tsukuba", 0.80, "susami", 0.89);

  private final SampleSpec spec;
  private final PersonPanel panel;
  private final DirtInjector dirt;

  SurveyWriter(SampleSpec spec, PersonPanel panel, DirtInjector dirt) {
    this.spec = spec;
    this.panel = panel;
    this.dirt = dirt;
  }

  void write(LakeFiles lake, int day) throws IOException {
    SplittableRandom rng = spec.random("survey", day);
    String date = spec.day(day).toString();
    List<String> lines = new ArrayList<>();
    for (String muni : ReferenceData.MUNICIPALITIES) {
      List<Person> respondents = new ArrayList<>();
      for (Person p : panel.of(muni)) {
        if (rng.nextDouble() < RESPONSE_RATE.get(muni)) {
          respondents.add(p);
        }
      }
      List<Person> elderly = respondents.stream().filter(Person::elderly).toList();
      List<Person> others = respondents.stream().filter(p -> !p.elderly()).toList();
      List<String> safeOld = quota(new String[] {"agree", "neutral", "disagree"},
          FEELS_SAFE.get(muni)[0], elderly.size(), rng);
      List<String> safeYoung = quota(new String[] {"agree", "neutral", "disagree"},
          FEELS_SAFE.get(muni)[1], others.size(), rng);
      List<String> satisfaction = quota(new String[] {"1", "2", "3", "4", "5"},
          SATISFACTION.get(muni), respondents.size(), rng);
      double yes = CONTINUE_YES.get(muni);
      List<String> cont = quota(new String[] {"yes", "no"}, new double[] {yes, 1 - yes},
          respondents.size(), rng);
      int old = 0;
      int young = 0;
      for (int i = 0; i < respondents.size(); i++) {
        Person p = respondents.get(i);
        String safe = p.elderly() ? safeOld.get(old++) : safeYoung.get(young++);
        lines.add(line(p, date, "feels_safe", safe, rng));
        lines.add(line(p, date, "satisfaction", satisfaction.get(i), rng));
        lines.add(line(p, date, "continue_intent", cont.get(i), rng));
      }
    }
    lake.writeRaw(false, DATASET, spec.day(day), "",
        dirt.dirty(rng, DATASET, lines, DirtInjector.Rates.DEFAULT));
  }

  private String line(Person p, String date, String question, String answer,
      SplittableRandom rng) {
    if (dirt.roll(rng, 0.004, DATASET, "unknown_answer")) {
      answer = question.equals("satisfaction") ? "6" : "わからない";
    }
    return String.join(",", p.personId(), p.municipality(), p.ageBand(), date, question, answer);
  }

  /** Exactly {@code round(share * n)} of each answer (the first absorbs rounding), shuffled. */
  private static List<String> quota(String[] answers, double[] shares, int n,
      SplittableRandom rng) {
    List<String> out = new ArrayList<>(n);
    for (int i = answers.length - 1; i >= 1; i--) {
      long k = Math.round(shares[i] * n);
      for (int j = 0; j < k && out.size() < n; j++) {
        out.add(answers[i]);
      }
    }
    while (out.size() < n) {
      out.add(answers[0]);
    }
    for (int i = out.size() - 1; i > 0; i--) {
      Collections.swap(out, i, rng.nextInt(i + 1));
    }
    return out;
  }
}
