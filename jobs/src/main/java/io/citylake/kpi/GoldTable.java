package io.citylake.kpi;

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

  public TableRef ref() {
    return TableRef.gold(name);
  }
}
