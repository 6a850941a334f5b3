package io.citylake.publish;

import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.SparkSession;

/**
 * The context the Thrift server is started with. The server opens one session per JDBC client by
 * calling {@link #newSession()}; this override hands out sessions that {@link ReadOnlyGuard}
 * protects from their first statement on, so no client ever gets a writable session.
 */
final class ReadOnlySqlContext extends SQLContext {
  ReadOnlySqlContext(SparkSession session) {
    super(ReadOnlyGuard.protect(session));
  }

  @Override
  public SQLContext newSession() {
    return new ReadOnlySqlContext(sparkSession().newSession());
  }
}
