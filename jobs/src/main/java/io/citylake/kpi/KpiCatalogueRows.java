package io.citylake.kpi;

import java.sql.Date;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The catalogue table's columns and how one KPI and municipality becomes a row of it. */
final class KpiCatalogueRows {
  static final GoldTable TABLE = new GoldTable("kpi_catalogue",
      "One row per KPI and municipality: definition, unit, direction, baseline, target, latest"
          + " value, change vs baseline and on-track status (linear trend to the target year)",
      List.of(
          KpiColumns.text("kpi_id", "KPI id of the data contract"),
          KpiColumns.municipality(),
          KpiColumns.text("name", "KPI name"),
          KpiColumns.text("definition", "the city's definition"),
          KpiColumns.text("unit", "unit of latest_value"),
          KpiColumns.text("direction", "higher or lower is better"),
          KpiColumns.text("grains", "grains published in gold, ; separated"),
          KpiColumns.text("count_basis", "persons (k-anonymised) or records"),
          KpiColumns.text("gold_table", "gold table of the headline series"),
          KpiColumns.value("baseline", "the city's baseline (shares as fractions 0..1)"),
          KpiColumns.typed("baseline_year", DataTypes.IntegerType, "year of the baseline"),
          KpiColumns.value("target", "the city's target (shares as fractions 0..1)"),
          KpiColumns.typed("target_year", DataTypes.IntegerType, "year the target is due"),
          KpiColumns.text("target_unit", "unit of baseline and target as given by the city"),
          KpiColumns.value("latest_value", "newest published value (latest day, month or survey)"),
          KpiColumns.typed("latest_period", DataTypes.DateType, "first day of latest_value's period"),
          KpiColumns.value("change_vs_baseline", "latest_value minus baseline"),
          KpiColumns.count("series_points", "published values in the trend series (last 366 days)"),
          KpiColumns.value("projected_value", "least-squares trend value on 31 Dec of target_year"),
          KpiColumns.text("status", "achieved, on_track, off_track, missed, no_target,"
              + " not_comparable or insufficient_data")),
      List.of());

  private KpiCatalogueRows() {}

  /** The table's columns without build_run_id, for the frame the job builds. */
  static StructType inputSchema() {
    StructType schema = new StructType();
    for (GoldColumn column : TABLE.columns()) {
      if (!column.name().equals(GoldTable.BUILD_RUN_ID)) {
        schema = schema.add(column.field());
      }
    }
    return schema;
  }

  static Row row(KpiDefinition kpi, String municipality, KpiTarget target,
      Optional<SeriesPoint> latest, List<SeriesPoint> series, TargetJudgement judgement) {
    Double latestValue = latest.map(SeriesPoint::value).orElse(null);
    Double change = latestValue == null || target.baseline().isEmpty() ? null
        : latestValue - target.baseline().get();
    return RowFactory.create(kpi.id(), municipality, kpi.title(), kpi.definition(), kpi.unit(),
        target.direction().orElse(kpi.direction()).code(), String.join("; ", kpi.grains()),
        kpi.basis().column(), KpiHeadline.of(kpi).table(),
        target.baseline().orElse(null), target.baselineYear().orElse(null),
        target.target().orElse(null), target.targetYear().orElse(null),
        target.unit().orElse(null), latestValue,
        latest.map(p -> Date.valueOf(p.day())).orElse(null), change, (long) series.size(),
        judgement.projected().orElse(null), judgement.status().code());
  }

  /** A silver.ref_kpi_targets row as a value; empty cells become empty optionals. */
  static KpiTarget target(Row r) {
    return new KpiTarget(
        Optional.ofNullable((String) r.getAs("unit")),
        Optional.ofNullable((String) r.getAs("direction")).map(Direction::parse),
        Optional.ofNullable((Double) r.getAs("baseline")),
        Optional.ofNullable((Integer) r.getAs("baseline_year")),
        Optional.ofNullable((Double) r.getAs("target")),
        Optional.ofNullable((Integer) r.getAs("target_year")));
  }
}
