package io.citylake.conform.datasets;

import static io.citylake.conform.TypedColumn.cast;
import static io.citylake.conform.TypedColumn.text;
import static io.citylake.conform.TypedColumn.timestamp;

import io.citylake.conform.Conformer;
import io.citylake.conform.Rule;
import io.citylake.conform.TypedColumn;
import io.citylake.contract.RawDataset;
import io.citylake.contract.Vocabulary;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;

/** Evacuation alerts with the area they cover. */
public final class DisasterAlertsConformer implements Conformer {
  private static final String WKT = "nullif(trim(area_wkt), '')";
  private static final String POLYGON_WKT =
      "CASE WHEN " + WKT + " RLIKE '^(MULTI)?POLYGON\\\\s*\\\\(\\\\(.*\\\\)\\\\)$'"
          + " THEN ST_GeomFromWKT(" + WKT + ") END";

  @Override
  public RawDataset dataset() {
    return RawDataset.DISASTER_ALERTS;
  }

  @Override
  public String description() {
    return "One evacuation alert (level 1-5) with its area polygon and validity";
  }

  @Override
  public List<TypedColumn> columns() {
    return List.of(
        text("alert_id", true, "alert identifier (natural key)"),
        text("municipality", true, "municipality slug"),
        cast("level", DataTypes.IntegerType, true, "alert level 1 (lowest) to 5"),
        new TypedColumn("area_wkb", DataTypes.BinaryType, "ST_AsBinary(" + POLYGON_WKT + ")",
            java.util.Optional.of("area_wkt"), true, "alert area as WKB polygon"),
        TypedColumn.derived("area_lon", DataTypes.DoubleType,
            "ST_X(ST_Centroid(" + POLYGON_WKT + "))", "longitude of the area's centroid"),
        TypedColumn.derived("area_lat", DataTypes.DoubleType,
            "ST_Y(ST_Centroid(" + POLYGON_WKT + "))", "latitude of the area's centroid"),
        timestamp("issued_at", true, "when the alert was issued"),
        timestamp("lifted_at", false, "when it was lifted; null while in force"));
  }

  @Override
  public List<String> naturalKey() {
    return List.of("alert_id");
  }

  @Override
  public List<Rule> rules() {
    return List.of(
        Rule.oneOf("municipality", Vocabulary.MUNICIPALITIES),
        Rule.between("level", 1, 5),
        Rule.inJapan("area_lon", "area_lat"),
        new Rule("lifted before issued",
            "lifted_at IS NOT NULL AND issued_at IS NOT NULL AND lifted_at < issued_at")
            .on("issued_at", "lifted_at"));
  }
}
