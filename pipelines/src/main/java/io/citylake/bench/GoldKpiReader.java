package io.citylake.bench;

import io.citylake.lake.DeltaTables;
import io.citylake.lake.LakePaths;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads the compared columns of gold's KPI tables by path with Spark SQL, as the pipeline left
 * them, for {@link KpiComparison}. A table the night never wrote reads as no cells, which the
 * comparison reports as missing. Collects one small aggregate table at a time (municipality ×
 * period rows).
 */
public final class GoldKpiReader {
  private final SparkSession spark;
  private final LakePaths paths;

  public GoldKpiReader(SparkSession spark, LakePaths paths) {
    this.spark = spark;
    this.paths = paths;
  }

  public List<KpiCell> read(List<ComparedKpi> kpis) {
    List<KpiCell> cells = new ArrayList<>();
    for (ComparedKpi kpi : kpis) {
      String path = paths.gold(kpi.table());
      if (DeltaTables.exists(spark, path)) {
        cells.addAll(read(kpi, path));
      }
    }
    return cells;
  }

  private List<KpiCell> read(ComparedKpi kpi, String path) {
    List<Row> rows = spark.sql("SELECT municipality, CAST(" + kpi.periodColumn()
        + " AS STRING), " + String.join(", ", kpi.columns()) + " FROM delta.`" + path + "`")
        .collectAsList();
    List<KpiCell> cells = new ArrayList<>();
    for (Row row : rows) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (int i = 0; i < kpi.columns().size(); i++) {
        values.put(kpi.columns().get(i), row.isNullAt(i + 2) ? null : row.get(i + 2));
      }
      cells.add(new KpiCell(kpi.table(), row.getString(0), LocalDate.parse(row.getString(1)),
          values));
    }
    return cells;
  }
}
