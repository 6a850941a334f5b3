package io.citylake.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citylake.bench.ServeClients;
import io.citylake.bench.ServeQuery;
import io.citylake.cli.CityLakeCli;
import io.citylake.pipeline.SampleLakeNight;
import io.citylake.testing.SharedResources;
import io.citylake.testing.SparkTestBase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.w3c.dom.Document;
import scala.collection.JavaConverters;

/**
 * The analyst's ways into the lake on the shared sample lake's first night: the read-only
 * JDBC endpoint (a real Hive JDBC client against {@link JdbcEndpoint} in this JVM), the
 * {@code citylake sql} and {@code citylake dictionary} commands. Results are compared with the
 * same queries through the test's own Spark session. Nothing is written into the lake: the
 * dictionary page goes to this class's own folder ({@code lakeDir()}).
 */
@Order(1)
@ResourceLock(value = SharedResources.METASTORE, mode = ResourceAccessMode.READ)
@ResourceLock(SharedResources.JDBC_ENDPOINT)
class AnalystAccessOnSampleLakeTest extends SparkTestBase {
  private static final String DELTA_STATE = "Delta Table State";
  private static JdbcEndpoint endpoint;
  private static SampleLakeNight.Lake sample;
  /** Names of the Delta table states Spark cached while the endpoint started. */
  private static List<String> statesCachedByTheStart;

  @BeforeAll
  static void startTheEndpoint() throws IOException {
    sample = SampleLakeNight.shared(spark());
    // a fresh server has no Delta snapshot cached: its warm-up makes Delta read each log in a
    // read-only session, and snapshots cached from now on are new ones, with new cached states
    Set<Integer> before = deltaStates().keySet();
    DeltaLog.clearCache();
    endpoint = JdbcEndpoint.start(spark(), "localhost", freePort(), Set.of(JdbcEndpoint.GOLD));
    statesCachedByTheStart = deltaStates().entrySet().stream()
        .filter(state -> !before.contains(state.getKey())).map(Map.Entry::getValue).toList();
  }

  /** Spark's persisted RDDs that hold a Delta snapshot's state, by id: their names. */
  private static Map<Integer, String> deltaStates() {
    Map<Integer, String> states = new TreeMap<>();
    JavaConverters.mapAsJavaMap(spark().sparkContext().getPersistentRDDs()).forEach((id, rdd) -> {
      if (rdd.name() != null && rdd.name().startsWith(DELTA_STATE)) {
        states.put((Integer) id, rdd.name());
      }
    });
    return states;
  }

  @AfterAll
  static void stopTheEndpoint() {
    if (endpoint != null) {
      endpoint.close();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Connection connect() throws SQLException {
    return DriverManager.getConnection(endpoint.url(), "analyst", "");
  }

  private static List<List<String>> viaJdbc(String sql) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      List<List<String>> rows = new ArrayList<>();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(String.valueOf(result.getObject(i)));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  private static List<List<String>> viaSpark(String sql) {
    List<List<String>> rows = new ArrayList<>();
    for (Row row : rows(sql)) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < row.length(); i++) {
        cells.add(String.valueOf(row.get(i)));
      }
      rows.add(cells);
    }
    return rows;
  }

  @Test
  void theWarmUpReadEveryServedTableBeforeTheFirstClient() {
    List<String> goldTables = rows("SHOW TABLES IN gold").stream().filter(r -> !r.getBoolean(2))
        .map(r -> "gold." + r.getString(1)).sorted().toList();
    EndpointWarmUp.Report report = endpoint.warmUp().orElseThrow();
    assertThat(report.tables()).extracting(EndpointWarmUp.WarmedTable::table)
        .isEqualTo(goldTables);
    assertThat(report.failed()).isEmpty();
    assertThat(report.summary()).startsWith("warmed " + goldTables.size() + " tables of gold in ");
    // each table's snapshot was loaded and its file list cached before start returned
    for (String table : goldTables) {
      String log = sample.root().resolve("gold").resolve(table.substring("gold.".length()))
          .resolve("_delta_log").toString();
      assertThat(statesCachedByTheStart).as(table)
          .anySatisfy(name -> assertThat(name).endsWith(log));
    }
    assertThat(report.tables()).allSatisfy(t -> assertThat(t.files()).as(t.table()).isPositive());
    // one query of each shape through JDBC: a partitioned table's latest partition, and the
    // first rows of an unpartitioned one
    assertThat(report.queries()).hasSize(2).allSatisfy(q -> {
      assertThat(q.failure()).as(q.query()).isEmpty();
      assertThat(q.rows()).as(q.query()).isPositive();
    });
    assertThat(report.queries().get(0).query()).contains("= (SELECT max(");
    assertThat(report.queries().get(1).query()).doesNotContain("WHERE");
  }

  @Test
  void jdbcClientsAggregateDateColumns() throws SQLException {
    // Delta answers max(dt) from file statistics, which failed under the Java 8 date API that
    // the Thrift server turns on in client sessions (ClassCastException; delta-io/delta#4201)
    String latest = "SELECT municipality, min(dt), max(dt) FROM gold.walking_minutes_daily"
        + " GROUP BY municipality ORDER BY municipality";
    String overall = "SELECT max(dt) FROM gold.people_flow_ward_daily";
    assertThat(viaJdbc(latest)).isNotEmpty().isEqualTo(viaSpark(latest));
    assertThat(viaJdbc(overall)).singleElement().isEqualTo(viaSpark(overall).get(0));
  }

  @Test
  void benchClientsTimeTheMixAndFetchWhatSparkReads() {
    List<ServeQuery> mix = ServeQuery.mix();
    ServeClients.Measured measured = new ServeClients(endpoint.url(), mix).measure(4, 2);
    SparkSession inGold = spark().newSession();
    inGold.sql("USE gold");
    Map<String, Long> rows = new TreeMap<>();
    mix.forEach(q -> rows.put(q.name(), inGold.sql(q.sql()).count()));
    assertThat(rows.values()).allSatisfy(n -> assertThat(n).isPositive());
    assertThat(measured.firstQueries()).extracting(ServeClients.FirstQuery::query)
        .containsExactly("catalogue", "kpi_month", "ward_day", "catalogue");
    assertThat(measured.firstQueries()).allSatisfy(q -> {
      assertThat(q.rows()).as(q.query()).isEqualTo(rows.get(q.query()).intValue());
      assertThat(q.connectSeconds()).isPositive();
      assertThat(q.querySeconds()).isPositive();
    });
    assertThat(measured.mix()).hasSize(2 * mix.size()).allSatisfy(q -> {
      assertThat(q.rows()).as(q.query()).isEqualTo(rows.get(q.query()).intValue());
      assertThat(q.seconds()).isPositive();
    });
  }

  @Test
  void jdbcClientsReadGoldKpisAsSparkDoes() throws SQLException {
    String catalogue = "SELECT kpi_id, municipality, status, latest_value, latest_period"
        + " FROM gold.kpi_catalogue ORDER BY kpi_id, municipality";
    // unqualified: the connection string opens the gold database
    String walking = "SELECT municipality, dt, walking_minutes_avg, persons, suppressed"
        + " FROM walking_minutes_daily ORDER BY dt, municipality";
    assertThat(viaJdbc(catalogue)).isNotEmpty().isEqualTo(viaSpark(catalogue));
    assertThat(viaJdbc(walking)).isNotEmpty()
        .isEqualTo(viaSpark(walking.replace("FROM ", "FROM gold.")));
  }

  @Test
  void jdbcClientsHaveSedonaAndCityLakeSpatialFunctions() throws SQLException {
    String sql = "SELECT area_id, jis_mesh(ST_Y(ST_Centroid(ST_GeomFromWKB(geometry_wkb))),"
        + " ST_X(ST_Centroid(ST_GeomFromWKB(geometry_wkb))), 3) FROM gold.spatial_areas"
        + " WHERE area_level = 'mesh3' ORDER BY area_id LIMIT 5";
    List<List<String>> rows = viaJdbc(sql);
    assertThat(rows).hasSize(5).isEqualTo(viaSpark(sql));
    // the centre of a 1 km square lies in that square
    assertThat(rows).allSatisfy(r -> assertThat(r.get(1)).isEqualTo(r.get(0)));
  }

  @Test
  void jdbcClientsCannotChangeTheLake() throws SQLException {
    long rowsBefore = rows("SELECT * FROM gold.walking_minutes_daily").size();
    long versionBefore = version("gold.walking_minutes_daily");
    List<String> writes = List.of(
        "INSERT INTO gold.walking_minutes_daily SELECT * FROM gold.walking_minutes_daily",
        "DELETE FROM gold.walking_minutes_daily",
        "UPDATE gold.walking_minutes_daily SET persons = 0",
        "MERGE INTO gold.walking_minutes_daily t USING gold.walking_minutes_daily s"
            + " ON t.dt = s.dt AND t.municipality = s.municipality WHEN MATCHED THEN DELETE",
        "DROP TABLE gold.kpi_catalogue",
        "CREATE TABLE gold.scratch AS SELECT 1 AS one",
        "CREATE TABLE gold.scratch (one INT) USING delta",
        "ALTER TABLE gold.kpi_catalogue SET TBLPROPERTIES ('citylake.note' = 'x')",
        "TRUNCATE TABLE gold.kpi_catalogue",
        "CREATE DATABASE scratch");
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      for (String write : writes) {
        assertThatThrownBy(() -> statement.execute(write)).as(write)
            .isInstanceOf(SQLException.class).hasMessageContaining(ReadOnlyGuard.REFUSAL);
      }
    }
    assertThat(rows("SELECT * FROM gold.walking_minutes_daily")).hasSize((int) rowsBefore);
    assertThat(version("gold.walking_minutes_daily")).isEqualTo(versionBefore);
    assertThat(spark().catalog().tableExists("gold", "kpi_catalogue")).isTrue();
    assertThat(spark().catalog().tableExists("gold", "scratch")).isFalse();
    assertThat(spark().catalog().databaseExists("scratch")).isFalse();
  }

  @Test
  void jdbcClientsReadOnlyGoldAndNotFiles() throws SQLException {
    String quarantine = sample.root().resolve("quarantine/rejected_rows").toUri().toString();
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      for (String read : List.of("SELECT * FROM silver.ref_boundaries",
          "SELECT * FROM quarantine.rejected_rows",
          "SELECT k.* FROM gold.kpi_catalogue k JOIN silver.dq_results d ON k.kpi_id = d.rule",
          "SELECT * FROM gold.kpi_catalogue WHERE kpi_id IN (SELECT dataset FROM quarantine.rejected_rows)",
          "SELECT * FROM delta.`" + quarantine + "`")) {
        assertThatThrownBy(() -> statement.executeQuery(read)).as(read)
            .hasMessageContaining(ReadOnlyGuard.REFUSAL);
      }
      // looking at other databases is refused too: their names, columns and history
      for (String look : List.of("SHOW TABLES IN silver", "SHOW TABLES FROM bronze LIKE 'q*'",
          "SHOW TABLE EXTENDED IN silver LIKE '*'", "SHOW VIEWS IN silver",
          "DESCRIBE silver.ref_boundaries", "DESCRIBE TABLE EXTENDED quarantine.rejected_rows",
          "SHOW COLUMNS IN ref_boundaries IN silver", "SHOW COLUMNS FROM silver.ref_boundaries",
          "SHOW TBLPROPERTIES silver.ref_boundaries", "SHOW USER FUNCTIONS FROM silver",
          "DESCRIBE DATABASE silver", "DESCRIBE SCHEMA EXTENDED bronze", "USE silver",
          "USE SCHEMA bronze", "USE quarantine", "DESCRIBE DETAIL silver.ref_boundaries",
          "DESCRIBE HISTORY quarantine.rejected_rows", "SHOW FUNCTIONS IN silver",
          "CACHE TABLE silver.ref_boundaries",
          "CACHE TABLE probe AS SELECT * FROM silver.ref_boundaries",
          "EXPLAIN SELECT * FROM silver.ref_boundaries",
          "DESCRIBE QUERY SELECT * FROM quarantine.rejected_rows",
          "EXPLAIN SELECT * FROM delta.`" + quarantine + "`")) {
        assertThatThrownBy(() -> statement.execute(look)).as(look)
            .hasMessageContaining(ReadOnlyGuard.REFUSAL);
      }
      try (ResultSet databases = statement.executeQuery("SHOW DATABASES")) {
        List<String> names = new ArrayList<>();
        while (databases.next()) {
          names.add(databases.getString(1));
        }
        assertThat(names).containsExactly("gold");
      }
      // looking around gold is allowed, and SET cannot lift the guard
      statement.execute("SET citylake.read_only=false");
      statement.execute("USE gold");
      try (ResultSet tables = statement.executeQuery("SHOW TABLES")) {
        assertThat(tables.next()).isTrue();
      }
      for (String look : List.of("SHOW TABLES IN gold", "DESCRIBE gold.kpi_catalogue",
          "SHOW COLUMNS IN kpi_catalogue", "DESCRIBE HISTORY kpi_catalogue",
          "DESCRIBE DATABASE gold", "EXPLAIN SELECT * FROM kpi_catalogue",
          "SHOW TBLPROPERTIES gold.kpi_catalogue", "SHOW FUNCTIONS LIKE 'jis*'")) {
        try (ResultSet result = statement.executeQuery(look)) {
          assertThat(result.next()).as(look).isTrue();
        }
      }
      statement.execute("CACHE TABLE gold.kpi_catalogue");
      statement.execute("UNCACHE TABLE gold.kpi_catalogue");
      assertThatThrownBy(() -> statement.execute("DROP TABLE gold.kpi_catalogue"))
          .hasMessageContaining(ReadOnlyGuard.REFUSAL);
    }
  }

  @Test
  void jdbcMetadataCallsListOnlyTheServedDatabase() throws SQLException {
    List<String> goldTables = rows("SHOW TABLES IN gold").stream().filter(r -> !r.getBoolean(2))
        .map(r -> "gold." + r.getString(1)).sorted().toList();
    List<String> kpiColumns = Arrays.asList(spark().table("gold.kpi_catalogue").columns());
    // the metastore the endpoint serves from holds the other layers too
    assertThat(spark().catalog().databaseExists("silver")).isTrue();
    assertThat(spark().catalog().tableExists("quarantine", "rejected_rows")).isTrue();
    try (Connection connection = connect()) {
      DatabaseMetaData meta = connection.getMetaData();
      assertThat(columns(meta.getSchemas(), "TABLE_SCHEM")).containsExactly("gold");
      assertThat(columns(meta.getSchemas(null, "%"), "TABLE_SCHEM")).containsExactly("gold");
      assertThat(columns(meta.getSchemas(null, "G_LD"), "TABLE_SCHEM")).containsExactly("gold");
      assertThat(columns(meta.getSchemas(null, "sil%"), "TABLE_SCHEM")).isEmpty();
      assertThat(columns(meta.getSchemas(null, "global_temp"), "TABLE_SCHEM")).isEmpty();

      assertThat(columns(meta.getTables(null, null, "%", null), "TABLE_SCHEM", "TABLE_NAME"))
          .containsExactlyInAnyOrderElementsOf(goldTables);
      assertThat(columns(meta.getTables(null, "silver", "%", null), "TABLE_NAME")).isEmpty();
      assertThat(columns(meta.getTables(null, "%", "rejected_rows", null), "TABLE_NAME")).isEmpty();
      assertThat(columns(meta.getSchemas(null, "quar%"), "TABLE_SCHEM")).isEmpty();

      // a gold table's columns as Spark reads them from its Delta log, in order
      assertThat(columns(meta.getColumns(null, "gold", "kpi_catalogue", "%"), "COLUMN_NAME"))
          .isEqualTo(kpiColumns);
      assertThat(columns(meta.getColumns(null, "gold", "%", "%"), "TABLE_NAME").stream()
          .map(t -> "gold." + t).distinct().sorted().toList()).isEqualTo(goldTables);
      // a global temporary view of this JVM (database global_temp) is visible to every session
      // of the server, and Spark would list it with its columns
      spark().sql("CREATE OR REPLACE GLOBAL TEMPORARY VIEW metadata_probe AS SELECT 1 AS secret");
      try {
        assertThat(rows("SELECT * FROM global_temp.metadata_probe")).hasSize(1);
        assertThat(columns(meta.getColumns(null, null, "metadata_probe", "%"), "COLUMN_NAME"))
            .isEmpty();
        assertThat(columns(meta.getTables(null, null, "metadata_probe", null), "TABLE_NAME"))
            .isEmpty();
      } finally {
        spark().catalog().dropGlobalTempView("metadata_probe");
      }

      assertThat(columns(meta.getFunctions(null, "gold", "jis_mesh"), "FUNCTION_NAME"))
          .containsExactly("jis_mesh");
      assertThat(columns(meta.getFunctions(null, "silver", "%"), "FUNCTION_NAME")).isEmpty();
    }
  }

  /** The named columns of every row, joined by a dot. */
  private static List<String> columns(ResultSet result, String... names) throws SQLException {
    try (result) {
      List<String> values = new ArrayList<>();
      while (result.next()) {
        List<String> row = new ArrayList<>();
        for (String name : names) {
          row.add(result.getString(name));
        }
        values.add(String.join(".", row));
      }
      return values;
    }
  }

  @Test
  void theGuardLeavesOtherSessionsAlone() {
    assertThat(ReadOnlyGuard.readable(spark())).isEmpty();
    spark().sql("CREATE OR REPLACE TEMPORARY VIEW analyst_access_probe AS SELECT 1 AS one");
    assertThat(rows("SELECT * FROM analyst_access_probe")).hasSize(1);
    spark().catalog().dropTempView("analyst_access_probe");
  }

  @Test
  void sqlCommandPrintsAlignedResultsAndOneLineErrors() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String query = "SELECT municipality, count(*) AS kpis FROM gold.kpi_catalogue"
        + " GROUP BY municipality ORDER BY municipality";
    int code = CityLakeCli.execute(new PrintWriter(out), new PrintWriter(err),
        "sql", "--lake", sample.root().toString(), "--format", "csv", query);
    assertThat(code).as(err.toString()).isZero();
    List<String> expected = new ArrayList<>(List.of("municipality,kpis"));
    rows(query).forEach(r -> expected.add(r.getString(0) + "," + r.getLong(1)));
    assertThat(out.toString().lines().toList()).isEqualTo(expected);

    StringWriter badOut = new StringWriter();
    StringWriter badErr = new StringWriter();
    code = CityLakeCli.execute(new PrintWriter(badOut), new PrintWriter(badErr),
        "sql", "--lake", sample.root().toString(), "SELECT nope FROM gold.kpi_catalogue");
    assertThat(code).isEqualTo(2);
    assertThat(badErr.toString().lines().toList()).singleElement().asString()
        .startsWith("citylake sql: Cannot run the statement: [UNRESOLVED_COLUMN");
  }

  @Test
  void dictionaryListsEveryGoldTableWithCommentedColumns() throws Exception {
    DataDictionary dictionary = new CatalogDictionary(spark()).read(List.of("gold", "silver"));
    List<String> goldTables = rows("SHOW TABLES IN gold").stream().filter(r -> !r.getBoolean(2))
        .map(r -> r.getString(1)).sorted().toList();
    List<DictionaryTable> gold = dictionary.tables().stream()
        .filter(t -> t.database().equals("gold")).toList();
    assertThat(gold).extracting(DictionaryTable::name).isEqualTo(goldTables);
    assertThat(dictionary.tables()).anyMatch(t -> t.qualifiedName().equals("silver.dq_results"));
    for (DictionaryTable table : gold) {
      StructField[] fields = spark().table(table.qualifiedName()).schema().fields();
      assertThat(table.columns()).extracting(DictionaryColumn::name).as(table.name())
          .isEqualTo(Arrays.stream(fields).map(StructField::name).toList());
      assertThat(table.comment()).as(table.name()).isNotBlank();
      assertThat(table.columns()).allSatisfy(c -> assertThat(c.comment())
          .as(table.name() + "." + c.name()).isNotBlank());
      assertThat(table.grain()).as(table.name()).isNotEmpty();
      String key = String.join(", ", table.grain());
      assertThat(rows("SELECT " + key + ", count(*) FROM " + table.qualifiedName()
          + " GROUP BY " + key + " HAVING count(*) > 1")).as("grain of " + table.name())
          .isEmpty();
    }
  }

  @Test
  void dictionaryListsEverySilverTableWithCommentGrainAndCommentedColumns() {
    DataDictionary dictionary = new CatalogDictionary(spark()).read(List.of("silver"));
    List<String> silverTables = rows("SHOW TABLES IN silver").stream()
        .filter(r -> !r.getBoolean(2)).map(r -> r.getString(1)).sorted().toList();
    assertThat(dictionary.tables()).extracting(DictionaryTable::name).isEqualTo(silverTables)
        .contains("transit_taps", "gtfs_stops", "ref_shelters", "ref_boundaries",
            "located_points", "conform_accounting", "dq_results");
    for (DictionaryTable table : dictionary.tables()) {
      assertThat(table.comment()).as(table.name()).isNotBlank();
      assertThat(table.columns()).allSatisfy(c -> assertThat(c.comment())
          .as(table.name() + "." + c.name()).isNotBlank());
      assertThat(table.grain()).as(table.name()).isNotEmpty();
      assertThat(table.columns()).extracting(DictionaryColumn::name).as(table.name())
          .containsAll(table.grain());
      String key = table.grain().stream().map(c -> "`" + c + "`")
          .collect(java.util.stream.Collectors.joining(", "));
      assertThat(rows("SELECT " + key + ", count(*) FROM " + table.qualifiedName()
          + " GROUP BY " + key + " HAVING count(*) > 1")).as("grain of " + table.name())
          .isEmpty();
    }
  }

  @Test
  void dictionaryHtmlIsWellFormedAndNamesEveryGoldTable() throws Exception {
    DataDictionary dictionary = new CatalogDictionary(spark()).read(List.of("gold"));
    Path html = lakeDir().resolve("dictionary.html");
    Files.writeString(html, DictionaryHtml.render(dictionary));
    Document page = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(html.toFile());
    List<String> headings = new ArrayList<>();
    for (int i = 0; i < page.getElementsByTagName("h2").getLength(); i++) {
      headings.add(page.getElementsByTagName("h2").item(i).getTextContent());
    }
    List<String> goldTables = rows("SHOW TABLES IN gold").stream().filter(r -> !r.getBoolean(2))
        .map(r -> "gold." + r.getString(1)).toList();
    assertThat(headings).containsAll(goldTables).contains("KPI definitions");
    assertThat(DictionaryMarkdown.render(dictionary)).contains("## gold.walking_minutes_daily")
        .contains("| `walking_minutes_avg` | double | mean walking minutes per person-day |");
  }

  private static long version(String table) {
    return rows("DESCRIBE HISTORY " + table + " LIMIT 1").get(0).getLong(0);
  }
}
