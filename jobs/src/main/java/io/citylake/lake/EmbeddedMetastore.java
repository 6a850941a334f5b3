package io.citylake.lake;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The embedded Derby metastore under {@code <lake>/_metastore}, which travels with the lake when
 * the lake folder is copied or moved, and with it the absolute locations it recorded.
 *
 * <p>Before Spark opens it, this moves its databases' locations ({@code default} and the layer
 * databases, created under the lake's {@code _warehouse/}) back under the lake they now sit in.
 * Hive 2.3, Spark's built-in metastore, cannot change a database's location through its API
 * ({@code ALTER DATABASE ... SET LOCATION} is refused), so this updates Derby's {@code DBS} table
 * itself, the way Hive's own {@code metatool -updateLocation} does; left alone, the next table
 * registered in a copy would create {@code _warehouse/<db>.db} folders in the original lake.
 * Table locations are moved through the catalog API ({@code io.citylake.publish.LakeCatalog}).
 */
public final class EmbeddedMetastore {
  private static final String DATABASES = "SELECT NAME, DB_LOCATION_URI FROM APP.DBS";
  private static final String MOVE = "UPDATE APP.DBS SET DB_LOCATION_URI = ? WHERE NAME = ?";

  private EmbeddedMetastore() {}

  /** Derby's folder inside the metastore directory. */
  static Path database(Path metastoreDir) {
    return metastoreDir.toAbsolutePath().resolve("metastore_db");
  }

  /** Whether Derby has created its database in {@code metastoreDir}. */
  static boolean exists(Path metastoreDir) {
    return Files.isDirectory(database(metastoreDir));
  }

  /**
   * Points every database recorded outside {@code warehouse} (the lake's {@code _warehouse} URI)
   * at its folder under it; returns the databases moved, by name, with their old location. A
   * metastore not created yet is left alone. Runs before Spark boots Derby: Spark reads database
   * locations once and keeps them.
   */
  public static Map<String, String> moveDatabasesUnder(Path metastoreDir, URI warehouse) {
    Path db = database(metastoreDir);
    Map<String, String> moved = new LinkedHashMap<>();
    if (!exists(metastoreDir)) {
      return moved;
    }
    String url = "jdbc:derby:" + db;
    try (Connection connection = DriverManager.getConnection(url, "APP", "")) {
      Map<String, String> wanted = new LinkedHashMap<>();
      try (PreparedStatement query = connection.prepareStatement(DATABASES);
          ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          String name = rows.getString(1);
          String location = rows.getString(2);
          if (!LakeLocation.isUnder(warehouse, location)) {
            wanted.put(name, location);
          }
        }
      }
      if (wanted.isEmpty()) {
        return moved;
      }
      connection.setAutoCommit(false);
      try (PreparedStatement update = connection.prepareStatement(MOVE)) {
        for (Map.Entry<String, String> each : wanted.entrySet()) {
          update.setString(1, location(warehouse, each.getKey()));
          update.setString(2, each.getKey());
          update.executeUpdate();
          moved.put(each.getKey(), each.getValue());
        }
      }
      connection.commit();
      return moved;
    } catch (SQLException e) {
      if (inUse(e)) {
        throw CityLakeException.badInput("open the lake's metastore", "another citylake process"
            + " (such as citylake serve) has it open; stop it first", metastoreDir);
      }
      throw CityLakeException.failed("open the lake's metastore " + metastoreDir,
          String.valueOf(e.getMessage()), e);
    }
  }

  /** Where Spark puts a database in the warehouse: the warehouse itself for {@code default}. */
  static String location(URI warehouse, String database) {
    String root = warehouse.toString().replaceAll("/+$", "");
    return database.equals("default") ? root : root + "/" + database + ".db";
  }

  /** Derby's "another instance has booted the database" (SQLState XSDB6), however nested. */
  private static boolean inUse(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && "XSDB6".equals(sql.getSQLState())) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getNextException() != null
          && "XSDB6".equals(sql.getNextException().getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
