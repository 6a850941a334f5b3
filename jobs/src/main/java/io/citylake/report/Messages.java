package io.citylake.report;

import java.util.HashMap;
import java.util.Map;

/**
 * The report's labels in Japanese and English, by key. KPI names are keyed {@code kpi.<id>},
 * statuses {@code status.<code>}, municipalities {@code muni.<slug>}. A missing key shows as
 * itself, so a new KPI is never silently blank.
 */
public final class Messages {
  private static final Map<String, String[]> TEXT = new HashMap<>();

  static {
    put("title", "スマートシティKPI評価レポート", "Smart-city KPI evaluation report");
    put("subtitle", "対象日", "Report day");
    put("archive", "レポート一覧", "Report archive");
    put("generated", "作成", "Generated");
    put("contents", "目次", "Contents");
    put("muni.sapporo", "札幌市", "Sapporo");
    put("muni.tsukuba", "つくば市", "Tsukuba");
    put("muni.susami", "すさみ町", "Susami");
    put("section.kpis", "KPI一覧", "KPIs");
    put("section.trends", "推移", "Trends");
    put("section.maps", "地図", "Maps");
    put("section.shelters", "避難所の備蓄（不足までの日数）", "Shelter supplies (days to shortage)");
    put("section.freshness", "データの鮮度", "Data freshness");
    put("section.definitions", "KPIの定義", "KPI definitions");
    put("col.kpi", "KPI", "KPI");
    put("col.day_value", "対象日の値", "Value on report day");
    put("col.latest", "最新値", "Latest value");
    put("col.latest_period", "最新値の期間", "Latest period");
    put("col.baseline", "基準値", "Baseline");
    put("col.target", "目標値", "Target");
    put("col.target_year", "目標年", "Target year");
    put("col.status", "状況", "Status");
    put("col.source", "値の出所", "Source of value");
    put("col.target_basis", "目標の設定", "How the target is set");
    put("source.measured", "計測", "Measured");
    put("source.reported", "町の報告", "Reported by the town");
    put("kpi.companies_attracted", "企業誘致数", "Companies attracted");
    put("kpi.households_moved_in", "移住世帯数", "Households moved in");
    put("method.title", "達成状況の判定方法", "How the status is judged");
    put("method.period", "目標は暦年または年度（4月〜翌年3月。2024年度は2025年3月31日まで）で示され、"
        + "その期間のデータで判定します。",
        "Targets are for a calendar year or a fiscal year (年度, April to March: FY2024 ends on"
            + " 31 March 2025) and are judged on that period's data.");
    put("method.path", "成長経路の目標（例：すさみ町の来訪者数）は、最新データが属する年度の経路上の値を"
        + "その年度の目標とします。年度を定めない目標は、最新データが属する年の目標とします。",
        "A growth-path target (e.g. Susami's visitors) sets the target of the year the newest"
            + " data fall in to the path's value for it; a target without a year applies to that"
            + " year too.");
    put("method.achieved", "最新値が目標を満たしていれば「達成」。",
        "Achieved: the latest value meets the period's target.");
    put("method.missed", "データが目標期間の最終日に達し、最新値が目標を満たさなければ「未達」。",
        "Missed: the data reach the last day of the target's period and the latest value does"
            + " not meet it.");
    put("method.trend", "それ以外は、91日（1年の4分の1）以上・3時点以上のデータの最小二乗直線を"
        + "目標期間の最終日まで延ばし、目標を満たせば「順調」、満たさなければ「遅れ」。",
        "Otherwise a least-squares line over at least 91 days (a quarter of the target's year)"
            + " and 3 values is projected to the period's last day: on track when it meets the"
            + " target there, else off track.");
    put("method.insufficient", "データが91日に満たない場合は推測せず「データ不足」とします"
        + "（2週間の日次データでは年間目標を判断できません）。",
        "With less than 91 days of data the status is insufficient data rather than a guess:"
            + " two weeks of daily values say nothing about an annual target.");
    put("method.reported", "「町の報告」の値はセンサー等で計測したものではなく、町が報告した年間の値"
        + "（reference/kpi_observations.csv、誤りのある行は隔離）です。",
        "Values marked \"reported by the town\" are not measured: they are the yearly values"
            + " the town reports (reference/kpi_observations.csv; lines that break its rules are"
            + " quarantined).");
    put("method.not_comparable", "ドローンの目標（5kg以上の荷物の自律飛行による配送成功）は複合目標で、"
        + "成功率とは単位が異なるため「比較不可」とし、drone_delivery_dailyの重量5kg以上の割合と"
        + "最大配送重量で確認します。飛行記録には自律飛行か否かの項目がありません。",
        "The drone target (deliveries of 5 kg or more with a successful autonomous flight) is"
            + " composite and in kg, so it is not comparable with the success share; the share"
            + " of payloads of 5 kg or more and the heaviest delivered payload in"
            + " drone_delivery_daily show it. The flight records do not say whether a flight was"
            + " autonomous.");
    put("col.definition", "定義", "Definition");
    put("col.unit", "単位", "Unit");
    put("col.sources", "計算元（silver・rawデータ）", "Computed from (silver, raw)");
    put("col.shelter", "避難所ID", "Shelter id");
    put("col.item", "品目", "Item");
    put("col.counted_at", "棚卸し時刻", "Counted at");
    put("col.stock", "在庫", "Stock");
    put("col.headcount", "避難者数", "Evacuees");
    put("col.days", "不足までの日数", "Days to shortage");
    put("col.dataset", "データセット", "Dataset");
    put("col.quarantined_day", "隔離件数（対象日）", "Quarantined (report day)");
    put("col.quarantined_total", "隔離件数（累計）", "Quarantined (all days)");
    put("status.achieved", "達成", "Achieved");
    put("status.on_track", "順調", "On track");
    put("status.off_track", "遅れ", "Off track");
    put("status.missed", "未達", "Missed");
    put("status.no_target", "目標なし", "No target");
    put("status.not_comparable", "比較不可", "Not comparable");
    put("status.insufficient_data", "データ不足", "Insufficient data");
    put("kpi.walking_minutes_avg", "平均歩行時間", "Average walking minutes");
    put("kpi.car_daily_share", "自動車分担率", "Car daily share");
    put("kpi.tourism_spend_yen", "観光消費額", "Tourism spend");
    put("kpi.visitors", "来訪者数", "Visitors");
    put("kpi.bus_wait_minutes_avg", "平均バス待ち時間", "Average bus waiting time");
    put("kpi.ridership", "バス利用者数", "Bus ridership");
    put("kpi.elderly_feels_safe_share", "安心と感じる高齢者の割合", "Elderly feeling safe");
    put("kpi.satisfaction_share", "住民満足度", "Resident satisfaction");
    put("kpi.continue_intent_share", "継続利用意向", "Intent to continue");
    put("kpi.shelter_days_to_shortage", "避難所備蓄の不足までの日数",
        "Shelter days to shortage");
    put("kpi.drone_delivery_success", "ドローン配送成功率", "Drone delivery success");
    put("kpi.people_flow", "人流", "People flow");
    put("kpi.snow_depth_max", "最大積雪深", "Maximum snow depth");
    put("map.people_flow", "人流（対象日の合計、区別）", "People flow (report day total, by ward)");
    put("map.snow_depth", "最大積雪深（対象日、区別）", "Maximum snow depth (report day, by ward)");
    put("map.tourism_spend", "観光消費額（対象日、メッシュ別）",
        "Tourism spend (report day, by grid square)");
    put("map.unavailable", "地図を表示できません", "Map not available");
    put("map.no_data", "データなし", "no data");
    put("map.credit", "出典：国土数値情報（行政区域データ）（国土交通省）を加工して作成",
        "Boundaries: 出典：国土数値情報（行政区域データ）（国土交通省）を加工して作成"
            + " (MLIT National Land Numerical Information, administrative areas; processed)");
    put("chart.baseline", "基準値", "baseline");
    put("chart.target", "目標値", "target");
    put("chart.no_data", "データなし", "no data");
    put("chart.suppressed_points", "秘匿された期間", "suppressed periods");
    put("shelter.warning", "3日未満", "under 3 days");
    put("shelter.empty", "避難者なし", "no evacuees");
    put("shelter.summary", "在庫記録のある避難所・品目", "shelter items with stock counts");
    put("shelter.warnings", "3日未満の警告", "warnings (under 3 days)");
    put("shelter.none", "在庫記録なし", "no stock counts");
    put("shelter.shown", "不足までの日数が短い順に表示", "shortest first");
    put("fresh.run", "最終実行ID", "Last run id");
    put("fresh.built", "KPIカタログ更新時刻", "KPI catalogue built at");
    put("fresh.days", "対象期間", "Days covered");
    put("fresh.quarantine", "隔離された行（契約違反）", "Quarantined rows (contract violations)");
    put("fresh.quarantine_source",
        "件数のみ（silver.conform_accounting、個人情報を含まない集計）",
        "counts only (silver.conform_accounting: an accounting table without personal data)");
    put("note.suppressed", "「秘匿」：10人未満のセルは個人保護のため公表しません（ゼロではありません）。",
        "\"suppressed\": cells from fewer than 10 persons are not published (this is not zero).");
    put("note.shares", "割合は百分率で表示しています。", "Shares are shown as percentages.");
    // the open-data catalogue (citylake catalog): titles of the published gold tables that are
    // not one KPI at one grain, the grains, and the catalogue itself
    put("grain.hourly", "時間別", "hourly");
    put("grain.daily", "日別", "daily");
    put("grain.monthly", "月別", "monthly");
    put("grain.yearly", "年別", "yearly");
    put("dataset.survey_shares", "住民アンケートの回答割合", "Resident survey answer shares");
    put("dataset.ridership_stop", "バス停別の乗車数", "Bus boardings by stop");
    put("dataset.people_flow_area", "区・地域メッシュ・H3別の人流", "People flow by ward, grid"
        + " square and H3 cell");
    put("dataset.people_flow_ward", "区別の人流", "People flow by ward");
    put("dataset.snow_depth_ward", "区別の最大積雪深", "Maximum snow depth by ward");
    put("dataset.air_quality", "大気質（PM2.5）", "Air quality (PM2.5)");
    put("dataset.tourism_spend_mesh", "地域メッシュ別の観光消費額", "Tourism spend by grid square");
    put("dataset.shelter_load", "避難所の収容状況", "Shelter load");
    put("dataset.spatial_areas", "集計区域（区・市町・地域メッシュ・H3）の境界",
        "Boundaries of the reporting areas (wards, municipalities, grid squares, H3 cells)");
    put("dataset.kpi_catalogue", "KPIカタログ（基準値・目標値・最新値・達成状況）",
        "KPI catalogue (baselines, targets, latest values, status)");
    put("dataset.kpi_headline_series", "KPIの推移", "KPI trends");
    put("catalog.title", "スマートシティ評価オープンデータ", "Smart-city evaluation open data");
    put("catalog.description", "スマートシティKPIの評価に用いる集計データ（ゴールドテーブル）のうち、"
        + "公開可能なものの一覧です。個人に関わる集計は10人未満のセルを秘匿しています。",
        "The aggregate (gold) tables behind the smart-city KPI evaluation that are cleared for"
            + " publication. Cells of person-based aggregates from fewer than 10 persons are"
            + " suppressed.");
    put("catalog.publisher", "スマートシティ推進担当", "Smart-city office");
    put("catalog.coverage", "対象", "Coverage");
    put("catalog.keyword", "スマートシティ", "smart city");
  }

  private final Lang lang;

  public Messages(Lang lang) {
    this.lang = lang;
  }

  public String get(String key) {
    String[] text = TEXT.get(key);
    return text == null ? key : text[lang.ordinal()];
  }

  public String municipality(String slug) {
    return get("muni." + slug);
  }

  public String kpi(String id) {
    return get("kpi." + id);
  }

  public String status(String code) {
    return get("status." + code);
  }

  private static void put(String key, String ja, String en) {
    TEXT.put(key, new String[] {ja, en});
  }
}
