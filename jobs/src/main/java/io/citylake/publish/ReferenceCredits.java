package io.citylake.publish;

import io.citylake.conform.LoadReference;
import io.citylake.conform.ReferenceTable;
import java.util.List;
import java.util.Map;

/**
 * The credit lines the real reference data's terms of use require (MLIT boundaries, GSI
 * shelters; see {@code reference-data/README.md}), keyed by the silver table they load into, so
 * every product built from those tables (the sample's reference README, the open-data catalogue)
 * carries the same words.
 */
public final class ReferenceCredits {
  /** 国土数値情報（行政区域データ）: the ward and municipality polygons. */
  public static final String BOUNDARIES = "出典：国土数値情報（行政区域データ）（国土交通省）"
      + "（https://nlftp.mlit.go.jp/ksj/gml/datalist/KsjTmplt-N03-v3_1.html）を加工して作成";
  /** 国土地理院 指定緊急避難場所データ・指定避難所データ: the shelters. */
  public static final String SHELTERS = "出典：国土地理院 指定緊急避難場所データ・指定避難所データ"
      + "（https://www.gsi.go.jp/bousaichiri/hinanbasho.html）を加工して作成";

  private static final Map<String, String> BY_SILVER_TABLE = Map.of(
      LoadReference.BOUNDARIES, BOUNDARIES,
      ReferenceTable.SHELTERS.table(), SHELTERS);

  private ReferenceCredits() {}

  /** The credit line owed by a product read from {@code silver.<table>}, if any. */
  public static java.util.Optional<String> forSilverTable(String table) {
    return java.util.Optional.ofNullable(BY_SILVER_TABLE.get(table));
  }

  /** Every credit line, boundaries first. */
  public static List<String> all() {
    return List.of(BOUNDARIES, SHELTERS);
  }
}
