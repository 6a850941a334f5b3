package io.citylake.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Tourists present on a day: each day brings new arrivals who stay 1 to 3 days, with their own
 * cards and home prefecture. Weights are set so that the weighted visitors per day match the real
 * order of magnitude (Sapporo about 15 M visitors a year, Tsukuba 4 M, Susami 0.9 M).
 */
final class VisitorPool {
  private static final Map<String, Double> REAL_PER_DAY =
      Map.of("sapporo", 42_000.0, "tsukuba", 11_000.0, "susami", 2_500.0);
  private static final Map<String, Double> ARRIVALS_AT_REFERENCE =
      Map.of("sapporo", 130.0, "tsukuba", 35.0, "susami", 16.0);
  private static final double[] STAY = {0.40, 0.35, 0.25};
  private static final double MEAN_STAY = 1.85;
  private static final String[] HOMES = {"東京都", "神奈川県", "大阪府", "愛知県", "埼玉県",
      "千葉県", "北海道", "兵庫県", "福岡県", "京都府", "宮城県", "茨城県", "和歌山県", "海外"};
  private static final double[] HOME_WEIGHTS = {20, 9, 9, 6, 6, 6, 8, 4, 4, 3, 3, 3, 3, 16};

  private final SampleSpec spec;

  VisitorPool(SampleSpec spec) {
    this.spec = spec;
  }

  /** Visitors present in the municipality on the day (arrived that day or up to 2 days before). */
  List<Visitor> present(String municipality, int day) {
    List<Visitor> out = new ArrayList<>();
    for (int arrival = day - 2; arrival <= day; arrival++) {
      SplittableRandom rng = spec.random("visitors-" + municipality, arrival + 10);
      int n = spec.scaled(ARRIVALS_AT_REFERENCE.get(municipality), 3);
      double weight = REAL_PER_DAY.get(municipality) / (n * MEAN_STAY);
      for (int i = 0; i < n; i++) {
        String card = PersonPanel.cardId(rng);
        int stay = 1 + PersonPanel.pick(STAY, rng);
        String home = HOMES[PersonPanel.pick(HOME_WEIGHTS, rng)];
        double w = Math.round(weight * (0.9 + 0.2 * rng.nextDouble()) * 100) / 100.0;
        if (day - arrival < stay) {
          out.add(new Visitor(card, municipality, home, w));
        }
      }
    }
    return out;
  }
}
