package io.citylake.sample;

import java.util.List;

/**
 * One real GSI designated site, with the lake's municipality slug and an assigned capacity.
 *
 * <p>GSI publishes no capacity, so the sample assigns one from the site type and the kind of
 * facility its name suggests (school, park, community hall); the README says so.
 *
 * @param fields the GSI row's columns in file order, unchanged except {@code capacity} filled in
 */
record Shelter(String id, String siteType, String nameJa, String municipality, String wardCode,
    double lon, double lat, String hazards, int capacity, List<String> fields) {

  Shelter {
    fields = List.copyOf(fields);
  }

  boolean designatedShelter() {
    return siteType.equals("designated_shelter");
  }

  boolean tsunamiSite() {
    return hazards.contains("tsunami");
  }

  /** Deterministic plausible capacity (persons) from site type and facility kind, ±25 %. */
  static int assignCapacity(String id, String siteType, String nameJa) {
    int base;
    if (nameJa.matches(".*(公園|広場|グラウンド|運動場|緑地|球場).*")) {
      base = siteType.equals("designated_shelter") ? 400 : 1500;
    } else if (nameJa.matches(".*(小学校|中学校|高等学校|高校|学園|大学|義務教育学校).*")) {
      base = siteType.equals("designated_shelter") ? 450 : 800;
    } else if (nameJa.matches(".*(体育館|アリーナ|ドーム).*")) {
      base = 600;
    } else if (nameJa.matches(".*(公民館|集会所|会館|センター|交流館|コミュニティ).*")) {
      base = 120;
    } else {
      base = siteType.equals("designated_shelter") ? 100 : 300;
    }
    double factor = 0.75 + Math.floorMod(id.hashCode(), 51) / 100.0;
    return Math.max(10, (int) Math.round(base * factor / 10.0) * 10);
  }
}
