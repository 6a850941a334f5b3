package io.citylake.publish;

import io.citylake.job.TableRef;
import java.util.Optional;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.catalog.CatalogStorageFormat;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.catalog.CatalogTable$;
import org.apache.spark.sql.catalyst.catalog.CatalogTableType;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalog;
import org.apache.spark.sql.types.StructType;
import scala.Option;
import scala.collection.immutable.Map$;

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
      drop(table);
    }
    spark.sessionState().catalog().createTable(
        deltaEntry(database, table.table(), location, comment), false, false);
  }

  /** Removes the entry of {@code layer.table}, if any; the table's files stay where they are. */
  public void drop(TableRef table) {
    spark.sessionState().catalog().dropTable(
        new TableIdentifier(table.table(), Option.apply(table.layer().directory())), true, false);
  }

  /**
   * The catalogue entry Delta itself writes for {@code CREATE TABLE ... USING DELTA LOCATION} on
   * an existing table: provider {@code delta}, the location, the comment, and no schema,
   * properties or partition columns, which stay in the Delta log ({@code
   * CreateDeltaTableCommand.cleanupTableDefinition}). Written directly because Delta's command
   * first loads and checks the table's snapshot, for each of about seventy tables a night, while
   * the jobs that just wrote them already did.
   */
  private static CatalogTable deltaEntry(
      String database, String table, String location, String comment) {
    CatalogStorageFormat storage = new CatalogStorageFormat(
        Option.apply(new Path(location).toUri()),
        Option.empty(), Option.empty(), Option.empty(), false, Map$.MODULE$.empty());
    CatalogTable$ defaults = CatalogTable$.MODULE$;
    return new CatalogTable(
        new TableIdentifier(table, Option.apply(database)),
        CatalogTableType.EXTERNAL(),
        storage,
        new StructType(),
        Option.apply("delta"),
        defaults.apply$default$6(),
        defaults.apply$default$7(),
        defaults.apply$default$8(),
        System.currentTimeMillis(),
        defaults.apply$default$10(),
        defaults.apply$default$11(),
        defaults.apply$default$12(),
        defaults.apply$default$13(),
        defaults.apply$default$14(),
        Option.apply(comment),
        defaults.apply$default$16(),
        true,
        defaults.apply$default$18(),
        defaults.apply$default$19(),
        defaults.apply$default$20());
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
    return new Path(location).toUri().getPath().replaceAll("/+$", "");
  }
}
