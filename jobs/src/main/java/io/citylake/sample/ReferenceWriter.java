package io.citylake.sample;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import io.citylake.conform.PseudonymKey;

/**
 * Writes {@code <out>/reference/}: the real boundaries and shelters (with the assigned capacities
 * and municipality slug), the generated sensors and merchants, the city's KPI targets, the
 * consumption norms, and a README with every source and credit line.
 */
final class ReferenceWriter {
  static final String DIR = "reference";
  private static final List<String> KPI_TARGETS = List.of(
      "kpi_id,municipality,unit,direction,baseline,baseline_year,target,target_year,year_type,"
          + "path_base,path_base_year,path_rate,path_start_year,source",
      "walking_minutes_avg,sapporo,min/day,higher,67,,87,2024,calendar,,,,,"
          + "City seed target: +20 min/day (about +30%) by 2024; baseline derived as 20/0.3",
      "tourism_spend_yen,sapporo,yen/year,higher,583000000000,,700000000000,2024,calendar,,,,,"
          + "City seed target: 700 bn yen/year (+20%) by 2024; baseline derived as 700/1.2",
      "car_daily_share,tsukuba,share,lower,0.858,,0.835,2024,fiscal,,,,,"
          + "City seed target: 85.8% to 83.5% by FY2024 (April 2024 to March 2025)",
      "elderly_feels_safe_share,tsukuba,share,higher,0.314,,0.344,2024,fiscal,,,,,"
          + "City seed target: 31.4% to 34.4% by FY2024",
      "satisfaction_share,tsukuba,share,higher,,,0.472,2024,fiscal,,,,,"
          + "City seed target: no baseline; 47.2% by FY2024",
      "continue_intent_share,susami,share,higher,,,0.90,,calendar,,,,,"
          + "City seed target: at least 90% (shelter operators and the town; drone and ordering"
          + " system)",
      "visitors,susami,persons/year,higher,1000000,2019,,,fiscal,1000000,2019,0.10,2022,"
          + "City seed target: back to the FY2019 level of 1 M/yr in FY2021; then +10%/yr from"
          + " FY2022 (1.1 M in FY2022; 1.21 M in FY2023)",
      "drone_delivery_success,susami,kg,higher,,,5,,calendar,,,,,"
          + "City seed target: deliveries of 5 kg or more with autonomous flight succeeding"
          + " (composite: see the KPI definition)",
      "companies_attracted,susami,companies,higher,,,1,2024,calendar,,,,,"
          + "City seed target: at least 1 company attracted by 2024 (reported by the town)",
      "households_moved_in,susami,households,higher,,,10,2024,calendar,,,,,"
          + "City seed target: at least 10 households moved in by 2024 (reported by the town)");
  /** What the town reports; sample values, not the town's figures (see the README). */
  private static final List<String> KPI_OBSERVATIONS = List.of(
      "kpi_id,municipality,year_type,year,value,unit,source,reported_by,reported_on",
      "companies_attracted,susami,calendar,2024,2,companies,"
          + "Sample value standing in for the town's yearly report (not an official figure),"
          + "Susami town office (sample),2025-01-15",
      "households_moved_in,susami,calendar,2024,7,households,"
          + "Sample value standing in for the town's yearly report (not an official figure),"
          + "Susami town office (sample),2025-01-15");
  private static final List<String> NORMS = List.of("item,per_person_per_day", "water_l,3",
      "food_meals,3", "batteries,0.5", "blankets,0");

  /** The published key a demo lake pseudonymises with; its presence marks the lake as a demo. */
  static final String DEMO_KEY = "citylake-sample-lake-demo-key--not-a-secret";

  private ReferenceWriter() {}

  static void write(LakeFiles lake, ReferenceData reference, SensorNetwork sensors,
      MerchantDirectory merchants) throws IOException {
    lake.writeBytes(DIR + "/boundaries.geojson", DIR, reference.boundariesBytes());
    List<String> shelters = new ArrayList<>(List.of(reference.shelterHeader() + ",municipality"));
    for (Shelter s : reference.shelters()) {
      shelters.add(String.join(",", s.fields()) + "," + s.municipality());
    }
    text(lake, "shelters.csv", shelters);
    List<String> sensorLines = new ArrayList<>(
        List.of("sensor_id,type,municipality,lon,lat,installed_on"));
    sensors.registered().forEach(s -> sensorLines.add(s.csvLine()));
    text(lake, "sensors.csv", sensorLines);
    List<String> merchantLines = new ArrayList<>(
        List.of("merchant_id,municipality,category,lon,lat"));
    merchants.all().forEach(m -> merchantLines.add(m.csvLine()));
    text(lake, "merchants.csv", merchantLines);
    text(lake, "kpi_targets.csv", KPI_TARGETS);
    text(lake, "kpi_observations.csv", KPI_OBSERVATIONS);
    text(lake, "consumption_norms.csv", NORMS);
    text(lake, PseudonymKey.DEMO_KEY_FILE, List.of(DEMO_KEY));
    lake.writeText(DIR + "/README.md", DIR, readme(), false, false, 0);
  }

  private static void text(LakeFiles lake, String name, List<String> lines) throws IOException {
    lake.writeText(DIR + "/" + name, DIR, lines, false, false, lines.size() - 1);
  }

  private static List<String> readme() {
    return List.of(
        "# citylake sample lake: reference data",
        "",
        "| file | what | origin |",
        "|---|---|---|",
        "| `boundaries.geojson` | 12 real polygons: the 10 Sapporo wards, Tsukuba, Susami "
            + "(properties `municipality`, `code`, `name_ja`, `name_en`, `pref`) | MLIT, unchanged "
            + "copy of citylake's reference data |",
        "| `shelters.csv` | the 647 real designated evacuation sites/shelters, GSI columns plus "
            + "`municipality` slug; `capacity` filled in | GSI; **capacities assigned by the "
            + "sample generator, not published by GSI** |",
        "| `sensors.csv` | IoT devices (`sensor_id` = the NGSI-LD id of the observations) | "
            + "generated |",
        "| `merchants.csv` | merchants of the cashless/point scheme | generated |",
        "| `kpi_targets.csv` | the city's seed targets from the data contract | contract |",
        "| `kpi_observations.csv` | KPI values the town reports itself (companies attracted, "
            + "households moved in) | **sample values, not the town's figures** |",
        "| `consumption_norms.csv` | shelter consumption per person and day | contract |",
        "| `DEMO-PSEUDONYM-KEY` | the published HMAC key this demo lake is pseudonymised with; it "
            + "marks the lake as a demo (real lakes must set `CITYLAKE_PSEUDONYM_KEY`) | citylake |",
        "",
        "## Sources and credit lines",
        "",
        "Boundaries: " + io.citylake.publish.ReferenceCredits.BOUNDARIES + " "
            + "— edition N03-22_220101, merged per ward/municipality, coverage-preserving "
            + "simplification at 0.0001°, coordinates rounded to 6 decimals.",
        "",
        "Shelters: " + io.citylake.publish.ReferenceCredits.SHELTERS + " — state of "
            + "2025-10-27; flattened to CSV. GSI publishes no capacity: the `capacity` column is "
            + "assigned deterministically by the sample generator from the site type and the kind "
            + "of facility the name suggests (park/open ground, school, gymnasium, community hall, "
            + "other) with ±25 % variation, and the `municipality` slug column is added.",
        "",
        "Generated, not real: the GTFS feeds of `raw/transit/gtfs/` (stops placed inside the real "
            + "polygons, invented operators and timetables), the persons, cards, visitors, sensors, "
            + "merchants and every raw observation, tap, transaction, survey answer and shelter "
            + "event of this sample.",
        "",
        "KPI targets: the seed targets named in the citylake data contract. Where the contract "
            + "names no baseline or year the cell is empty; the Sapporo walking and tourism "
            + "baselines are derived from the stated relative change (see `source`). Units: "
            + "`share` is a fraction 0–1. `year_type` says whether a year is a calendar year or "
            + "a fiscal year (年度, April to March: FY2024 ends 2025-03-31). Susami's visitor "
            + "target is a growth path (`path_base` in `path_base_year`, regained the year "
            + "before `path_start_year`, then `path_rate` a year), so the target of a year is "
            + "the path's value for it.",
        "",
        "KPI observations: values the town reports for outcomes the lake cannot measure "
            + "(`kpi_id,municipality,year_type,year,value,unit,source,reported_by,reported_on`). "
            + "The two rows of this sample are invented placeholders, not Susami's figures. A "
            + "line that breaks the file's rules is quarantined with its reason, like a "
            + "delivered row.",
        "",
        "Consumption norms: water 3 l, 3 meals and 0.5 batteries per person and day (contract); "
            + "blankets 0 because a blanket is handed out once per evacuee and not consumed daily.");
  }
}
