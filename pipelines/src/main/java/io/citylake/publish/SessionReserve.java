package io.citylake.publish;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client session built ahead of the client that will get it. Building a Spark session's state
 * (Delta's, Sedona's and citylake's extensions: a few hundred SQL functions registered, parser,
 * analyzer and catalog set up) costs a JDBC client about 0.3 s on a quiet 2-core machine and
 * seconds on a busy one, in the middle of its connect. The reserve builds the next session on a
 * background thread while nobody waits, hands it to the next client and starts on its successor.
 * A session that failed to build in the background is built again on the caller's thread, so a
 * client gets the same error it would have got without the reserve.
 *
 * @param <S> the session type (a {@code SparkSession}; anything in tests)
 */
final class SessionReserve<S> implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SessionReserve.class);

  private final Supplier<S> build;
  private final ExecutorService builder = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "citylake-jdbc-session-reserve");
    thread.setDaemon(true);
    return thread;
  });
  private Future<S> next;

  /** A reserve of sessions made by {@code build}, with the first one started right away. */
  SessionReserve(Supplier<S> build) {
    this.build = build;
    this.next = builder.submit(build::get);
  }

  /** The session built ahead (waiting for it when it is not ready yet); a new one is started. */
  synchronized S take() {
    Future<S> ready = next;
    next = builder.isShutdown() ? null : builder.submit(build::get);
    if (ready == null) {
      return build.get();
    }
    try {
      return ready.get();
    } catch (ExecutionException e) {
      LOG.warn("A client session built ahead failed; building it again: {}",
          String.valueOf(e.getCause()).lines().findFirst().orElse(""));
      return build.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return build.get();
    }
  }

  @Override
  public synchronized void close() {
    builder.shutdownNow();
    next = null;
  }
}
