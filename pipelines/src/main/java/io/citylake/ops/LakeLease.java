package io.citylake.ops;

import io.citylake.lake.CityLakeException;
import io.citylake.lake.LakeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A lease on a lake across processes and hosts, so two nightly runs never work on one lake at
 * once: a file below {@code <lake>/_ops/lease/}, created atomically ({@code O_EXCL}), whose
 * modification time a heartbeat thread renews every {@link #HEARTBEAT}. A lease whose holder
 * died ({@code SIGKILL}, a lost machine) goes stale: at once when the holder ran on this host
 * and its process is gone, otherwise {@link #TTL} after its last heartbeat; the next run then
 * takes it over (renaming the stale file away, which only one taker can do).
 *
 * <p>{@link Mode#EXCLUSIVE} is for a whole night, a backfill, an ingest, maintenance and restore;
 * {@link Mode#SHARED} for {@code run-job}, which Airflow runs as parallel processes of
 * independent stages. Both sides create their file first and then look for the other kind, so
 * a race makes both give up, never both go on. Local lakes only ({@code file:}); a cluster lake
 * relies on the scheduler not to start two runs (Airflow's {@code max_active_runs=1}).
 */
public final class LakeLease implements AutoCloseable {
  /** A live lease renews itself this often. */
  static final Duration HEARTBEAT = Duration.ofSeconds(20);
  /** A lease not renewed for this long is stale, whoever holds it. */
  static final Duration TTL = Duration.ofMinutes(2);
  /** Exit code of a command refused because another run holds the lake. */
  public static final int EXIT_CODE = 5;
  static final String EXCLUSIVE_FILE = "exclusive.lease";
  private static final String SHARED_PREFIX = "shared-";

  /** Whether others may hold the lake beside this holder. */
  public enum Mode { EXCLUSIVE, SHARED }

  private final Path file;
  private final List<AbandonedRun> abandoned;
  private final ScheduledExecutorService heartbeat;
  private final Thread cleanup;

  private LakeLease(Path file, List<AbandonedRun> abandoned) {
    this.file = file;
    this.abandoned = List.copyOf(abandoned);
    this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "citylake-lease-heartbeat");
      thread.setDaemon(true);
      return thread;
    });
    heartbeat.scheduleAtFixedRate(this::renew, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(),
        TimeUnit.SECONDS);
    // Ctrl-C and SIGTERM end the JVM through its shutdown hooks: give the lease back then too
    this.cleanup = new Thread(this::release, "citylake-lease-release");
    Runtime.getRuntime().addShutdownHook(cleanup);
  }

  /**
   * Takes a lease on {@code config}'s lake for {@code command}, or fails with one line naming
   * the holder and exit code {@value #EXIT_CODE}. A lake that is not on the local disk gets a
   * lease that holds nothing.
   */
  public static LakeLease acquire(LakeConfig config, Mode mode, String command) {
    if (!"file".equals(config.lakeRoot().getScheme())) {
      return null;
    }
    Path dir = Path.of(config.lakeRoot()).resolve("_ops").resolve("lease");
    try {
      Files.createDirectories(dir);
      return mode == Mode.EXCLUSIVE ? exclusive(dir, command) : shared(dir, command);
    } catch (IOException e) {
      throw CityLakeException.failed("take the lease on " + dir, e.getMessage(), e);
    }
  }

  private static LakeLease exclusive(Path dir, String command) throws IOException {
    Path file = dir.resolve(EXCLUSIVE_FILE);
    String owner = LeaseOwner.current(command).text();
    List<AbandonedRun> abandoned = new ArrayList<>();
    for (int attempt = 0; attempt < 3; attempt++) {
      if (createNew(file, owner)) {
        Optional<LeaseOwner> sharer = liveShared(dir, abandoned);
        if (sharer.isPresent()) {
          Files.deleteIfExists(file);
          throw busy(dir, command, sharer.get());
        }
        return new LakeLease(file, abandoned);
      }
      Optional<LeaseOwner> holder = LeaseOwner.read(file);
      if (holder.isPresent() && !stale(file, holder.get())) {
        throw busy(dir, command, holder.get());
      }
      Optional<Instant> lastSeen = lastRenewed(file);
      if (retire(file) && holder.isPresent() && lastSeen.isPresent()) {
        abandoned.add(AbandonedRun.of(holder.get(), lastSeen.get()));
      }
    }
    throw busy(dir, command, LeaseOwner.read(file).orElse(LeaseOwner.unknown()));
  }

  private static LakeLease shared(Path dir, String command) throws IOException {
    Path file = dir.resolve(SHARED_PREFIX + UUID.randomUUID() + ".lease");
    createNew(file, LeaseOwner.current(command).text());
    Path exclusive = dir.resolve(EXCLUSIVE_FILE);
    Optional<LeaseOwner> holder = LeaseOwner.read(exclusive);
    if (holder.isPresent() && !stale(exclusive, holder.get())) {
      Files.deleteIfExists(file);
      throw busy(dir, command, holder.get());
    }
    return new LakeLease(file, List.of());
  }

  /**
   * The holder of a live shared lease, if any; stale shared leases are removed on the way and
   * their runs added to {@code abandoned}.
   */
  private static Optional<LeaseOwner> liveShared(Path dir, List<AbandonedRun> abandoned)
      throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      for (Path other : files.filter(p -> p.getFileName().toString().startsWith(SHARED_PREFIX))
          .toList()) {
        Optional<LeaseOwner> owner = LeaseOwner.read(other);
        if (owner.isPresent() && !stale(other, owner.get())) {
          return owner;
        }
        Optional<Instant> lastSeen = lastRenewed(other);
        if (owner.isPresent() && Files.deleteIfExists(other) && lastSeen.isPresent()) {
          abandoned.add(AbandonedRun.of(owner.get(), lastSeen.get()));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The runs whose stale leases this one took over: they died holding the lake and never
   * recorded their end.
   */
  public List<AbandonedRun> abandoned() {
    return abandoned;
  }

  /** The runs {@code lease} took over; none for a lake a lease does not guard (null). */
  public static List<AbandonedRun> abandoned(LakeLease lease) {
    return lease == null ? List.of() : lease.abandoned();
  }

  private static Optional<Instant> lastRenewed(Path file) throws IOException {
    try {
      return Optional.of(Files.getLastModifiedTime(file).toInstant());
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** Stale: its process on this host is gone, or nobody renewed it for {@link #TTL}. */
  static boolean stale(Path file, LeaseOwner owner) {
    if (owner.onThisHost() && !owner.processAlive()) {
      return true;
    }
    try {
      Instant renewed = Files.getLastModifiedTime(file).toInstant();
      return renewed.plus(TTL).isBefore(Instant.now());
    } catch (NoSuchFileException e) {
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Moves a stale lease aside; of several takers, only one rename finds the file, and only that
   * one gets true.
   */
  private static boolean retire(Path file) throws IOException {
    Path aside = file.resolveSibling(file.getFileName() + ".stale-" + UUID.randomUUID());
    try {
      Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
      Files.deleteIfExists(aside);
      return true;
    } catch (NoSuchFileException e) {
      // another taker retired it first
      return false;
    }
  }

  private static boolean createNew(Path file, String text) throws IOException {
    try {
      Files.write(file, text.getBytes(StandardCharsets.UTF_8),
          java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    }
  }

  private static CityLakeException busy(Path dir, String command, LeaseOwner holder) {
    return new CityLakeException("Cannot start " + command + ": another citylake run holds the lake ("
        + holder.describe() + "); wait for it to end (a lease whose process died is freed at once"
        + " on its host, elsewhere " + TTL.toMinutes() + " minutes after its last heartbeat)"
        + " (got: " + dir + ")", EXIT_CODE, null);
  }

  private void renew() {
    try {
      Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
    } catch (IOException e) {
      // the next heartbeat tries again; a lease lost meanwhile is reported by its taker
    }
  }

  private void release() {
    heartbeat.shutdownNow();
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // left behind: it goes stale with this process
    }
  }

  /** Gives the lease back. */
  @Override
  public void close() {
    release();
    try {
      Runtime.getRuntime().removeShutdownHook(cleanup);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down
    }
  }

  /** The host name as leases record it. */
  static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown-host";
    }
  }
}
