package io.citylake.publish;

import io.citylake.lake.CityLakeException;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.hive.service.cli.CLIService;
import org.apache.hive.service.cli.operation.GetColumnsOperation;
import org.apache.hive.service.cli.operation.GetFunctionsOperation;
import org.apache.hive.service.cli.operation.GetSchemasOperation;
import org.apache.hive.service.cli.operation.MetadataOperation;
import org.apache.hive.service.cli.operation.OperationManager;
import org.apache.hive.service.cli.session.HiveSession;
import org.apache.hive.service.cli.session.SessionManager;
import org.apache.spark.sql.hive.thriftserver.HiveThriftServer2;
import org.apache.spark.sql.hive.thriftserver.SparkSQLSessionManager;
import org.apache.spark.sql.hive.thriftserver.server.SparkSQLOperationManager;

/**
 * The JDBC endpoint's metadata calls ({@code DatabaseMetaData.getSchemas}, {@code getTables},
 * {@code getColumns}, {@code getFunctions}, which DBeaver and every BI tool make to draw their
 * navigator) answered for the served databases only. Spark answers them from the session's
 * catalog, which knows every database of the metastore; {@link ReadOnlyGuard} refuses statements
 * on the others, but without this a client would still see the names and columns of the silver
 * and bronze tables, which hold pseudonymised person-level rows.
 *
 * <p>Each call's schema pattern is narrowed to the served databases it matches before Spark's own
 * operation runs, so tables, columns and functions of other databases are never listed (nor the
 * global temporary views' database). Spark's Thrift server has no hook for this: the server's
 * operation manager is replaced by this subclass once the server is started and before it admits
 * its first client ({@link #install}).
 */
final class ReadableMetadataOperations extends SparkSQLOperationManager {
  private final Set<String> readable;

  private ReadableMetadataOperations(Set<String> readable) {
    this.readable = readable.stream().map(d -> d.toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
    // Spark's constructor reads Hive's operation map by reflection one class above the runtime
    // class, which for a subclass is Spark's own, still unset, field: give it Hive's map
    copyField(OperationManager.class, SparkSQLOperationManager.class, "handleToOperation");
  }

  /**
   * Makes {@code server}'s metadata calls list only {@code readable}. Call it before the server
   * opens its first client session: a session keeps the operation manager it was opened with.
   */
  static void install(HiveThriftServer2 server, Set<String> readable) {
    SessionManager sessions = server.getServices().stream()
        .filter(CLIService.class::isInstance).map(s -> ((CLIService) s).getSessionManager())
        .findFirst().orElseThrow(() -> CityLakeException.failed("start the JDBC endpoint",
            "the Thrift server has no session manager", null));
    ReadableMetadataOperations operations = new ReadableMetadataOperations(readable);
    setField(SessionManager.class, sessions, "operationManager", operations);
    // the Spark session manager registers each client's context with its own reference
    setField(SparkSQLSessionManager.class, sessions, "sparkSqlOperationManager", operations);
  }

  @Override
  public GetSchemasOperation newGetSchemasOperation(HiveSession session, String catalog,
      String schema) {
    return super.newGetSchemasOperation(session, catalog, schemaPattern(readable, schema));
  }

  @Override
  public MetadataOperation newGetTablesOperation(HiveSession session, String catalog,
      String schema, String table, List<String> types) {
    return super.newGetTablesOperation(session, catalog, schemaPattern(readable, schema), table,
        types);
  }

  @Override
  public GetColumnsOperation newGetColumnsOperation(HiveSession session, String catalog,
      String schema, String table, String column) {
    return super.newGetColumnsOperation(session, catalog, schemaPattern(readable, schema), table,
        column);
  }

  @Override
  public GetFunctionsOperation newGetFunctionsOperation(HiveSession session, String catalog,
      String schema, String function) {
    return super.newGetFunctionsOperation(session, catalog, schemaPattern(readable, schema),
        function);
  }

  /**
   * The schema pattern Spark gets for a client's JDBC pattern ({@code %} any characters,
   * {@code _} one, {@code \} escapes; null or empty: all): the {@code readable} databases it
   * matches, as Hive's alternation {@code a|b}, or {@link ReadOnlyGuard#NO_DATABASE}.
   */
  static String schemaPattern(Set<String> readable, String jdbcPattern) {
    Pattern asked = Pattern.compile(jdbcPattern == null || jdbcPattern.isEmpty() ? ".*"
        : regex(jdbcPattern), Pattern.CASE_INSENSITIVE);
    String matching = readable.stream().sorted().filter(db -> asked.matcher(db).matches())
        .map(db -> db.replace("_", "\\_")).collect(Collectors.joining("|"));
    return matching.isEmpty() ? ReadOnlyGuard.NO_DATABASE : matching;
  }

  /** A JDBC search pattern as a Java regex. */
  static String regex(String jdbcPattern) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < jdbcPattern.length(); i++) {
      char c = jdbcPattern.charAt(i);
      if (c == '\\' && i + 1 < jdbcPattern.length()) {
        regex.append(Pattern.quote(String.valueOf(jdbcPattern.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return regex.toString();
  }

  private void copyField(Class<?> from, Class<?> to, String name) {
    try {
      setField(to, this, name, field(from, name).get(this));
    } catch (IllegalAccessException e) {
      throw failed(name, e);
    }
  }

  private static void setField(Class<?> owner, Object target, String name, Object value) {
    try {
      field(owner, name).set(target, value);
    } catch (IllegalAccessException e) {
      throw failed(name, e);
    }
  }

  private static Field field(Class<?> owner, String name) {
    try {
      Field field = owner.getDeclaredField(name);
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException e) {
      throw failed(name, e);
    }
  }

  private static CityLakeException failed(String field, Exception cause) {
    return CityLakeException.failed("start the JDBC endpoint", "cannot restrict its metadata"
        + " calls (Spark's Thrift server has no field " + field + ")", cause);
  }
}
