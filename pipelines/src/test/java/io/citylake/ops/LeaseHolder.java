package io.citylake.ops;

import io.citylake.lake.LakeConfig;
import java.nio.file.Path;

/**
 * A tiny process that takes a lake's lease and keeps it until it is killed (at most a minute):
 * the other process of {@link LakeLeaseAcrossProcessesTest}. Prints {@code held} once it holds.
 */
public final class LeaseHolder {
  private LeaseHolder() {}

  public static void main(String[] args) throws InterruptedException {
    LakeLease lease = LakeLease.acquire(LakeConfig.local(Path.of(args[0])),
        LakeLease.Mode.valueOf(args[1]), "citylake nightly");
    System.out.println("held");
    System.out.flush();
    Thread.sleep(60_000);
    lease.close();
  }
}
