package io.citylake.sample;

/**
 * A resident of the panel. The same person appears in steps, the trip diary, taps and
 * transactions (through {@code cardId}), surveys and shelter check-ins.
 *
 * @param walkMean the person's usual walking minutes per day
 * @param carPropensity probability that a day with trips includes a car trip
 * @param diary whether the person keeps the trip diary
 * @param steps whether the person shares step logs
 */
record Person(String personId, String municipality, String wardCode, String ageBand,
    String cardId, double walkMean, double carPropensity, boolean diary, boolean steps) {

  static final String[] AGE_BANDS = {"0-19", "20-39", "40-64", "65-74", "75+"};

  boolean elderly() {
    return ageBand.equals("65-74") || ageBand.equals("75+");
  }
}
