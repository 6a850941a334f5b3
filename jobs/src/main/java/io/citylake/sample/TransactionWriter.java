package io.citylake.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.citylake.contract.RawDataset;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes one day of cashless and health-point transactions. Visitors (own cards, home prefecture,
 * expansion weight) stay in hotels and spend in restaurants, shops and souvenir stores, so that
 * Sapporo's weighted tourism spend annualises to several hundred billion yen; residents spend,
 * earn health points at health merchants ({@code amount_yen} 0) and redeem points
 * ({@code amount_yen} = goods value paid with points, {@code points} negative). Location = the
 * merchant's. Dirt: negative amounts, unknown merchant ids, plus line-level dirt.
 */
final class TransactionWriter {
  private static final RawDataset DATASET = RawDataset.POINTS_TRANSACTIONS;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<String, String> HOME_PREF =
      Map.of("sapporo", "北海道", "tsukuba", "茨城県", "susami", "和歌山県");
  private static final String[] VISITOR_SHOPPING = {"restaurant", "retail", "souvenir",
      "transport", "restaurant"};

  /** Lodging probability and shopping scale per visitor-day: Sapporo stays, Susami day trips. */
  private static final Map<String, double[]> VISITOR_SPEND = Map.of("sapporo",
      new double[] {0.7, 1.0}, "tsukuba", new double[] {0.35, 0.6}, "susami",
      new double[] {0.25, 0.35});

  private record Txn(int second, String line) {}

  private final SampleSpec spec;
  private final PersonPanel panel;
  private final VisitorPool visitors;
  private final MerchantDirectory merchants;
  private final DirtInjector dirt;

  TransactionWriter(SampleSpec spec, PersonPanel panel, VisitorPool visitors,
      MerchantDirectory merchants, DirtInjector dirt) {
    this.spec = spec;
    this.panel = panel;
    this.visitors = visitors;
    this.merchants = merchants;
    this.dirt = dirt;
  }

  void write(LakeFiles lake, int day) throws IOException {
    SplittableRandom rng = spec.random("transactions", day);
    List<Txn> txns = new ArrayList<>();
    for (String muni : ReferenceData.MUNICIPALITIES) {
      double[] profile = VISITOR_SPEND.get(muni);
      for (Visitor v : visitors.present(muni, day)) {
        if (rng.nextDouble() < profile[0]) {
          txns.add(txn(day, v.cardId(), muni, "spend", "lodging", 9000 + rng.nextInt(26000), 0,
              true, v.homePrefecture(), v.weight(), rng));
        }
        int k = 2 + rng.nextInt(4);
        for (int i = 0; i < k; i++) {
          String cat = VISITOR_SHOPPING[rng.nextInt(VISITOR_SHOPPING.length)];
          int amount = cat.equals("transport") ? 230 + rng.nextInt(2000)
              : (int) Math.round((800 - Math.log(1 - rng.nextDouble()) * 6500) * profile[1]);
          txns.add(txn(day, v.cardId(), muni, "spend", cat, amount, 0, true, v.homePrefecture(),
              v.weight(), rng));
        }
      }
      residents(day, muni, txns, rng);
    }
    txns.sort(Comparator.comparingInt(Txn::second));
    String prefix = "TX" + JstTime.gtfsDate(spec.day(day)) + "-";
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < txns.size(); i++) {
      lines.add("{\"txn_id\":\"" + prefix + String.format(Locale.ROOT, "%06d", i + 1) + "\","
          + txns.get(i).line());
    }
    lake.writeRaw(false, DATASET, spec.day(day), "",
        dirt.dirty(rng, DATASET, lines, DirtInjector.Rates.DEFAULT));
  }

  private void residents(int day, String muni, List<Txn> txns, SplittableRandom rng) {
    double weight = Math.round(panel.residentWeight(muni) * 100) / 100.0;
    for (Person p : panel.of(muni)) {
      double r = rng.nextDouble();
      if (r < 0.22) {
        String cat = MerchantDirectory.CATEGORIES[1 + rng.nextInt(4)];
        int amount = 150 + (int) Math.round(-Math.log(1 - rng.nextDouble()) * 2500);
        txns.add(txn(day, p.cardId(), muni, "spend", cat, amount, amount / 100, false,
            HOME_PREF.get(muni), weight, rng));
      } else if (r < 0.27) {
        txns.add(txn(day, p.cardId(), muni, "earn", "health", 0, 10 * (1 + rng.nextInt(30)),
            false, HOME_PREF.get(muni), weight, rng));
      } else if (r < 0.29) {
        int points = 100 * (1 + rng.nextInt(10));
        txns.add(txn(day, p.cardId(), muni, "redeem", "retail", points, -points, false,
            HOME_PREF.get(muni), weight, rng));
      }
    }
  }

  private Txn txn(int day, String card, String muni, String kind, String category, int amount,
      int points, boolean visitor, String home, double weight, SplittableRandom rng) {
    List<Merchant> candidates = merchants.of(muni, category);
    Merchant m = candidates.get(rng.nextInt(candidates.size()));
    int second = category.equals("lodging") ? 15 * 3600 + rng.nextInt(6 * 3600)
        : 8 * 3600 + rng.nextInt(14 * 3600);
    String merchantId = m.merchantId();
    if (dirt.roll(rng, 0.003, DATASET, "unknown_merchant_id")) {
      merchantId = "M-" + muni + "-9999";
    }
    if (kind.equals("spend") && dirt.roll(rng, 0.003, DATASET, "negative_amount")) {
      amount = -amount;
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("card_id", card);
    o.put("municipality", muni);
    o.put("kind", kind);
    o.put("merchant_id", merchantId);
    o.put("merchant_category", category);
    o.put("amount_yen", amount);
    o.put("points", points);
    o.put("visitor", visitor);
    o.put("home_prefecture", home);
    o.put("weight", weight);
    o.put("ts", JstTime.at(spec.day(day), second));
    o.put("lon", m.lon());
    o.put("lat", m.lat());
    String json = o.toString();
    return new Txn(second, json.substring(1));
  }
}
