package io.citylake.kpi;

import static org.apache.spark.sql.functions.col;

import io.citylake.conform.ReferenceTable;
import io.citylake.contract.Vocabulary;
import io.citylake.gold.GoldTables;
import io.citylake.gold.KAnonymity;
import io.citylake.job.Job;
import io.citylake.job.JobContext;
import io.citylake.job.JobResult;
import io.citylake.job.TableRef;
import io.citylake.lake.CollectedRows;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * {@code gold.kpi_catalogue}: one row per KPI and municipality with the definition, the city's
 * baseline and target (silver.ref_kpi_targets), the latest published value, its change against
 * the baseline and a status against the target of the judged calendar or fiscal year
 * ({@link TargetJudgement}). Outcomes the lake does not measure take their values from
 * silver.ref_kpi_observations (reported by the town). Reads the gold KPI tables' headline
 * series (published values of the last 366 days, suppressed days flagged: a few hundred rows,
 * collected to the driver) and judges them in plain Java. Small: recomputed in full.
 * No broadcasts; one small shuffle per series; overwrites gold.kpi_catalogue and
 * gold.kpi_headline_series, the series it read ({@link KpiHeadlineSeries}).
 */
public final class KpiCatalogue implements Job {
  @Override
  public String name() {
    return "kpi.catalogue";
  }

  @Override
  public String description() {
    return "Gold KPI catalogue: definition, baseline, target, latest value and on-track status"
        + " per KPI and municipality";
  }

  @Override
  public List<TableRef> inputs() {
    Set<TableRef> inputs = new LinkedHashSet<>();
    inputs.add(ReferenceTable.KPI_TARGETS.ref());
    inputs.add(ReferenceTable.KPI_OBSERVATIONS.ref());
    for (KpiDefinition kpi : KpiDefinition.measuredKpis()) {
      KpiHeadline headline = KpiHeadline.of(kpi);
      inputs.add(TableRef.gold(headline.table()));
      headline.latest().ifPresent(l -> inputs.add(TableRef.gold(l.table())));
    }
    return List.copyOf(inputs);
  }

  @Override
  public boolean pureOfDeclaredInputs() {
    return true;
  }

  @Override
  public List<TableRef> outputs() {
    return List.of(KpiCatalogueRows.TABLE.ref(), KpiHeadlineSeries.TABLE.ref());
  }

  @Override
  public JobResult run(JobContext context) {
    context.spark().sparkContext().setJobDescription(name());
    Map<String, KpiTarget> targets = targets(context);
    Map<String, Map<String, List<SeriesPoint>>> allSeries = new HashMap<>();
    Map<String, Map<String, SeriesPoint>> allLatest = new HashMap<>();
    List<Row> headlineRows = new ArrayList<>();
    readHeadlines(context, allSeries, allLatest, headlineRows);
    Map<String, List<KpiObservation>> reported = observations(context);
    List<Row> rows = new ArrayList<>();
    for (KpiDefinition kpi : KpiDefinition.values()) {
      Map<String, List<SeriesPoint>> series = allSeries.getOrDefault(kpi.id(), Map.of());
      Map<String, SeriesPoint> latest = allLatest.getOrDefault(kpi.id(), Map.of());
      for (String municipality : Vocabulary.MUNICIPALITIES) {
        List<SeriesPoint> points = series.getOrDefault(municipality, List.of());
        Optional<SeriesPoint> newest = Optional.ofNullable(latest.get(municipality))
            .or(() -> points.isEmpty() ? Optional.empty()
                : Optional.of(points.get(points.size() - 1)));
        KpiTarget target = targets.getOrDefault(kpi.id() + "/" + municipality, KpiTarget.none());
        if (!kpi.measured()) {
          List<KpiObservation> town = reported.getOrDefault(kpi.id() + "/" + municipality,
              List.of());
          List<SeriesPoint> values = town.stream().map(KpiObservation::point).toList();
          Optional<KpiObservation> last = town.stream().reduce((a, b) -> b);
          rows.add(KpiCatalogueRows.row(kpi, municipality, target,
              last.map(KpiObservation::point), values, TargetJudgement.judge(kpi, target, values),
              last.map(KpiObservation::reportedBy)));
          continue;
        }
        rows.add(KpiCatalogueRows.row(kpi, municipality, target, newest, points,
            TargetJudgement.judge(kpi, target, withLatest(points, newest)), Optional.empty()));
      }
    }
    long seriesWritten = GoldTables.overwrite(context, KpiHeadlineSeries.TABLE,
        context.spark().createDataFrame(headlineRows, KpiHeadlineSeries.TABLE.inputSchema()));
    Dataset<Row> frame =
        context.spark().createDataFrame(rows, KpiCatalogueRows.TABLE.inputSchema());
    long written = GoldTables.overwrite(context, KpiCatalogueRows.TABLE, frame);
    return JobResult.of(name(), 0, written + seriesWritten, Map.of("kpis",
        KpiDefinition.values().length, KpiHeadlineSeries.NAME, seriesWritten));
  }

  /** The trend series, with the latest value as its final point when it is newer. */
  private static List<SeriesPoint> withLatest(List<SeriesPoint> points,
      Optional<SeriesPoint> newest) {
    if (newest.isEmpty() || points.stream().anyMatch(p -> !p.day().isBefore(newest.get().day()))) {
      return points;
    }
    List<SeriesPoint> all = new ArrayList<>(points);
    all.add(newest.get());
    return all;
  }

  /**
   * Every KPI's trend series and latest value, as one union query and one collect (one query per
   * KPI and kind used to cost a planning round and a Spark job each); every day of the series,
   * suppressed ones included, also goes to {@code headlineRows}, the rows of
   * {@code gold.kpi_headline_series}.
   */
  private static void readHeadlines(JobContext context,
      Map<String, Map<String, List<SeriesPoint>>> series,
      Map<String, Map<String, SeriesPoint>> latest, List<Row> headlineRows) {
    List<Dataset<Row>> parts = new ArrayList<>();
    for (KpiDefinition kpi : KpiDefinition.measuredKpis()) {
      KpiHeadline headline = KpiHeadline.of(kpi);
      seriesRows(context, kpi, headline).ifPresent(parts::add);
      headline.latest().flatMap(l -> latestRows(context, kpi, l)).ifPresent(parts::add);
    }
    if (parts.isEmpty()) {
      return;
    }
    // kind, KPI, municipality, then day: each series' points oldest first
    List<Row> rows = CollectedRows.orderedBy(parts.stream().reduce(Dataset::unionAll)
        .orElseThrow(), "kind", "kpi_id", "municipality", "day");
    for (Row row : rows) {
      LocalDate day = row.getDate(3).toLocalDate();
      Double value = row.isNullAt(4) ? null : row.getDouble(4);
      if (!row.getString(0).equals("series")) {
        latest.computeIfAbsent(row.getString(1), k -> new HashMap<>())
            .put(row.getString(2), new SeriesPoint(day, value));
        continue;
      }
      headlineRows.add(KpiHeadlineSeries.row(row.getString(1), row.getString(2), day, value,
          row.getInt(5) == 1, context.runDate()));
      if (value != null) {
        series.computeIfAbsent(row.getString(1), k -> new HashMap<>())
            .computeIfAbsent(row.getString(2), m -> new ArrayList<>())
            .add(new SeriesPoint(day, value));
      }
    }
  }

  /**
   * The headline series of the last year, suppressed days included: kind, kpi_id,
   * municipality, day, value, suppressed.
   */
  private static Optional<Dataset<Row>> seriesRows(JobContext context, KpiDefinition kpi,
      KpiHeadline h) {
    TableRef table = TableRef.gold(h.table());
    if (!context.tables().exists(table)) {
      return Optional.empty();
    }
    LocalDate since = context.runDate().minusDays(365);
    return Optional.of(h.seriesWithSuppressed(context.tables().read(table), since,
            context.runDate())
        .select(functions.lit("series").as("kind"), functions.lit(kpi.id()).as("kpi_id"),
            col("municipality"), col("day"), col("value"), col(KAnonymity.SUPPRESSED)));
  }

  /**
   * The newest non-null value per municipality: kind, kpi_id, municipality, day, value and a
   * {@code suppressed} of 0.
   */
  private static Optional<Dataset<Row>> latestRows(JobContext context, KpiDefinition kpi,
      KpiHeadline.Latest l) {
    TableRef table = TableRef.gold(l.table());
    if (!context.tables().exists(table)) {
      return Optional.empty();
    }
    return Optional.of(context.tables().read(table)
        .where(col(l.valueColumn()).isNotNull())
        .where(col(l.periodColumn()).leq(java.sql.Date.valueOf(context.runDate())))
        .groupBy("municipality").agg(functions.max(functions.struct(
            col(l.periodColumn()).as("day"), col(l.valueColumn()).cast("double").as("value")))
            .as("newest"))
        .select(functions.lit("latest").as("kind"), functions.lit(kpi.id()).as("kpi_id"),
            col("municipality"), col("newest.day").as("day"), col("newest.value").as("value"),
            functions.lit(0).as(KAnonymity.SUPPRESSED)));
  }

  /**
   * The values the town reported, per KPI and municipality, oldest year first (a few rows,
   * collected to the driver).
   */
  private static Map<String, List<KpiObservation>> observations(JobContext context) {
    Map<String, List<KpiObservation>> observations = new HashMap<>();
    TableRef table = ReferenceTable.KPI_OBSERVATIONS.ref();
    if (!context.tables().exists(table)) {
      return observations;
    }
    for (Row r : CollectedRows.orderedBy(context.tables().read(table),
        "kpi_id", "municipality", "year")) {
      KpiObservation o = new KpiObservation(r.getAs("kpi_id"), r.getAs("municipality"),
          YearType.parse(r.getAs("year_type")), r.<Integer>getAs("year"), r.getAs("value"),
          r.getAs("unit"), r.getAs("source"), r.getAs("reported_by"),
          r.<java.sql.Date>getAs("reported_on").toLocalDate());
      observations.computeIfAbsent(o.kpiId() + "/" + o.municipality(), k -> new ArrayList<>())
          .add(o);
    }
    return observations;
  }

  private static Map<String, KpiTarget> targets(JobContext context) {
    Map<String, KpiTarget> targets = new HashMap<>();
    TableRef table = ReferenceTable.KPI_TARGETS.ref();
    if (!context.tables().exists(table)) {
      return targets;
    }
    for (Row r : context.tables().read(table).collectAsList()) {
      targets.put(r.getAs("kpi_id") + "/" + r.getAs("municipality"), KpiCatalogueRows.target(r));
    }
    return targets;
  }
}
