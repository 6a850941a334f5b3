package io.citylake.publish;

import io.citylake.lake.CityLakeException;
import io.citylake.lake.LakeConfig;
import io.citylake.lake.LakeLocation;
import io.citylake.lake.Layer;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.TableIdentifier;
import org.apache.spark.sql.catalyst.catalog.CatalogStorageFormat;
import org.apache.spark.sql.catalyst.catalog.CatalogTable;
import org.apache.spark.sql.catalyst.catalog.CatalogTableType;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalog;
import scala.Option;
import scala.collection.JavaConverters;

/**
 * Makes the metastore's {@code bronze}, {@code silver} and {@code gold} tables resolve inside the
 * lake a command was given, before the command reads anything.
 *
 * <p>The metastore records absolute locations. A copied lake carries a metastore that still
 * points at the lake it was copied from, a moved lake one that points where it used to be, and a
 * test JVM (or a cluster) has one metastore for several lakes. So every command that opens a lake
 * first compares each registered table's location with the lake root (a few metastore calls, no
 * Delta snapshot is read) and, for each table outside it, re-points the table at
 * {@code <lake>/<layer>/<table>} when this lake has that Delta table, or drops the registration
 * (never the data) when it has not. No table then reads outside the lake.
 */
public final class LakeCatalog {
  private final SparkSession spark;

  public LakeCatalog(SparkSession spark) {
    this.spark = spark;
  }

  /** What {@link #resolveUnder} changed: tables re-pointed and registrations dropped. */
  public record Changes(List<String> repointed, List<String> dropped) {
    public Changes {
      repointed = List.copyOf(repointed);
      dropped = List.copyOf(dropped);
    }

    public boolean none() {
      return repointed.isEmpty() && dropped.isEmpty();
    }
  }

  /** Re-points or drops every layer table registered outside {@code config}'s lake root. */
  public Changes resolveUnder(LakeConfig config) {
    ExternalCatalog catalog = spark.sharedState().externalCatalog();
    URI root = config.lakeRoot();
    List<String> repointed = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    for (Layer layer : Layer.TABLE_LAYERS) {
      String database = layer.directory();
      if (!catalog.databaseExists(database)) {
        continue;
      }
      for (CatalogTable table : tables(catalog, database)) {
        if (table.tableType() == CatalogTableType.VIEW()
            || LakeLocation.isUnder(root, location(table))) {
          continue;
        }
        String name = table.identifier().table();
        String wanted = config.paths().layer(layer, name);
        if (isDeltaTable(wanted)) {
          catalog.alterTable(withLocation(table, URI.create(wanted)));
          repointed.add(database + "." + name);
        } else {
          catalog.dropTable(database, name, true, false);
          dropped.add(database + "." + name);
        }
        // the session may hold the relation it resolved for the old location
        spark.sessionState().catalog()
            .invalidateCachedTable(new TableIdentifier(name, Option.apply(database)));
      }
    }
    return new Changes(repointed, dropped);
  }

  private static List<CatalogTable> tables(ExternalCatalog catalog, String database) {
    var names = catalog.listTables(database);
    if (names.isEmpty()) {
      return List.of();
    }
    return JavaConverters.seqAsJavaList(catalog.getTablesByName(database, names));
  }

  private static String location(CatalogTable table) {
    Option<URI> uri = table.storage().locationUri();
    return uri.isDefined() ? uri.get().toString() : null;
  }

  private static CatalogTable withLocation(CatalogTable table, URI location) {
    CatalogStorageFormat storage = table.storage();
    return table.withNewStorage(Option.apply(location), storage.inputFormat(),
        storage.outputFormat(), storage.compressed(), storage.serde(), storage.properties());
  }

  /** Whether {@code location} holds a Delta log: one file-system call, no snapshot. */
  private boolean isDeltaTable(String location) {
    Path log = new Path(location, "_delta_log");
    try {
      FileSystem fs = log.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs.exists(log);
    } catch (IOException e) {
      throw CityLakeException.failed("look for the Delta table " + location, e.getMessage(), e);
    }
  }
}
