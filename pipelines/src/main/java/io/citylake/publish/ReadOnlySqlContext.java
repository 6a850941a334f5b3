package io.citylake.publish;

import java.util.Set;
import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.SparkSession;

/**
 * The context the Thrift server is started with. The server opens one session per JDBC client by
 * calling {@link #newSession()}; this override hands out sessions that {@link ReadOnlyGuard}
 * protects from their first statement on, so no client ever gets a writable session. Each
 * new session has Sedona's and citylake's SQL functions through the session extensions.
 */
final class ReadOnlySqlContext extends SQLContext {
  private final Set<String> readable;

  ReadOnlySqlContext(SparkSession session, Set<String> readable) {
    super(ReadOnlyGuard.protect(session, readable));
    this.readable = Set.copyOf(readable);
  }

  @Override
  public SQLContext newSession() {
    return new ReadOnlySqlContext(sparkSession().newSession(), readable);
  }
}
