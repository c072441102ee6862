package dev.podium.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.podium.common.ApiException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TurnsTest {

  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  /** Holds one turn of {@code turns} until {@code release} opens; returns once it holds it. */
  private CompletableFuture<String> hold(Turns turns, CountDownLatch release)
      throws InterruptedException {
    CountDownLatch holding = new CountDownLatch(1);
    CompletableFuture<String> done =
        CompletableFuture.supplyAsync(
            () ->
                turns.run(
                    () -> {
                      holding.countDown();
                      try {
                        release.await();
                      } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                      }
                      return "held";
                    }),
            threads);
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
    return done;
  }

  @Test
  void aSearchBeyondTheLimitWaitsForATurnAndRunsOnceOneIsFree() throws Exception {
    Turns turns = new Turns(1, Duration.ofSeconds(10));
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> first = hold(turns, release);

    CompletableFuture<String> second =
        CompletableFuture.supplyAsync(() -> turns.run(() -> "second"), threads);
    await().atMost(Duration.ofSeconds(10)).until(() -> turns.waiting() == 1);
    assertThat(second).as("waits while the only turn is taken").isNotDone();

    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("held");
    assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("second");
  }

  @Test
  void aSearchThatWaitsTooLongIsAnsweredBusyWithRetryAfterAndFreesNothing() throws Exception {
    Turns turns = new Turns(1, Duration.ofMillis(100));
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> first = hold(turns, release);

    assertThatThrownBy(() -> turns.run(() -> "too late"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.title()).isEqualTo("Busy");
              assertThat(e.retryAfter()).isEqualTo(1);
              assertThat(e.getMessage()).contains("waited 100 ms");
            });

    release.countDown();
    first.get(10, TimeUnit.SECONDS);
    assertThat(turns.run(() -> "after")).as("the turn was given back").isEqualTo("after");
  }

  @Test
  void aFailedSearchGivesItsTurnBack() {
    Turns turns = new Turns(1, Duration.ofMillis(100));
    assertThatThrownBy(
            () ->
                turns.run(
                    () -> {
                      throw new IllegalStateException("broken");
                    }))
        .isInstanceOf(IllegalStateException.class);
    assertThat(turns.run(() -> "next")).isEqualTo("next");
  }

  @Test
  void turnsAreGivenInTheOrderAsked() throws Exception {
    Turns turns = new Turns(1, Duration.ofSeconds(10));
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> first = hold(turns, release);
    List<Integer> order = Collections.synchronizedList(new ArrayList<>());
    List<CompletableFuture<Integer>> waiting = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int n = i;
      waiting.add(
          CompletableFuture.supplyAsync(
              () ->
                  turns.run(
                      () -> {
                        order.add(n);
                        return n;
                      }),
              threads));
      // Each asks after the one before.
      await().atMost(Duration.ofSeconds(10)).until(() -> turns.waiting() == n + 1);
    }
    release.countDown();
    first.get(10, TimeUnit.SECONDS);
    for (CompletableFuture<Integer> w : waiting) {
      w.get(10, TimeUnit.SECONDS);
    }
    assertThat(order).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void zeroMeansNoLimit() throws Exception {
    Turns turns = new Turns(0, Duration.ofMillis(10));
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<String> first = hold(turns, release);
    assertThat(turns.run(() -> "alongside")).isEqualTo("alongside");
    release.countDown();
    first.get(10, TimeUnit.SECONDS);
  }
}
