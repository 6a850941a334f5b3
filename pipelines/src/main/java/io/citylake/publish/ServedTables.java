package io.citylake.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalog;
import scala.collection.JavaConverters;

/**
 * The metastore entries of the tables the JDBC endpoint serves, read from the metastore itself:
 * listing them loads no Delta snapshot.
 */
final class ServedTables {
  private ServedTables() {}

  /** The entries of every table and view of {@code databases}, database by database. */
  static List<CatalogTable> entries(SparkSession served, Set<String> databases) {
    ExternalCatalog catalog = served.sharedState().externalCatalog();
    List<CatalogTable> entries = new ArrayList<>();
    for (String database : new TreeSet<>(databases)) {
      if (catalog.databaseExists(database)) {
        entries.addAll(JavaConverters.seqAsJavaList(
            catalog.getTablesByName(database, catalog.listTables(database))));
      }
    }
    return entries;
  }
}
