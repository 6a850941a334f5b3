package io.citylake.ops;

import java.time.Instant;

/**
 * A run whose process died holding its {@link LakeLease} (killed with {@code SIGKILL}, out of
 * memory, its machine lost): it never wrote its own row in the run ledger, so the run that
 * takes its stale lease over reports it, from what the lease file kept.
 *
 * @param command the command the dead run was started with, e.g. {@code citylake nightly}
 * @param started when it took the lease
 * @param lastSeen its last heartbeat (the lease file's modification time)
 */
public record AbandonedRun(String command, String host, long pid, Instant started,
    Instant lastSeen) {

  static AbandonedRun of(LeaseOwner owner, Instant lastSeen) {
    return new AbandonedRun(owner.command(), owner.host(), owner.pid(), owner.since(), lastSeen);
  }
}
