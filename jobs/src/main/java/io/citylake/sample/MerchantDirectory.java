package io.citylake.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Places merchants inside the real polygons, clustered around each city's centre (Susukino/Odori,
 * Tsukuba Center, Susami's harbour), with a category mix; counts scale with the panel size.
 */
final class MerchantDirectory {
  static final String[] CATEGORIES =
      {"lodging", "restaurant", "retail", "souvenir", "transport", "health"};
  private static final double[] CATEGORY_MIX = {0.12, 0.32, 0.28, 0.12, 0.06, 0.10};
  private static final Map<String, double[]> CENTRE = Map.of("sapporo",
      new double[] {141.3545, 43.0590, 1200}, "tsukuba", new double[] {140.1115, 36.0827, 1500},
      "susami", new double[] {135.4978, 33.5513, 700});

  private final List<Merchant> merchants;
  /**
   * The merchants of each municipality and category, in directory order: a transaction picks
   * from them, and a directory of a large panel holds thousands (a scan per transaction made
   * generating a 1.9M-person day take minutes).
   */
  private final Map<String, List<Merchant>> byMunicipalityAndCategory;

  MerchantDirectory(SampleSpec spec, ReferenceData reference) {
    SplittableRandom rng = spec.random("merchants", 0);
    List<Merchant> out = new ArrayList<>();
    add(out, reference, "sapporo", spec.scaled(150, 20), rng);
    add(out, reference, "tsukuba", spec.scaled(40, 8), rng);
    add(out, reference, "susami", spec.scaled(15, 6), rng);
    this.merchants = List.copyOf(out);
    this.byMunicipalityAndCategory = merchants.stream().collect(Collectors.groupingBy(
        m -> key(m.municipality(), m.category()), Collectors.toUnmodifiableList()));
  }

  List<Merchant> all() {
    return merchants;
  }

  List<Merchant> of(String municipality, String category) {
    return byMunicipalityAndCategory.getOrDefault(key(municipality, category), List.of());
  }

  private static String key(String municipality, String category) {
    return municipality + "|" + category;
  }

  private static void add(List<Merchant> out, ReferenceData reference, String muni, int n,
      SplittableRandom rng) {
    List<Area> areas = reference.areasOf(muni);
    double[] c = CENTRE.get(muni);
    for (int i = 1; i <= n; i++) {
      // every category at least once, then by the mix
      String category = i <= CATEGORIES.length ? CATEGORIES[i - 1]
          : CATEGORIES[PersonPanel.pick(CATEGORY_MIX, rng)];
      double[] p = rng.nextDouble() < 0.55
          ? PointSampler.near(areas, c[0], c[1], c[2], rng)
          : PointSampler.inside(areas.get(rng.nextInt(areas.size())), rng);
      out.add(new Merchant(String.format(Locale.ROOT, "M-%s-%04d", muni, i), muni, category, p[0], p[1]));
    }
  }
}
