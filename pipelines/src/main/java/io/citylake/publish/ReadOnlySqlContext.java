package io.citylake.publish;

import io.citylake.spatial.SpatialFunctions;
import java.util.Set;
import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.SparkSession;

/**
 * The context the Thrift server is started with. The server opens one session per JDBC client by
 * calling {@link #newSession()}; this override hands out sessions that {@link ReadOnlyGuard}
 * protects from their first statement on, so no client ever gets a writable session. A new
 * session starts from Spark's built-in functions (and the extensions' Sedona ones), so citylake's
 * own SQL functions are registered on each as well.
 */
final class ReadOnlySqlContext extends SQLContext {
  private final Set<String> readable;

  ReadOnlySqlContext(SparkSession session, Set<String> readable) {
    super(ReadOnlyGuard.protect(withCityLakeFunctions(session), readable));
    this.readable = Set.copyOf(readable);
  }

  private static SparkSession withCityLakeFunctions(SparkSession session) {
    SpatialFunctions.register(session);
    return session;
  }

  @Override
  public SQLContext newSession() {
    return new ReadOnlySqlContext(sparkSession().newSession(), readable);
  }
}
