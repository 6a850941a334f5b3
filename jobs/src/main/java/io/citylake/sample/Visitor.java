package io.citylake.sample;

/**
 * A tourist's IC card on one day of a stay; {@code weight} expands the sampled visitors to the
 * municipality's real visitor numbers.
 */
record Visitor(String cardId, String municipality, String homePrefecture, double weight) {}
