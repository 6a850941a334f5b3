package io.citylake.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code README.md} at the root of a generated sample lake: what it is, its spec and
 * volumes, the stories in it, the dirt injected (counted), and the {@code late/} convention.
 */
final class SampleReadme {
  private final SampleSpec spec;
  private final EventCalendar calendar;
  private final PersonPanel panel;
  private final List<SampleLakeSummary.DatasetFiles> tallies;
  private final Map<String, Integer> dirt;

  SampleReadme(SampleSpec spec, EventCalendar calendar, PersonPanel panel,
      List<SampleLakeSummary.DatasetFiles> tallies, Map<String, Integer> dirt) {
    this.spec = spec;
    this.calendar = calendar;
    this.panel = panel;
    this.tallies = tallies;
    this.dirt = new TreeMap<>(dirt);
  }

  List<String> lines() {
    List<String> l = new ArrayList<>();
    l.add("# citylake sample lake");
    l.add("");
    l.add("A deterministic, generated data lake in the providers' raw formats of the citylake "
        + "data contract, for end-to-end tests and demos. Real reference data (MLIT boundaries, "
        + "GSI shelters) — see `reference/README.md` for sources and credit lines; everything "
        + "else is generated. Do not edit by hand: regenerate with "
        + "`citylake generate-sample` (spec below); a test checks that this directory equals "
        + "what `SampleSpec.defaults()` generates.");
    l.add("");
    l.add("## Spec");
    l.add("");
    l.add(String.format(Locale.ROOT, "seed `%d`, %d persons (sapporo %d, tsukuba %d, susami %d), "
        + "%d days %s … %s (JST service days).", spec.seed(), spec.persons(),
        panel.of("sapporo").size(), panel.of("tsukuba").size(), panel.of("susami").size(),
        spec.days(), spec.firstDay(), spec.lastDay()));
    l.add("");
    l.add("## Stories");
    l.add("");
    l.add("- Susami heavy rain from " + spec.day(calendar.susamiEventStart()) + " for 3 days: "
        + "alert level 3 then 4, residents check in to 8 designated shelters, stocks drop, "
        + "drones deliver 1–8 kg payloads, a truck refills on the third day; a tsunami drill "
        + "at coastal emergency sites on the second day.");
    l.add("- Sapporo first snow from " + spec.day(calendar.snowStart()) + ": SnowDepth rises "
        + "for 36 h, heavy-snow advisory, buses late, people walk less.");
    l.add("- Survey (all three municipalities) on " + spec.day(calendar.surveyDay()) + ".");
    l.add("- Sapporo night bus trips run past midnight (GTFS times such as `25:10:00`); their "
        + "arrivals and taps stay in the service day's partition.");
    l.add("");
    l.add("## Files and data lines (header lines excluded)");
    l.add("");
    l.add("| path | files | lines |");
    l.add("|---|---:|---:|");
    for (SampleLakeSummary.DatasetFiles t : tallies) {
      l.add("| `" + t.path() + "` | " + t.files() + " | " + t.lines() + " |");
    }
    l.add("");
    l.add("## Injected dirt (lines)");
    l.add("");
    l.add("Deterministic and modest (about 0.5–2 % of lines). Bronze must quarantine the "
        + "malformed and invalid lines with a reason, and deduplicate the duplicates.");
    l.add("");
    l.add("| dataset.kind | lines |");
    l.add("|---|---:|");
    dirt.forEach((k, v) -> l.add("| `" + k + "` | " + v + " |"));
    l.add("");
    l.add("Kinds: `duplicate` = exact duplicate line; `utc_z_timestamp` = time stamps written in "
        + "UTC `Z` form (same instant); `truncated_json`, `missing_field`, `extra_field`, "
        + "`garbage_line` = malformed lines; `missing_location` = observation without location "
        + "(device known from `reference/sensors.csv`); `unknown_*` = codes outside the contract "
        + "(sensor type NoiseLevel, stop ids `*_9999_A`, auth `qr`, mode `kickboard`, merchant "
        + "`M-*-9999`, shelter `E3040699999999`, item `masks`, answers `6`/`わからない`); "
        + "`absurd_*`/`negative_*` = impossible values (steps -5 and 250000, SnowDepth 9999, "
        + "negative counts, amounts and quantities, drone payload 250 kg); "
        + "`empty_walking_minutes` is allowed by the contract (counts steps/100); "
        + "`miscount_corrected_in_late` = stock counts wrong in raw/ and corrected in late/.");
    l.add("");
    l.add("## late/");
    l.add("");
    l.add("`late/raw/...` has the same layout as `raw/` and holds files that arrive after the "
        + "night of their day ran. Copy `late/raw` over `raw` and re-run the night:");
    l.add("");
    l.add("- extra file in an existing partition: `late/raw/transit/taps/dt="
        + spec.day(calendar.lateTapDay()) + "/taps-" + spec.day(calendar.lateTapDay())
        + "-late.csv.gz` (3 % of that day's journeys, uploaded late by a card reader);");
    l.add("- missing partition: `transit/arrivals` for " + spec.day(calendar.missingArrivalsDay())
        + " is absent from `raw/` and only in `late/`;");
    l.add("- corrected re-delivery: `late/raw/disaster/inventory/dt="
        + spec.day(calendar.correctedInventoryDay()) + "/inventory-"
        + spec.day(calendar.correctedInventoryDay()) + ".csv.gz` replaces the raw file of the "
        + "same name (some quantities corrected).");
    return l;
  }
}
