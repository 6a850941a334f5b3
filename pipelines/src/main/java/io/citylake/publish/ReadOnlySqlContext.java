package io.citylake.publish;

import java.util.Set;
import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.SparkSession;

/**
 * The context the Thrift server is started with. The server opens one session per JDBC client by
 * calling {@link #newSession()}; this override hands out sessions that {@link ReadOnlyGuard}
 * protects from their first statement on, so no client ever gets a writable session. Each
 * new session has Sedona's and citylake's SQL functions through the session extensions.
 *
 * <p>It admits no client before the endpoint restricted the server's metadata calls
 * ({@link ReadableMetadataOperations}), so no session ever sees the unrestricted ones.
 *
 * <p>The served context keeps one client session built ahead ({@link SessionReserve}), so a
 * connecting client does not wait for a session's state to be built.
 */
final class ReadOnlySqlContext extends SQLContext implements AutoCloseable {
  /**
   * Delta answers {@code max(dt)} and similar aggregates from its file statistics; with the Java 8
   * date API, which the Thrift server switches on in every client session, that optimisation
   * fails with a {@code ClassCastException} (LocalDate is no java.sql.Date; delta-io/delta#4201),
   * so client sessions compute such aggregates by reading the column.
   */
  static final String DELTA_METADATA_ONLY_QUERIES =
      "spark.databricks.delta.optimizeMetadataQuery.enabled";

  private final Set<String> readable;
  private final SessionReserve<SparkSession> reserve;
  /** False until the server's metadata calls are restricted ({@link #admitClients}). */
  private volatile boolean admitting;

  /** The served context over {@code session}, protected to read {@code readable} only. */
  ReadOnlySqlContext(SparkSession session, Set<String> readable) {
    this(session, readable, true);
  }

  private ReadOnlySqlContext(SparkSession session, Set<String> readable, boolean served) {
    super(ReadOnlyGuard.protect(session, readable));
    this.readable = Set.copyOf(readable);
    this.reserve = served ? new SessionReserve<>(this::clientSession) : null;
  }

  /** From now on the server may open client sessions. */
  void admitClients() {
    admitting = true;
  }

  @Override
  public SQLContext newSession() {
    if (!admitting) {
      throw new IllegalStateException("The citylake JDBC endpoint is still starting");
    }
    SparkSession client = reserve != null ? reserve.take() : clientSession();
    return new ReadOnlySqlContext(client, readable, false);
  }

  /**
   * A new protected session of the served one, with its state built: the analyzer too, whose
   * check rules are where Sedona registers its functions in a session.
   */
  private SparkSession clientSession() {
    SparkSession client = ReadOnlyGuard.protect(sparkSession().newSession(), readable);
    client.conf().set(DELTA_METADATA_ONLY_QUERIES, "false");
    client.sessionState().analyzer();
    return client;
  }

  @Override
  public void close() {
    if (reserve != null) {
      reserve.close();
    }
  }
}
