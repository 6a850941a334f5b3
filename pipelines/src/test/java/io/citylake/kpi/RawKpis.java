package io.citylake.kpi;

import io.citylake.kpi.RawSample.Line;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The KPIs recomputed from the raw sample files with plain Java, following the data contract
 * and its quarantine rules, as the independent check of the gold tables.
 */
final class RawKpis {
  /** A KPI value with the persons or records behind it. */
  record Cell(double value, long count) {}

  private final RawSample raw;

  RawKpis(RawSample raw) {
    this.raw = raw;
  }

  /** Per key, the line from the newest partition (silver + gold keep the newest report). */
  static Map<String, Line> newest(List<Line> lines, Function<Line, String> key) {
    Map<String, Line> newest = new LinkedHashMap<>();
    for (Line line : lines) {
      newest.merge(key.apply(line), line, (a, b) -> b.dt().isAfter(a.dt()) ? b : a);
    }
    return newest;
  }

  Cell walkingMinutes(String municipality, LocalDate day) {
    List<Line> valid = raw.csv("points/steps").stream().filter(l -> {
      LocalDate date = RawSample.date(l.get("activity_date"));
      Double steps = RawSample.number(l.get("steps"));
      Double minutes = RawSample.number(l.get("walking_minutes"));
      boolean minutesOk = l.get("walking_minutes").isEmpty()
          || (minutes != null && minutes >= 0 && minutes <= 1440);
      return l.present("person_id") && RawSample.MUNICIPALITIES.contains(l.get("municipality"))
          && RawSample.AGE_BANDS.contains(l.get("age_band")) && date != null && steps != null
          && steps == Math.rint(steps) && steps >= 0 && steps <= 100_000 && minutesOk
          && !date.isBefore(l.dt().minusDays(7)) && !date.isAfter(l.dt());
    }).toList();
    double sum = 0;
    Set<String> persons = new HashSet<>();
    for (Line l : newest(valid, l -> l.get("person_id") + "/" + l.get("activity_date")).values()) {
      if (l.get("municipality").equals(municipality)
          && RawSample.date(l.get("activity_date")).equals(day)) {
        Double minutes = RawSample.number(l.get("walking_minutes"));
        sum += minutes != null ? minutes : RawSample.number(l.get("steps")) / 100.0;
        persons.add(l.get("person_id"));
      }
    }
    return new Cell(sum / persons.size(), persons.size());
  }

  Cell carDailyShare(String municipality, LocalDate day) {
    Set<String> modes = Set.of("car", "bus", "rail", "walk", "bicycle", "taxi", "other");
    List<Line> valid = raw.csv("transit/trip_diary").stream().filter(l -> {
      LocalDate date = RawSample.date(l.get("trip_date"));
      Double no = RawSample.number(l.get("trip_no"));
      return l.present("person_id") && RawSample.MUNICIPALITIES.contains(l.get("municipality"))
          && RawSample.AGE_BANDS.contains(l.get("age_band")) && date != null && no != null
          && no >= 1 && no <= 50 && modes.contains(l.get("mode"))
          && !date.isBefore(l.dt().minusDays(7)) && !date.isAfter(l.dt());
    }).toList();
    Map<String, Boolean> usedCar = new HashMap<>();
    for (Line l : newest(valid, l -> l.get("person_id") + "/" + l.get("trip_date") + "/"
        + l.get("trip_no")).values()) {
      if (l.get("municipality").equals(municipality)
          && RawSample.date(l.get("trip_date")).equals(day)) {
        usedCar.merge(l.get("person_id"), l.get("mode").equals("car"), Boolean::logicalOr);
      }
    }
    long car = usedCar.values().stream().filter(b -> b).count();
    return new Cell((double) car / usedCar.size(), usedCar.size());
  }

  /** Valid, deduplicated transactions of visitors (visitor = true). */
  List<Line> visitorTransactions() {
    Set<String> merchants = raw.referenceIds("merchants.csv");
    List<Line> valid = raw.jsonl("points/transactions").stream().filter(l -> {
      Double amount = RawSample.number(l.get("amount_yen"));
      Double weight = RawSample.number(l.get("weight"));
      Double lon = RawSample.number(l.get("lon"));
      Double lat = RawSample.number(l.get("lat"));
      Instant ts = l.present("ts") ? RawSample.instant(l.get("ts")) : null;
      return l.present("txn_id", "card_id", "kind", "visitor")
          && RawSample.MUNICIPALITIES.contains(l.get("municipality"))
          && Set.of("spend", "earn", "redeem").contains(l.get("kind"))
          && merchants.contains(l.get("merchant_id")) && amount != null && amount >= 0
          && amount <= 10_000_000 && weight != null && weight >= 0.000001 && weight <= 1e6
          && lon != null && lat != null && lon >= 122 && lon <= 154 && lat >= 20 && lat <= 46
          && ts != null && RawSample.onServiceDay(ts, l.dt());
    }).toList();
    return newest(valid, l -> l.get("txn_id")).values().stream()
        .filter(l -> l.get("visitor").equals("true")).toList();
  }

  Cell tourismSpend(List<Line> visitors, String municipality, LocalDate day) {
    double sum = 0;
    Set<String> cards = new HashSet<>();
    for (Line l : visitors) {
      if (l.dt().equals(day) && l.get("municipality").equals(municipality)
          && l.get("kind").equals("spend")) {
        sum += RawSample.number(l.get("amount_yen")) * RawSample.number(l.get("weight"));
        cards.add(l.get("card_id"));
      }
    }
    return new Cell(sum, cards.size());
  }

  Cell visitors(List<Line> visitors, String municipality, LocalDate day) {
    Map<String, Double> weightPerCard = new HashMap<>();
    for (Line l : visitors) {
      if (l.dt().equals(day) && l.get("municipality").equals(municipality)) {
        weightPerCard.merge(l.get("card_id"), RawSample.number(l.get("weight")), Math::max);
      }
    }
    return new Cell(weightPerCard.values().stream().mapToDouble(Double::doubleValue).sum(),
        weightPerCard.size());
  }

  /** Share of positive answers to {@code question} (optionally 65+ only) per survey day. */
  Cell surveyShare(String municipality, String question, boolean elderlyOnly,
      Set<String> positive) {
    Map<String, Set<String>> answers = Map.of("feels_safe", Set.of("agree", "neutral", "disagree"),
        "satisfaction", Set.of("1", "2", "3", "4", "5"), "continue_intent", Set.of("yes", "no"));
    List<Line> valid = raw.csv("surveys/responses").stream().filter(l ->
        l.present("respondent_id", "question", "answer")
            && RawSample.MUNICIPALITIES.contains(l.get("municipality"))
            && RawSample.AGE_BANDS.contains(l.get("age_band"))
            && RawSample.date(l.get("survey_date")) != null
            && (!answers.containsKey(l.get("question"))
                || answers.get(l.get("question")).contains(l.get("answer")))).toList();
    long yes = 0;
    long all = 0;
    for (Line l : newest(valid, l -> l.get("respondent_id") + "/" + l.get("survey_date") + "/"
        + l.get("question")).values()) {
      boolean elderly = Set.of("65-74", "75+").contains(l.get("age_band"));
      if (l.get("municipality").equals(municipality) && l.get("question").equals(question)
          && (elderly || !elderlyOnly)) {
        all++;
        yes += positive.contains(l.get("answer")) ? 1 : 0;
      }
    }
    return new Cell((double) yes / all, all);
  }

  /** Per flight day of {@code municipality}: flights, delivered and heavy-payload flights. */
  Map<LocalDate, long[]> droneFlights(String municipality) {
    Map<String, String> shelterMunicipality =
        raw.referenceColumn("shelters.csv", "municipality");
    List<Line> valid = raw.jsonl("disaster/drone_flights").stream().filter(l -> {
      Double payload = RawSample.number(l.get("payload_kg"));
      Double distance = RawSample.number(l.get("distance_km"));
      Instant departed = l.present("departed_at") ? RawSample.instant(l.get("departed_at")) : null;
      Instant arrived = l.present("arrived_at") ? RawSample.instant(l.get("arrived_at")) : null;
      return l.present("flight_id", "origin_id", "status")
          && shelterMunicipality.containsKey(l.get("shelter_id"))
          && Set.of("delivered", "aborted", "failed").contains(l.get("status"))
          && payload != null && payload >= 0 && payload <= 50
          && (distance == null || (distance >= 0 && distance <= 200)) && departed != null
          && (!l.present("arrived_at") || (arrived != null && !arrived.isBefore(departed)))
          && RawSample.onServiceDay(departed, l.dt());
    }).toList();
    Map<LocalDate, long[]> days = new TreeMap<>();
    for (Line l : newest(valid, l -> l.get("flight_id")).values()) {
      if (shelterMunicipality.get(l.get("shelter_id")).equals(municipality)) {
        long[] c = days.computeIfAbsent(l.dt(), d -> new long[3]);
        c[0]++;
        c[1] += l.get("status").equals("delivered") ? 1 : 0;
        c[2] += RawSample.number(l.get("payload_kg")) >= 5.0 ? 1 : 0;
      }
    }
    return days;
  }

  /** Valid, deduplicated observations of one sensor type: (partition, JST hour, value). */
  List<Object[]> observations(String type, String municipality, double max) {
    Set<String> sensors = raw.referenceIds("sensors.csv");
    List<Line> all = new ArrayList<>(raw.jsonl("sensors/observations"));
    all.addAll(raw.brokerObservations());
    List<Line> valid = all.stream().filter(l -> {
      Double value = RawSample.number(l.get("value"));
      Instant at = l.present("observedAt") ? RawSample.instant(l.get("observedAt")) : null;
      return l.present("id") && sensors.contains(l.get("id")) && type.equals(l.get("type"))
          && RawSample.MUNICIPALITIES.contains(l.get("municipality")) && value != null
          && value >= 0 && value <= max && at != null && RawSample.onServiceDay(at, l.dt());
    }).toList();
    List<Object[]> result = new ArrayList<>();
    for (Line l : newest(valid, l -> l.get("id") + "/" + RawSample.instant(l.get("observedAt")))
        .values()) {
      if (l.get("municipality").equals(municipality)) {
        Instant at = RawSample.instant(l.get("observedAt"));
        result.add(new Object[] {l.dt(), at.atZone(RawSample.JST).truncatedTo(ChronoUnit.HOURS)
            .toLocalDateTime(), RawSample.number(l.get("value"))});
      }
    }
    return result;
  }

  static <T> T maxBy(Map<T, Long> counts) {
    return counts.entrySet().stream().max(Map.Entry.comparingByValue(Comparator.naturalOrder()))
        .orElseThrow().getKey();
  }
}
