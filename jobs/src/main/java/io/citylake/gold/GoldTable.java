package io.citylake.gold;

import io.citylake.job.TableRef;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A gold table's name, description, commented columns and partition column, declared once so
 * the writer, the job's outputs and the data dictionary agree. Every table gets a trailing
 * {@code build_run_id} column: the run that last rebuilt the row.
 */
public record GoldTable(
    String name, String description, List<GoldColumn> columns, List<String> partitionBy) {
  public static final String BUILD_RUN_ID = "build_run_id";

  /**
   * Column names that identify a row of a gold table: gold names its keys the same in every
   * table, so a gold table's grain is the key columns it has (the data dictionary shows them;
   * suppression names its cells by them).
   */
  public static final java.util.Set<String> KEY_COLUMNS = java.util.Set.of("kpi_id", "job",
      "source", "municipality", "shelter_id", "item", "route_id", "stop_id", "survey_date",
      "year", "month", "dt", "hour_start", "counted_at", "area_level", "area_id");

  public GoldTable {
    List<GoldColumn> all = new ArrayList<>(columns);
    if (all.stream().noneMatch(c -> c.name().equals(BUILD_RUN_ID))) {
      all.add(new GoldColumn(BUILD_RUN_ID, DataTypes.StringType,
          "run id of the night that last rebuilt this row"));
    }
    columns = List.copyOf(all);
    partitionBy = List.copyOf(partitionBy);
  }

  public StructType schema() {
    StructType schema = new StructType();
    for (GoldColumn column : columns) {
      schema = schema.add(column.field());
    }
    return schema;
  }

  /** The columns a job's rows bring: all but {@code build_run_id}, which the writer stamps. */
  public StructType inputSchema() {
    StructType schema = new StructType();
    for (GoldColumn column : columns) {
      if (!column.name().equals(BUILD_RUN_ID)) {
        schema = schema.add(column.field());
      }
    }
    return schema;
  }

  /** The key columns of this table ({@link #KEY_COLUMNS} it has), in column order. */
  public List<String> keyColumns() {
    return columns.stream().map(GoldColumn::name).filter(KEY_COLUMNS::contains).toList();
  }

  public TableRef ref() {
    return TableRef.gold(name);
  }
}
