package io.citylake.sample;

/**
 * A resident of the panel. The same person appears in steps, the trip diary, taps and
 * transactions (through {@code cardId}), surveys and shelter check-ins.
 *
 * <p>The identifiers are kept as numbers and spelt on use: a panel of 1.9M persons held them as
 * 3.8M strings, a fifth of the generator's heap (docs/performance.md, eighteenth round).
 *
 * @param number the person's number within the municipality, from 1 (in {@link #personId})
 * @param card the 48 bits of the person's IC card number (in {@link #cardId})
 * @param walkMean the person's usual walking minutes per day
 * @param carPropensity probability that a day with trips includes a car trip
 * @param diary whether the person keeps the trip diary
 * @param steps whether the person shares step logs
 */
record Person(int number, String municipality, String wardCode, String ageBand, long card,
    double walkMean, double carPropensity, boolean diary, boolean steps) {

  static final String[] AGE_BANDS = {"0-19", "20-39", "40-64", "65-74", "75+"};

  /** {@code P-<municipality>-<number, at least six digits>}, e.g. {@code P-sapporo-000042}. */
  String personId() {
    return "P-" + municipality + "-" + zeroPadded(Integer.toString(number), 6);
  }

  /** {@code IC-<twelve upper-case hex digits>}, e.g. {@code IC-00A1B2C3D4E5}. */
  String cardId() {
    return cardId(card);
  }

  static String cardId(long card) {
    return "IC-" + zeroPadded(Long.toHexString(card).toUpperCase(java.util.Locale.ROOT), 12);
  }

  boolean elderly() {
    return ageBand.equals("65-74") || ageBand.equals("75+");
  }

  private static String zeroPadded(String digits, int width) {
    return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
  }
}
