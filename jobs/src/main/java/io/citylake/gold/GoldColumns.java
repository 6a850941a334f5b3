package io.citylake.gold;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/** Columns that many gold KPI tables share, with one wording of their comments. */
public final class GoldColumns {
  private GoldColumns() {}

  /** The KPI a row of a table about several KPIs is about. */
  public static GoldColumn kpiId() {
    return new GoldColumn("kpi_id", DataTypes.StringType, "KPI id of the data contract");
  }

  public static GoldColumn municipality() {
    return new GoldColumn("municipality", DataTypes.StringType, "municipality slug");
  }

  public static GoldColumn period(Grain grain) {
    String comment = switch (grain) {
      case DAY -> "KPI day (JST); partition column";
      case MONTH -> "first day of the KPI month; partition column";
      case YEAR -> "first day of the KPI year; partition column";
    };
    return new GoldColumn(grain.column(), DataTypes.DateType, comment);
  }

  public static GoldColumn hourStart() {
    return new GoldColumn("hour_start", DataTypes.TimestampType,
        "start of the JST clock hour (events after midnight stay in their service day dt)");
  }

  public static GoldColumn value(String name, String comment) {
    return new GoldColumn(name, DataTypes.DoubleType, comment);
  }

  public static GoldColumn count(String name, String comment) {
    return new GoldColumn(name, DataTypes.LongType, comment);
  }

  public static GoldColumn text(String name, String comment) {
    return new GoldColumn(name, DataTypes.StringType, comment);
  }

  public static GoldColumn typed(String name, DataType type, String comment) {
    return new GoldColumn(name, type, comment);
  }

  /** The count of distinct persons (cards, respondents) behind a person-based cell. */
  public static GoldColumn persons() {
    return new GoldColumn("persons", DataTypes.LongType,
        "distinct pseudonymised persons behind the cell; values are suppressed below k = 10");
  }

  /** The count of source records behind a record-based cell. */
  public static GoldColumn records(String what) {
    return new GoldColumn("records", DataTypes.LongType,
        "number of " + what + " behind the cell (record-based KPI: not subject to k-anonymity)");
  }

  public static GoldColumn suppressed() {
    return new GoldColumn(KAnonymity.SUPPRESSED, DataTypes.BooleanType,
        "true when the cell came from fewer than k persons and its values were nulled");
  }
}
