package io.citylake.conform;

import java.util.Optional;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * One silver column: its type, the Spark SQL expression that computes it from bronze's text
 * fields, and the raw field it comes from, which decides the automatic rules {@code missing <field>}
 * (required but empty) and {@code unparsable <field>} (present but the expression gave null).
 */
public record TypedColumn(
    String name, DataType type, String sql, Optional<String> source, boolean required,
    String comment) {

  /** A text field taken as is (trimmed; empty becomes null). */
  public static TypedColumn text(String name, boolean required, String comment) {
    return new TypedColumn(name, DataTypes.StringType, "nullif(trim(" + name + "), '')",
        Optional.of(name), required, comment);
  }

  /**
   * A field cast to {@code type} with {@code try_cast}, so bad values become null and flagged.
   * {@code NaN} is not a number either: Spark casts it to a double NaN, which would then break
   * a range rule under a misleading name, so it is made null (hence {@code unparsable}) too.
   */
  public static TypedColumn cast(String name, DataType type, boolean required, String comment) {
    String cast = "try_cast(nullif(trim(" + name + "), '') AS " + type.sql() + ")";
    if (type.equals(DataTypes.DoubleType) || type.equals(DataTypes.FloatType)) {
      cast = "nanvl(" + cast + ", CAST(NULL AS " + type.sql() + "))";
    }
    return new TypedColumn(name, type, cast, Optional.of(name), required, comment);
  }

  /**
   * SQL string literal of the pattern of an ISO-8601 time with offset ({@code +09:00} or
   * {@code Z}), the form the contract asks for.
   */
  public static final String ZONED_TIME = "'^\\\\d{4}-\\\\d{2}-\\\\d{2}T\\\\d{2}:\\\\d{2}(:\\\\d{2}(\\\\.\\\\d+)?)?"
      + "(Z|[+-]\\\\d{2}:?\\\\d{2})$'";

  /** An ISO-8601 timestamp with offset ({@code +09:00} or {@code Z}), normalised to an instant. */
  public static TypedColumn timestamp(String name, boolean required, String comment) {
    return new TypedColumn(name, DataTypes.TimestampType,
        "CASE WHEN " + name + " RLIKE " + ZONED_TIME + " THEN try_cast(" + name
            + " AS TIMESTAMP) END",
        Optional.of(name), required, comment);
  }

  /** The keyed pseudonym of a personal identifier, which itself never reaches silver. */
  public static TypedColumn pseudonym(String name, String source, String comment) {
    return new TypedColumn(name, DataTypes.StringType,
        ConformFunctions.PSEUDONYM + "(nullif(trim(" + source + "), ''))", Optional.of(source),
        true, comment);
  }

  /** A column computed by any expression over bronze fields; checked only by explicit rules. */
  public static TypedColumn derived(String name, DataType type, String sql, String comment) {
    return new TypedColumn(name, type, sql, Optional.empty(), false, comment);
  }
}
