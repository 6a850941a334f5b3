package io.citylake.report;

import java.time.LocalDateTime;
import java.util.List;

/**
 * The current stock of a municipality's shelters ({@code gold.shelter_days_to_shortage},
 * {@code is_latest} rows), shortest days to shortage first.
 *
 * @param items the rows shown (at most a few dozen)
 * @param total shelter items with a stock count
 * @param warnings items under {@link #WARNING_DAYS} days
 */
public record ShelterSupply(List<Item> items, long total, long warnings) {
  public static final double WARNING_DAYS = 3;

  public ShelterSupply {
    items = List.copyOf(items);
  }

  /** One shelter and item: stock, headcount and days to shortage (null with nobody there). */
  public record Item(String shelterId, String item, LocalDateTime countedAt, Double stock,
      Long headcount, Double daysToShortage) {
    public boolean warning() {
      return daysToShortage != null && daysToShortage < WARNING_DAYS;
    }
  }
}
