package io.citylake.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * Who holds a {@link LakeLease}: the command, host, process id and process start, written once
 * into the lease file, so a refused run can say who holds the lake and a run on the same host
 * can tell that the holder died (its process is gone, or the id now names another process).
 */
record LeaseOwner(String command, String host, long pid, String processStart, Instant since) {

  static LeaseOwner current(String command) {
    ProcessHandle self = ProcessHandle.current();
    return new LeaseOwner(command, LakeLease.hostName(), self.pid(), startOf(self),
        Instant.now());
  }

  static LeaseOwner unknown() {
    return new LeaseOwner("unknown", "unknown-host", -1, "", Instant.EPOCH);
  }

  String text() {
    return "command=" + command.replace('\n', ' ') + "\nhost=" + host + "\npid=" + pid
        + "\nprocess_start=" + processStart + "\nsince=" + since + "\n";
  }

  /** The owner written in {@code file}; empty when there is no such file or it is half written. */
  static Optional<LeaseOwner> read(Path file) {
    Properties p = new Properties();
    try {
      p.load(new java.io.StringReader(Files.readString(file, StandardCharsets.UTF_8)));
      return Optional.of(new LeaseOwner(p.getProperty("command", "unknown"),
          p.getProperty("host", "unknown-host"), Long.parseLong(p.getProperty("pid", "-1")),
          p.getProperty("process_start", ""), Instant.parse(p.getProperty("since"))));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      // being written right now: treat it as a live lease of an unknown holder
      return Optional.of(unknown().withSince(Instant.now()));
    }
  }

  boolean onThisHost() {
    return host.equals(LakeLease.hostName());
  }

  /**
   * Whether the process is still the one that took the lease: the pid is alive and started when
   * the lease says. The start is compared to within {@link #START_TOLERANCE}: Linux derives a
   * process's start instant from the boot time, which {@code /proc/stat} reports as now minus
   * the uptime, so two JVMs can see the same process start a second apart (a live holder was
   * once taken for dead that way); a reused pid starts far later.
   */
  boolean processAlive() {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
        .map(h -> processStart.isEmpty() || sameStart(startOf(h), processStart)).orElse(false);
  }

  static final java.time.Duration START_TOLERANCE = java.time.Duration.ofSeconds(3);

  static boolean sameStart(String seen, String recorded) {
    if (seen.equals(recorded)) {
      return true;
    }
    try {
      return java.time.Duration.between(Instant.parse(seen), Instant.parse(recorded)).abs()
          .compareTo(START_TOLERANCE) <= 0;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  String describe() {
    return command + ", pid " + pid + " on " + host + ", since " + since;
  }

  private LeaseOwner withSince(Instant instant) {
    return new LeaseOwner(command, host, pid, processStart, instant);
  }

  private static String startOf(ProcessHandle process) {
    return process.info().startInstant().map(Instant::toString).orElse("");
  }
}
