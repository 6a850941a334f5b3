package io.citylake.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citylake.lake.CityLakeException;
import io.citylake.pipeline.SampleLakeNight;
import io.citylake.testing.SharedResources;
import io.citylake.testing.SparkTestBase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The JDBC endpoint with a password file (as it must run when other machines can reach it): a
 * real Hive JDBC client gets in with a user and password of the file, for statements and for
 * metadata calls, and is refused with a wrong password, an unknown user or none.
 */
@Order(10)
@ResourceLock(value = SharedResources.METASTORE, mode = ResourceAccessMode.READ)
@ResourceLock(SharedResources.JDBC_ENDPOINT)
class JdbcAuthenticationOnSampleLakeTest extends SparkTestBase {
  private static final String PASSWORD = "a long enough secret 42";
  @TempDir static Path dir;
  private static JdbcEndpoint endpoint;

  @BeforeAll
  static void startWithAPasswordFile() throws IOException {
    SampleLakeNight.shared(spark());
    PasswordFile passwords = new PasswordFile(dir.resolve("endpoint-users"));
    passwords.put("analyst", PASSWORD.toCharArray());
    endpoint = JdbcEndpoint.start(spark(), "localhost", freePort(), Set.of(JdbcEndpoint.GOLD),
        Optional.of(passwords), false);
  }

  @AfterAll
  static void stop() {
    if (endpoint != null) {
      endpoint.close();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void aUserOfTheFileQueriesAndListsTheGoldTables() throws SQLException {
    List<String> expected = rows("SHOW TABLES IN gold").stream()
        .filter(r -> !r.getBoolean(2)).map(r -> r.getString(1)).sorted().toList();
    try (Connection connection = DriverManager.getConnection(endpoint.url(), "analyst",
        PASSWORD)) {
      List<String> tables = new ArrayList<>();
      try (ResultSet result = connection.getMetaData().getTables(null, "gold", "%", null)) {
        while (result.next()) {
          tables.add(result.getString("TABLE_NAME"));
        }
      }
      assertThat(tables).isNotEmpty().containsExactlyInAnyOrderElementsOf(expected);
      try (Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery("SELECT count(*) FROM kpi_catalogue")) {
        assertThat(result.next()).isTrue();
        assertThat(result.getLong(1))
            .isEqualTo(rows("SELECT count(*) FROM gold.kpi_catalogue").get(0).getLong(0));
      }
    }
  }

  @Test
  void aWrongPasswordAnUnknownUserAndNoPasswordAreRefused() {
    for (String[] login : List.of(new String[] {"analyst", PASSWORD + "!"},
        new String[] {"mallory", PASSWORD}, new String[] {"analyst", ""})) {
      assertThatThrownBy(() -> DriverManager.getConnection(endpoint.url(), login[0], login[1])
          .close())
          .as("user %s", login[0])
          .isInstanceOf(SQLException.class);
    }
  }

  @Test
  void anEndpointOtherMachinesCanReachDoesNotStartWithoutAPasswordFile() {
    assertThatThrownBy(() -> JdbcEndpoint.start(spark(), "0.0.0.0", 10000,
        Set.of(JdbcEndpoint.GOLD), Optional.empty(), false))
        .isInstanceOf(CityLakeException.class)
        .hasMessage("Cannot start the JDBC endpoint: 0.0.0.0 is reachable from other machines,"
            + " so clients must authenticate: give a password file (write one with 'citylake"
            + " passwd') (got: 0.0.0.0)");
  }
}
