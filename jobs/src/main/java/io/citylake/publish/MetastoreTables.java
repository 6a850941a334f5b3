package io.citylake.publish;

import io.citylake.job.TableRef;
import java.util.Optional;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalog;
import org.apache.spark.sql.SparkSession;

/**
 * Registers lake tables in the metastore as external Delta tables ({@code bronze.transit_taps}),
 * so analysts, the SQL shell and JDBC clients find them by name. Data stay where jobs wrote them.
 */
public final class MetastoreTables {
  private final SparkSession spark;

  public MetastoreTables(SparkSession spark) {
    this.spark = spark;
  }

  /** Creates or re-points {@code layer.table} at {@code location}; a no-op when already there. */
  public void register(TableRef table, String location, String comment) {
    String database = table.layer().directory();
    if (!spark.sharedState().externalCatalog().databaseExists(database)) {
      spark.sql("CREATE DATABASE IF NOT EXISTS " + database);
    }
    String name = database + "." + table.table();
    Optional<String> current = location(name);
    if (current.isPresent() && sameLocation(current.get(), location)) {
      return;
    }
    if (current.isPresent()) {
      spark.sql("DROP TABLE " + name);
    }
    spark.sql("CREATE TABLE " + name + " USING DELTA LOCATION '" + escape(location) + "'"
        + " COMMENT '" + escape(comment) + "'");
  }

  /** The registered location of a table, if the table exists. */
  public Optional<String> location(String qualifiedName) {
    String[] parts = qualifiedName.split("\\.", 2);
    // ask the metastore directly: DESCRIBE would load each Delta table's snapshot
    ExternalCatalog catalog = spark.sharedState().externalCatalog();
    if (!catalog.databaseExists(parts[0]) || !catalog.tableExists(parts[0], parts[1])) {
      return Optional.empty();
    }
    return Optional.of(catalog.getTable(parts[0], parts[1]).location().toString());
  }

  private static boolean sameLocation(String a, String b) {
    return normalise(a).equals(normalise(b));
  }

  private static String normalise(String location) {
    return new org.apache.hadoop.fs.Path(location).toUri().getPath().replaceAll("/+$", "");
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("'", "\\'");
  }
}
