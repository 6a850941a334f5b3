package io.citylake.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.citylake.testing.SharedResources;
import io.citylake.testing.SparkTestBase;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A lake's Derby metastore copied elsewhere gets its databases' locations moved under the new
 * lake's warehouse. The metastore here is a real one: an online backup of the test JVM's own,
 * which Spark created with Hive's schema, as a copied lake would carry it.
 */
@ResourceLock(SharedResources.METASTORE)
class EmbeddedMetastoreTest extends SparkTestBase {

  @Test
  void databasesOfACopiedMetastoreMoveUnderTheNewWarehouse(@TempDir Path copy) throws Exception {
    spark().sql("CREATE DATABASE IF NOT EXISTS silver");
    Path metastore = copy.resolve("_metastore");
    backUpTheSessionMetastoreTo(metastore);
    Map<String, String> before = databases(metastore);
    URI warehouse = copy.resolve("_warehouse").toUri();
    assertThat(before).containsKeys("default", "silver");
    assertThat(before.values()).noneMatch(location -> LakeLocation.isUnder(warehouse, location));

    Map<String, String> moved = EmbeddedMetastore.moveDatabasesUnder(metastore, warehouse);

    assertThat(moved).isEqualTo(before);
    Map<String, String> after = databases(metastore);
    assertThat(after.keySet()).isEqualTo(before.keySet());
    String root = warehouse.toString().replaceAll("/+$", "");
    assertThat(after).containsEntry("default", root).containsEntry("silver", root + "/silver.db");
    assertThat(EmbeddedMetastore.moveDatabasesUnder(metastore, warehouse)).isEmpty();
    shutDown(metastore);
  }

  @Test
  void aLakeWithoutMetastoreIsLeftAlone(@TempDir Path lake) {
    Path metastore = lake.resolve("_metastore");
    assertThat(EmbeddedMetastore.moveDatabasesUnder(metastore, lake.toUri())).isEmpty();
    assertThat(metastore).doesNotExist();
  }

  @Test
  void aRunningSessionNeverComesWithANewMetastore(@TempDir Path lake) {
    SparkSession running = spark();
    LakeConfig firstCommand = LakeConfig.local(lake);

    SparkSessions.Opened opened = SparkSessions.open(firstCommand, SparkSessions.Settings.tests());

    // its metastore may hold other lakes' tables: the command must resolve them (LakeCatalog)
    assertThat(opened.spark()).isSameAs(running);
    assertThat(opened.newMetastore()).isFalse();
    assertThat(EmbeddedMetastore.exists(firstCommand.metastoreDir().orElseThrow())).isFalse();
  }

  @Test
  void locationsAreComparedAsPaths() {
    URI lake = URI.create("file:/data/lake");
    assertThat(LakeLocation.isUnder(lake, "file:///data/lake/gold/x")).isTrue();
    assertThat(LakeLocation.isUnder(lake, "/data/lake/")).isTrue();
    assertThat(LakeLocation.isUnder(lake, "file:/data/lake-copy/gold/x")).isFalse();
    assertThat(LakeLocation.isUnder(lake, "file:/data/gold/x")).isFalse();
    assertThat(LakeLocation.isUnder(lake, "hdfs://nn/data/lake/gold/x")).isFalse();
    assertThat(LakeLocation.isUnder(URI.create("s3a://bucket/lake"), "s3a://bucket/lake/gold/x"))
        .isTrue();
    assertThat(LakeLocation.isUnder(URI.create("s3a://bucket/lake"), "s3a://other/lake/gold/x"))
        .isFalse();
    assertThat(LakeLocation.isUnder(lake, null)).isFalse();
  }

  /** Derby's online backup: a consistent copy of the database Spark has open. */
  private static void backUpTheSessionMetastoreTo(Path target) throws SQLException {
    spark().catalog().listDatabases().count();
    String url = spark().sparkContext().getConf().get("spark.hadoop.javax.jdo.option.ConnectionURL");
    String live = url.replaceFirst("^.*databaseName=([^;]+).*$", "$1");
    try (Connection connection = DriverManager.getConnection("jdbc:derby:" + live, "APP", "");
        Statement statement = connection.createStatement()) {
      statement.execute("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE('" + target + "')");
    }
  }

  private static Map<String, String> databases(Path metastore) throws SQLException {
    Map<String, String> locations = new TreeMap<>();
    try (Connection connection = DriverManager.getConnection(
            "jdbc:derby:" + EmbeddedMetastore.database(metastore), "APP", "");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT NAME, DB_LOCATION_URI FROM APP.DBS")) {
      while (rows.next()) {
        locations.put(rows.getString(1), rows.getString(2));
      }
    }
    return locations;
  }

  private static void shutDown(Path metastore) {
    try {
      DriverManager.getConnection(
          "jdbc:derby:" + EmbeddedMetastore.database(metastore) + ";shutdown=true");
    } catch (SQLException expected) {
      // Derby reports a clean shutdown as an exception (08006)
    }
  }
}
