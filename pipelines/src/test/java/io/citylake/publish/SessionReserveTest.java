package io.citylake.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SessionReserveTest {

  @Test
  void aClientGetsTheSessionBuiltBeforeItCameAndTheNextIsBuiltWithoutIt() throws Exception {
    List<String> builtOn = new CopyOnWriteArrayList<>();
    AtomicInteger built = new AtomicInteger();
    CountDownLatch secondBuilt = new CountDownLatch(2);
    try (SessionReserve<String> reserve = new SessionReserve<>(() -> {
      builtOn.add(Thread.currentThread().getName());
      String session = "session-" + built.incrementAndGet();
      secondBuilt.countDown();
      return session;
    })) {
      assertThat(reserve.take()).isEqualTo("session-1");
      // the successor is built in the background, before anyone asks for it
      assertThat(secondBuilt.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(built.get()).isEqualTo(2);
      assertThat(reserve.take()).isEqualTo("session-2");
      assertThat(reserve.take()).isEqualTo("session-3");
    }
    assertThat(builtOn).isNotEmpty()
        .allSatisfy(thread -> assertThat(thread).isEqualTo("citylake-jdbc-session-reserve"));
  }

  @Test
  void aSessionThatFailedAheadIsBuiltAgainForTheClient() {
    AtomicInteger attempts = new AtomicInteger();
    try (SessionReserve<String> reserve = new SessionReserve<>(() -> {
      if (attempts.incrementAndGet() == 1) {
        throw new IllegalStateException("metastore not ready");
      }
      return "session-" + attempts.get() + "@" + Thread.currentThread().getName();
    })) {
      String session = reserve.take();
      assertThat(session).startsWith("session-").doesNotEndWith("@citylake-jdbc-session-reserve");
    }
  }

  @Test
  void aSessionThatCannotBeBuiltFailsTheClientWithItsOwnError() {
    try (SessionReserve<String> reserve = new SessionReserve<>(() -> {
      throw new IllegalStateException("no metastore");
    })) {
      assertThatThrownBy(reserve::take).isInstanceOf(IllegalStateException.class)
          .hasMessage("no metastore");
    }
  }

  @Test
  void aClosedReserveStillBuildsOnTheCallersThread() {
    SessionReserve<String> reserve =
        new SessionReserve<>(() -> "on " + Thread.currentThread().getName());
    reserve.take();
    reserve.close();
    reserve.take();
    assertThat(reserve.take()).isEqualTo("on " + Thread.currentThread().getName());
  }
}
