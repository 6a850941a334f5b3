package io.citylake.report;

import static org.apache.spark.sql.functions.col;

import io.citylake.conform.ConformAccounting;
import io.citylake.contract.Vocabulary;
import io.citylake.gold.Grain;
import io.citylake.gold.KAnonymity;
import io.citylake.job.JobTables;
import io.citylake.job.TableRef;
import io.citylake.kpi.GrowthPath;
import io.citylake.kpi.KpiDefinition;
import io.citylake.kpi.KpiHeadline;
import io.citylake.kpi.KpiHeadlineSeries;
import io.citylake.kpi.YearType;
import io.citylake.lake.CityLakeException;
import io.citylake.lake.CollectedRows;
import io.delta.tables.DeltaTable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;

/**
 * Reads what the KPI report shows from the published gold tables, by path, into plain records:
 * the catalogue (one row per KPI and municipality), each KPI's headline series of the last 366
 * days (as the catalogue wrote it, {@link KpiHeadlineSeries}, or by its definition,
 * {@link KpiHeadline}), the latest shelter stock, the maps ({@link GoldMapReader})
 * and the freshness facts. Every read is aggregated or bounded before it is collected (a few
 * thousand rows at most). The one non-gold read is {@code silver.conform_accounting}: the
 * quarantine counts per dataset and day are published nowhere in gold, and that table holds
 * counts only, no personal data.
 */
public final class GoldReportReader {
  static final String VERB = "write the KPI report";
  static final int SHELTER_ROWS = 25;

  private final SparkSession spark;
  private final JobTables tables;
  private final boolean seriesOfCatalogue;

  /**
   * Reads gold through {@code tables}: the report job's declared inputs. The pipeline runs the
   * report after {@code kpi.catalogue}, which ran on the KPI tables as they are now (or was
   * skipped because they had not changed), so the series it wrote for the day are read from
   * {@code gold.kpi_headline_series}.
   */
  public GoldReportReader(SparkSession spark, JobTables tables) {
    this(spark, tables, true);
  }

  /**
   * Reads any table of the lake at {@code paths} (the {@code report} command): the series from
   * the KPI tables themselves, which may have changed since the last night (a restore, a
   * correction).
   */
  public GoldReportReader(SparkSession spark, io.citylake.lake.LakePaths paths) {
    this(spark, JobTables.unchecked(spark, paths), false);
  }

  private GoldReportReader(SparkSession spark, JobTables tables, boolean seriesOfCatalogue) {
    this.spark = spark;
    this.tables = tables;
    this.seriesOfCatalogue = seriesOfCatalogue;
  }

  /** The newest service day gold was built from. */
  public LocalDate latestDay() {
    Row row = table("kpi_watermarks").agg(functions.max("dt")).first();
    if (row.isNullAt(0)) {
      throw CityLakeException.badInput(VERB, "gold.kpi_watermarks is empty; run the nightly"
          + " pipeline first", tables.pathToRead(TableRef.gold("kpi_watermarks")));
    }
    return row.getDate(0).toLocalDate();
  }

  public ReportData read(LocalDate day) {
    Freshness freshness = freshness(day);
    if (day.isBefore(freshness.firstDay()) || day.isAfter(freshness.lastDay())) {
      throw CityLakeException.badInput(VERB, "gold has no data for the day; gold covers "
          + freshness.firstDay() + " to " + freshness.lastDay(), day);
    }
    Map<String, List<KpiEntry>> kpis = kpis(day);
    Map<String, ShelterSupply> shelters = shelters(day);
    Map<String, List<MapLayer>> maps =
        new GoldMapReader(tables).layers(Vocabulary.MUNICIPALITIES, day);
    List<ReportData.MunicipalityReport> sections = new ArrayList<>();
    for (String m : Vocabulary.MUNICIPALITIES) {
      sections.add(new ReportData.MunicipalityReport(m, kpis.getOrDefault(m, List.of()),
          maps.get(m), shelters.getOrDefault(m, new ShelterSupply(List.of(), 0, 0))));
    }
    return new ReportData(day, sections, freshness);
  }

  private Map<String, List<KpiEntry>> kpis(LocalDate day) {
    Map<String, Map<String, Series>> series = series(day);
    Map<String, List<KpiEntry>> kpis = new HashMap<>();
    List<Row> catalogue = table("kpi_catalogue").collectAsList();
    for (KpiDefinition kpi : KpiDefinition.values()) {
      for (Row r : catalogue) {
        if (!kpi.id().equals(r.getAs("kpi_id"))) {
          continue;
        }
        String m = r.getAs("municipality");
        Series s = series.getOrDefault(kpi.id(), Map.of()).getOrDefault(m, Series.EMPTY);
        Date latestPeriod = r.getAs("latest_period");
        kpis.computeIfAbsent(m, x -> new ArrayList<>()).add(new KpiEntry(kpi.id(), m,
            r.getAs("definition"), r.getAs("unit"), r.getAs("direction"), r.getAs("baseline"),
            r.getAs("baseline_year"), r.getAs("target"), r.getAs("target_year"),
            r.getAs("target_unit"), r.getAs("latest_value"),
            latestPeriod == null ? null : latestPeriod.toLocalDate(),
            KpiHeadline.find(kpi).map(KpiHeadline::latestGrain).orElse(Grain.YEAR),
            r.getAs("status"), s.dayValue(day), s.suppressedOn(day), s.points(),
            s.suppressedDays().size(), goal(r)));
      }
    }
    return kpis;
  }

  /** The catalogue row's year type, growth path and reporter. */
  private static KpiEntry.Goal goal(Row r) {
    Double base = r.getAs("path_base");
    java.util.Optional<GrowthPath> path = base == null ? java.util.Optional.empty()
        : java.util.Optional.of(new GrowthPath(base, r.<Integer>getAs("path_base_year"),
            r.<Double>getAs("path_rate"), r.<Integer>getAs("path_start_year")));
    return new KpiEntry.Goal(YearType.parse(r.getAs("year_type")), path,
        "reported".equals(r.getAs("value_source"))
            ? java.util.Objects.requireNonNullElse(r.getAs("reported_by"), "") : null);
  }

  /** A KPI's headline series per municipality, and which of its days were suppressed. */
  private record Series(List<KpiEntry.Point> points, List<LocalDate> suppressedDays) {
    static final Series EMPTY = new Series(new ArrayList<>(), new ArrayList<>());

    Double dayValue(LocalDate day) {
      return points.stream().filter(p -> p.day().equals(day)).findFirst()
          .map(KpiEntry.Point::value).orElse(null);
    }

    boolean suppressedOn(LocalDate day) {
      return dayValue(day) == null && suppressedDays.contains(day);
    }
  }

  /**
   * Every KPI's headline series per municipality for the year up to {@code day}, and which of its
   * days were suppressed: one collect for all KPIs.
   */
  private Map<String, Map<String, Series>> series(LocalDate day) {
    Map<String, Map<String, Series>> series = new HashMap<>();
    for (Row row : seriesRows(day)) {
      Series s = series.computeIfAbsent(row.getString(0), k -> new HashMap<>())
          .computeIfAbsent(row.getString(1), m -> new Series(new ArrayList<>(), new ArrayList<>()));
      LocalDate d = row.getDate(2).toLocalDate();
      if (!row.isNullAt(3)) {
        s.points().add(new KpiEntry.Point(d, row.getDouble(3)));
      } else if (row.getInt(4) == 1) {
        s.suppressedDays().add(d);
      }
    }
    return series;
  }

  /**
   * The series rows, ordered by KPI, municipality and day: kpi_id, municipality, day, value,
   * suppressed (0 or 1). In the report job, the catalogue wrote them for the night's day to
   * {@code gold.kpi_headline_series} (one small read). Otherwise, and for a lake written before
   * that table existed, they are read from every KPI's own gold table in one union.
   */
  private List<Row> seriesRows(LocalDate day) {
    TableRef written = TableRef.gold(KpiHeadlineSeries.NAME);
    if (seriesOfCatalogue && tables.exists(written)) {
      List<Row> rows = CollectedRows.orderedBy(tables.read(written)
          .where(col("as_of").equalTo(Date.valueOf(day)))
          .select(col("kpi_id"), col("municipality"), col("dt").as("day"), col("value"),
              col(KAnonymity.SUPPRESSED).cast("int").as(KAnonymity.SUPPRESSED)),
          "kpi_id", "municipality", "day");
      if (!rows.isEmpty()) {
        return rows;
      }
    }
    List<Dataset<Row>> parts = new ArrayList<>();
    for (KpiDefinition kpi : KpiDefinition.measuredKpis()) {
      KpiHeadline h = KpiHeadline.of(kpi);
      TableRef table = TableRef.gold(h.table());
      if (tables.exists(table)) {
        parts.add(h.seriesWithSuppressed(tables.read(table), day.minusDays(365), day)
            .select(functions.lit(kpi.id()).as("kpi_id"), col("municipality"), col("day"),
                col("value"), col(KAnonymity.SUPPRESSED)));
      }
    }
    return parts.isEmpty() ? List.of() : CollectedRows.orderedBy(
        parts.stream().reduce(Dataset::unionAll).orElseThrow(), "kpi_id", "municipality", "day");
  }

  /**
   * Each municipality's shelter stock: its first {@link #SHELTER_ROWS} items (shortest days to
   * shortage first) with the municipality's item and warning counts on every row, in one query.
   */
  private Map<String, ShelterSupply> shelters(LocalDate day) {
    Map<String, ShelterSupply> result = new HashMap<>();
    TableRef shelters = TableRef.gold("shelter_days_to_shortage");
    if (!tables.exists(shelters)) {
      return result;
    }
    WindowSpec municipality = Window.partitionBy("municipality");
    Column warning = functions.when(col("days_to_shortage").lt(ShelterSupply.WARNING_DAYS), 1)
        .otherwise(0);
    Dataset<Row> ranked = tables.read(shelters)
        .where(col("is_latest").and(col("dt").leq(Date.valueOf(day))))
        .withColumn("_total", functions.count(functions.lit(1)).over(municipality))
        .withColumn("_warnings", functions.sum(warning).over(municipality))
        .withColumn("_rank", functions.row_number().over(municipality.orderBy(
            col("days_to_shortage").asc_nulls_last(), col("shelter_id"), col("item"))))
        .where(col("_rank").leq(SHELTER_ROWS));
    Map<String, List<Row>> rows = new HashMap<>();
    for (Row r : ranked.collectAsList()) {
      rows.computeIfAbsent(r.getAs("municipality"), m -> new ArrayList<>()).add(r);
    }
    // at most SHELTER_ROWS rows each: ordered here, not by a global sort (a shuffle) in Spark
    rows.values().forEach(items -> items.sort(
        java.util.Comparator.comparingInt(r -> r.<Integer>getAs("_rank"))));
    for (String m : Vocabulary.MUNICIPALITIES) {
      List<Row> items = rows.getOrDefault(m, List.of());
      long total = items.isEmpty() ? 0 : items.get(0).<Long>getAs("_total");
      long warnings = items.isEmpty() ? 0 : items.get(0).<Long>getAs("_warnings");
      result.put(m, new ShelterSupply(
          items.stream().map(GoldReportReader::shelterItem).toList(), total, warnings));
    }
    return result;
  }

  private static ShelterSupply.Item shelterItem(Row r) {
    java.sql.Timestamp counted = r.getAs("counted_at");
    return new ShelterSupply.Item(r.getAs("shelter_id"), r.getAs("item"),
        counted == null ? null : counted.toLocalDateTime(), r.getAs("stock"),
        r.getAs("headcount"), r.getAs("days_to_shortage"));
  }

  private Freshness freshness(LocalDate day) {
    Row days = table("kpi_watermarks").agg(functions.min("dt"), functions.max("dt")).first();
    if (days.isNullAt(0)) {
      throw CityLakeException.badInput(VERB, "gold.kpi_watermarks is empty; run the nightly"
          + " pipeline first", tables.pathToRead(TableRef.gold("kpi_watermarks")));
    }
    String catalogue = tables.pathToRead(TableRef.gold("kpi_catalogue"));
    Row run = table("kpi_catalogue").select("build_run_id").limit(1).collectAsList().stream()
        .findFirst().orElse(null);
    java.sql.Timestamp built = DeltaTable.forPath(spark, catalogue).history(1)
        .select("timestamp").first().getTimestamp(0);
    return new Freshness(run == null ? "—" : run.getString(0), built.toInstant(),
        days.getDate(0).toLocalDate(), days.getDate(1).toLocalDate(), quarantine(day));
  }

  private List<Freshness.Quarantined> quarantine(LocalDate day) {
    TableRef accounting = TableRef.silver(ConformAccounting.TABLE);
    if (!tables.exists(accounting)) {
      return List.of();
    }
    Dataset<Row> counts = tables.read(accounting).groupBy("dataset")
        .agg(functions.sum(functions.when(col("dt").equalTo(Date.valueOf(day)),
                col("quarantined_rows")).otherwise(0L)).cast("long"),
            functions.sum("quarantined_rows").cast("long"));
    return CollectedRows.orderedBy(counts, "dataset").stream()
        .map(r -> new Freshness.Quarantined(r.getString(0), r.getLong(1), r.getLong(2)))
        .toList();
  }

  private Dataset<Row> table(String name) {
    TableRef table = TableRef.gold(name);
    if (!tables.exists(table)) {
      throw CityLakeException.badInput(VERB, "gold." + name + " does not exist; run the nightly"
          + " pipeline first", tables.pathToRead(table));
    }
    return tables.read(table);
  }
}
