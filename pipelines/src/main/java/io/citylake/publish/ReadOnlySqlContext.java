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
  /**
   * Delta answers {@code max(dt)} and similar aggregates from its file statistics; with the Java 8
   * date API, which the Thrift server switches on in every client session, that optimisation
   * fails with a {@code ClassCastException} (LocalDate is no java.sql.Date; delta-io/delta#4201),
   * so client sessions compute such aggregates by reading the column.
   */
  static final String DELTA_METADATA_ONLY_QUERIES =
      "spark.databricks.delta.optimizeMetadataQuery.enabled";

  private final Set<String> readable;

  ReadOnlySqlContext(SparkSession session, Set<String> readable) {
    super(ReadOnlyGuard.protect(session, readable));
    this.readable = Set.copyOf(readable);
  }

  @Override
  public SQLContext newSession() {
    SparkSession client = sparkSession().newSession();
    client.conf().set(DELTA_METADATA_ONLY_QUERIES, "false");
    return new ReadOnlySqlContext(client, readable);
  }
}
