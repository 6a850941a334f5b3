package io.citylake.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.citylake.lake.CityLakeException;
import io.citylake.lake.LakeConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lease's rules within one process; {@link LakeLeaseAcrossProcessesTest} uses two. */
class LakeLeaseTest {
  @TempDir Path lake;

  private LakeLease take(LakeLease.Mode mode) {
    return LakeLease.acquire(LakeConfig.local(lake), mode, "citylake test");
  }

  private Path leaseDir() {
    return lake.resolve("_ops/lease");
  }

  @Test
  void anExclusiveLeaseRefusesEveryOtherRunUntilItIsGivenBack() {
    LakeLease first = take(LakeLease.Mode.EXCLUSIVE);

    assertThatThrownBy(() -> take(LakeLease.Mode.EXCLUSIVE))
        .isInstanceOf(CityLakeException.class)
        .hasMessageStartingWith("Cannot start citylake test: another citylake run holds the lake"
            + " (citylake test, pid " + ProcessHandle.current().pid() + " on ")
        .hasMessageNotContaining("\n")
        .satisfies(e -> assertThat(((CityLakeException) e).exitCode()).isEqualTo(5));
    assertThatThrownBy(() -> take(LakeLease.Mode.SHARED))
        .hasMessageContaining("another citylake run holds the lake");

    first.close();
    assertThat(leaseDir()).isEmptyDirectory();
    take(LakeLease.Mode.EXCLUSIVE).close();
  }

  @Test
  void sharedLeasesAdmitEachOtherButNotAnExclusiveRun() {
    LakeLease stageA = take(LakeLease.Mode.SHARED);
    LakeLease stageB = take(LakeLease.Mode.SHARED);

    assertThatThrownBy(() -> take(LakeLease.Mode.EXCLUSIVE))
        .hasMessageContaining("another citylake run holds the lake");
    // the refused run leaves no lease of its own behind
    assertThat(leaseDir().resolve(LakeLease.EXCLUSIVE_FILE)).doesNotExist();

    stageA.close();
    stageB.close();
    take(LakeLease.Mode.EXCLUSIVE).close();
  }

  @Test
  void aLeaseNotRenewedWithinItsTimeToLiveIsTakenOver() throws IOException {
    Path stale = writeLease("citylake nightly", "another-host", 4242);
    Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(LakeLease.TTL)
        .minusSeconds(5)));

    LakeLease taken = take(LakeLease.Mode.EXCLUSIVE);

    assertThat(Files.readString(stale)).contains("pid=" + ProcessHandle.current().pid());
    taken.close();
  }

  @Test
  void aRecentLeaseOfAnotherHostIsRespected() throws IOException {
    writeLease("citylake nightly", "another-host", 4242);

    assertThatThrownBy(() -> take(LakeLease.Mode.EXCLUSIVE))
        .hasMessageContaining("(citylake nightly, pid 4242 on another-host, since ");
  }

  @Test
  void aLiveHolderWhoseStartIsSeenASecondOffIsStillAliveAndAReusedPidIsNot() {
    ProcessHandle self = ProcessHandle.current();
    Instant start = self.info().startInstant().orElseThrow();
    LeaseOwner seenLater = new LeaseOwner("citylake nightly", LakeLease.hostName(), self.pid(),
        start.plusSeconds(1).toString(), Instant.now());
    LeaseOwner reusedPid = new LeaseOwner("citylake nightly", LakeLease.hostName(), self.pid(),
        start.minusSeconds(3600).toString(), Instant.now());

    assertThat(seenLater.processAlive()).isTrue();
    assertThat(reusedPid.processAlive()).isFalse();
  }

  @Test
  void aLeaseOfADeadProcessOnThisHostIsTakenOverAtOnceAndItsRunReported() throws Exception {
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    Path stale = writeLease("citylake nightly", LakeLease.hostName(), ended.pid());
    Instant lastHeartbeat = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
    Files.setLastModifiedTime(stale, FileTime.from(lastHeartbeat));

    LakeLease taken = take(LakeLease.Mode.EXCLUSIVE);

    assertThat(taken.abandoned()).singleElement().satisfies(run -> {
      assertThat(run.command()).isEqualTo("citylake nightly");
      assertThat(run.pid()).isEqualTo(ended.pid());
      assertThat(run.host()).isEqualTo(LakeLease.hostName());
      assertThat(run.lastSeen()).isEqualTo(lastHeartbeat);
    });
    taken.close();
    // a lease given back normally leaves no run to report
    try (LakeLease next = take(LakeLease.Mode.EXCLUSIVE)) {
      assertThat(next.abandoned()).isEmpty();
    }
  }

  @Test
  void aStaleSharedLeaseIsReportedByTheExclusiveRunThatRemovesIt() throws Exception {
    Process ended = new ProcessBuilder("true").start();
    ended.waitFor();
    Files.createDirectories(leaseDir());
    Files.writeString(leaseDir().resolve("shared-dead.lease"), new LeaseOwner(
        "citylake run-job", LakeLease.hostName(), ended.pid(), "", Instant.now()).text());

    try (LakeLease taken = take(LakeLease.Mode.EXCLUSIVE)) {
      assertThat(taken.abandoned()).extracting(AbandonedRun::command, AbandonedRun::pid)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("citylake run-job", ended.pid()));
    }
    assertThat(leaseDir()).isEmptyDirectory();
  }

  private Path writeLease(String command, String host, long pid) throws IOException {
    Files.createDirectories(leaseDir());
    Path file = leaseDir().resolve(LakeLease.EXCLUSIVE_FILE);
    Files.writeString(file, new LeaseOwner(command, host, pid, "", Instant.now()).text());
    return file;
  }
}
