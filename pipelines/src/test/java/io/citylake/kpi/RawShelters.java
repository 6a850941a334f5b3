package io.citylake.kpi;

import io.citylake.kpi.RawSample.Line;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Shelter stock counts, check-ins and norms from the raw sample, for days to shortage. */
final class RawShelters {
  private static final DateTimeFormatter SPARK_TEXT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(RawSample.JST);
  private final RawSample raw;

  RawShelters(RawSample raw) {
    this.raw = raw;
  }

  /** {@code shelter/item/counted_at} → stock / (headcount × norm), where headcount > 0. */
  Map<String, Double> daysToShortage() {
    Set<String> shelters = raw.referenceIds("shelters.csv");
    Map<String, Double> norms = new HashMap<>();
    raw.referenceColumn("consumption_norms.csv", "per_person_per_day")
        .forEach((item, norm) -> norms.put(item, Double.valueOf(norm)));
    List<Line> checkins = raw.csv("disaster/checkins").stream().filter(l -> {
      Instant ts = l.present("ts") ? RawSample.instant(l.get("ts")) : null;
      return l.present("person_id") && shelters.contains(l.get("shelter_id"))
          && Set.of("in", "out").contains(l.get("action")) && ts != null
          && RawSample.onServiceDay(ts, l.dt());
    }).toList();
    Map<String, Line> moves = RawKpis.newest(checkins, l -> l.get("shelter_id") + "/"
        + l.get("person_id") + "/" + l.get("action") + "/" + RawSample.instant(l.get("ts")));
    List<Line> counts = raw.csv("disaster/inventory").stream().filter(l -> {
      Instant at = l.present("counted_at") ? RawSample.instant(l.get("counted_at")) : null;
      Double quantity = RawSample.number(l.get("quantity"));
      return shelters.contains(l.get("shelter_id"))
          && Set.of("water_l", "food_meals", "blankets", "batteries").contains(l.get("item"))
          && quantity != null && quantity >= 0 && quantity <= 10_000_000 && at != null
          && RawSample.onServiceDay(at, l.dt());
    }).toList();
    Map<String, Double> days = new TreeMap<>();
    for (Line count : RawKpis.newest(counts, l -> l.get("shelter_id") + "/" + l.get("item")
        + "/" + RawSample.instant(l.get("counted_at"))).values()) {
      Double norm = norms.get(count.get("item"));
      Instant at = RawSample.instant(count.get("counted_at"));
      long headcount = Math.max(0, moves.values().stream()
          .filter(m -> m.get("shelter_id").equals(count.get("shelter_id")))
          .filter(m -> !RawSample.instant(m.get("ts")).isAfter(at))
          .mapToLong(m -> m.get("action").equals("in") ? 1 : -1).sum());
      if (norm != null && norm > 0 && headcount > 0) {
        days.put(count.get("shelter_id") + "/" + count.get("item") + "/" + SPARK_TEXT.format(at),
            RawSample.number(count.get("quantity")) / (headcount * norm));
      }
    }
    return days;
  }
}
