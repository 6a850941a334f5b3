package io.citylake.kpi;

import io.citylake.gold.GoldColumns;
import io.citylake.gold.GoldTable;
import java.sql.Date;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;

/** The catalogue table's columns and how one KPI and municipality becomes a row of it. */
final class KpiCatalogueRows {
  static final GoldTable TABLE = new GoldTable("kpi_catalogue",
      "One row per KPI and municipality: definition, unit, direction, baseline, the target of the"
          + " judged calendar or fiscal year (a growth path's value for it), latest value"
          + " (measured, or reported by the town), change vs baseline and status",
      List.of(
          GoldColumns.kpiId(),
          GoldColumns.municipality(),
          GoldColumns.text("name", "KPI name"),
          GoldColumns.text("definition", "the city's definition"),
          GoldColumns.text("unit", "unit of latest_value"),
          GoldColumns.text("direction", "higher or lower is better"),
          GoldColumns.text("grains", "grains published in gold, ; separated"),
          GoldColumns.text("count_basis", "persons (k-anonymised) or records"),
          GoldColumns.text("gold_table",
              "gold table of the headline series (null: reported by the town)"),
          GoldColumns.value("baseline", "the city's baseline (shares as fractions 0..1)"),
          GoldColumns.typed("baseline_year", DataTypes.IntegerType,
              "year of the baseline (calendar or fiscal, see year_type)"),
          GoldColumns.value("target", "the city's target for target_year (shares as fractions"
              + " 0..1); for a growth path, the path's value for the judged year"),
          GoldColumns.typed("target_year", DataTypes.IntegerType, "year the target is due; for a"
              + " growth path, the judged year (the one the newest data fall in)"),
          GoldColumns.text("year_type", "calendar, or fiscal (年度, April to March: FY2024 ends"
              + " 2025-03-31), for baseline_year, target_year and the path's years"),
          GoldColumns.value("path_base", "growth path: the level to regain (null: no path)"),
          GoldColumns.typed("path_base_year", DataTypes.IntegerType,
              "growth path: the year of path_base"),
          GoldColumns.value("path_rate", "growth path: annual growth rate (0.1 = +10 %/yr)"),
          GoldColumns.typed("path_start_year", DataTypes.IntegerType,
              "growth path: first year of growth; target = path_base x (1 + path_rate)"
                  + "^(year - path_start_year + 1)"),
          GoldColumns.text("target_unit", "unit of baseline and target as given by the city"),
          GoldColumns.value("latest_value", "newest published value (latest day, month or survey),"
              + " or newest value reported by the town"),
          GoldColumns.typed("latest_period", DataTypes.DateType,
              "first day of latest_value's period"),
          GoldColumns.text("value_source", "measured (computed by the lake) or reported (by the"
              + " town, reference/kpi_observations.csv)"),
          GoldColumns.text("reported_by", "who reported latest_value, when reported"),
          GoldColumns.value("change_vs_baseline", "latest_value minus baseline"),
          GoldColumns.count("series_points", "values in the trend series (last 366 days, or the"
              + " town's reported years)"),
          GoldColumns.value("projected_value", "least-squares trend value on the last day of the"
              + " judged year, when at least 91 days of data allow a trend"),
          GoldColumns.text("status", "achieved, on_track, off_track, missed, no_target,"
              + " not_comparable or insufficient_data"),
          GoldColumns.text("status_reason", "why the status is what it is, in one sentence")),
      List.of());

  private KpiCatalogueRows() {}

  /**
   * One catalogue row.
   *
   * @param reportedBy who reported the latest value, when the town reported it
   */
  static Row row(KpiDefinition kpi, String municipality, KpiTarget target,
      Optional<SeriesPoint> latest, List<SeriesPoint> series, TargetJudgement judgement,
      Optional<String> reportedBy) {
    Double latestValue = latest.map(SeriesPoint::value).orElse(null);
    Double change = latestValue == null || target.baseline().isEmpty() ? null
        : latestValue - target.baseline().get();
    Optional<GrowthPath> path = target.path();
    Double goal = path.isPresent() ? judgement.periodGoal().orElse(null)
        : target.target().orElse(null);
    Integer goalYear = path.isPresent() ? judgement.periodYear().orElse(null)
        : target.targetYear().orElse(null);
    return RowFactory.create(kpi.id(), municipality, kpi.title(), kpi.definition(), kpi.unit(),
        target.direction().orElse(kpi.direction()).code(), String.join("; ", kpi.grains()),
        kpi.basis().column(), KpiHeadline.find(kpi).map(KpiHeadline::table).orElse(null),
        target.baseline().orElse(null), target.baselineYear().orElse(null),
        goal, goalYear, target.yearType().code(),
        path.map(GrowthPath::base).orElse(null), path.map(GrowthPath::baseYear).orElse(null),
        path.map(GrowthPath::annualRate).orElse(null),
        path.map(GrowthPath::startYear).orElse(null),
        target.unit().orElse(null), latestValue,
        latest.map(p -> Date.valueOf(p.day())).orElse(null),
        kpi.measured() ? "measured" : "reported", reportedBy.orElse(null), change,
        (long) series.size(), judgement.projected().orElse(null), judgement.status().code(),
        judgement.reason());
  }

  /** A silver.ref_kpi_targets row as a value; empty cells become empty optionals. */
  static KpiTarget target(Row r) {
    Optional<GrowthPath> path = Optional.ofNullable((Double) r.getAs("path_base"))
        .map(base -> {
          if (r.getAs("path_base_year") == null || r.getAs("path_rate") == null
              || r.getAs("path_start_year") == null) {
            throw io.citylake.lake.CityLakeException.badInput("read the growth path of "
                + r.getAs("kpi_id") + " in " + r.getAs("municipality"), "path_base needs"
                + " path_base_year, path_rate and path_start_year", r.mkString(","));
          }
          return new GrowthPath(base, r.<Integer>getAs("path_base_year"),
              r.<Double>getAs("path_rate"), r.<Integer>getAs("path_start_year"));
        });
    return new KpiTarget(
        Optional.ofNullable((String) r.getAs("unit")),
        Optional.ofNullable((String) r.getAs("direction")).map(Direction::parse),
        Optional.ofNullable((Double) r.getAs("baseline")),
        Optional.ofNullable((Integer) r.getAs("baseline_year")),
        Optional.ofNullable((Double) r.getAs("target")),
        Optional.ofNullable((Integer) r.getAs("target_year")),
        YearType.parse(r.getAs("year_type")), path);
  }
}
