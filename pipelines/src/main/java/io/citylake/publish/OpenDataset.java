package io.citylake.publish;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One published gold table as the open-data catalogue describes it: titles and descriptions in
 * Japanese and English, what it covers in space and time, when its rows last changed (its
 * newest Delta commit that changed data), the credit lines its reference data require, and its
 * open exports.
 */
public record OpenDataset(String table, DatasetSubject subject, String titleJa, String titleEn,
    String descriptionJa, String descriptionEn, List<Municipality> municipalities,
    Optional<LocalDate> start, Optional<LocalDate> end, Instant modified, List<String> credits,
    List<OpenDistribution> distributions) {
  public OpenDataset {
    municipalities = List.copyOf(municipalities);
    credits = List.copyOf(credits);
    distributions = List.copyOf(distributions);
  }
}
