package io.citylake.sample;

/** A shop, hotel or service taking the city's cashless and point payments (reference/merchants.csv). */
record Merchant(String merchantId, String municipality, String category, double lon,
    double lat) {

  String csvLine() {
    return String.join(",", merchantId, municipality, category, Double.toString(lon),
        Double.toString(lat));
  }
}
