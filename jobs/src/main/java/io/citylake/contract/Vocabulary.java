package io.citylake.contract;

import java.util.List;

/** The closed code lists of the data contract; a value outside them is quarantined. */
public final class Vocabulary {
  public static final List<String> MUNICIPALITIES = List.of("sapporo", "tsukuba", "susami");
  public static final List<String> AGE_BANDS = List.of("0-19", "20-39", "40-64", "65-74", "75+");
  /** Age bands counted as "aged 65+" by the elderly KPIs. */
  public static final List<String> ELDERLY_AGE_BANDS = List.of("65-74", "75+");
  public static final List<String> SENSOR_TYPES =
      List.of("PeopleCounter", "SnowDepth", "AirQuality", "BridgeStrain");
  public static final List<String> TAP_AUTH = List.of("ic", "face");
  public static final List<String> TAP_KIND = List.of("board", "alight");
  public static final List<String> TRIP_MODES =
      List.of("car", "bus", "rail", "walk", "bicycle", "taxi", "other");
  public static final List<String> TRANSACTION_KINDS = List.of("spend", "earn", "redeem");
  public static final List<String> CHECKIN_ACTIONS = List.of("in", "out");
  public static final List<String> SUPPLY_ITEMS =
      List.of("water_l", "food_meals", "blankets", "batteries");
  public static final List<String> FLIGHT_STATUS = List.of("delivered", "aborted", "failed");
  public static final List<String> FEELS_SAFE_ANSWERS = List.of("agree", "neutral", "disagree");
  public static final List<String> SATISFACTION_ANSWERS = List.of("1", "2", "3", "4", "5");
  public static final List<String> CONTINUE_INTENT_ANSWERS = List.of("yes", "no");

  private Vocabulary() {}
}
