package io.citylake.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalog;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each served Delta table's columns into its metastore entry before the JDBC endpoint
 * serves it. A Delta table's entry holds no columns (they live in its log), and Spark's Thrift
 * server answers {@code DatabaseMetaData.getColumns}, which DBeaver's navigator and BI tools use
 * to show a table's columns, from the entry alone: without this they list none.
 *
 * <p>Only the entry changes, never the lake: Delta reads and writes the tables through their log
 * and paths and ignores these columns. An entry whose columns already match is left alone, so a
 * restarted endpoint writes nothing; a table whose schema changed gets its new columns.
 */
final class ServedColumns {
  private static final Logger LOG = LoggerFactory.getLogger(ServedColumns.class);
  private final SparkSession served;

  ServedColumns(SparkSession served) {
    this.served = served;
  }

  /** Aligns the entries of the Delta tables of {@code databases}; returns the tables updated. */
  List<String> align(Set<String> databases) {
    ExternalCatalog catalog = served.sharedState().externalCatalog();
    List<String> updated = new ArrayList<>();
    for (CatalogTable entry : ServedTables.entries(served, databases)) {
      if (!entry.provider().isDefined() || !entry.provider().get().equalsIgnoreCase("delta")) {
        continue;
      }
      String database = entry.identifier().database().get();
      String table = entry.identifier().table();
      try {
        StructType columns = served.table(database + "." + table).schema();
        if (!entry.schema().equals(columns)) {
          catalog.alterTableDataSchema(database, table, columns);
          updated.add(database + "." + table);
        }
      } catch (Exception e) {
        // an unreadable table is still served (the warm-up reports it); it lists no columns
        LOG.warn("Cannot list the columns of {}.{} for JDBC clients: {}", database, table,
            String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
      }
    }
    return updated;
  }
}
