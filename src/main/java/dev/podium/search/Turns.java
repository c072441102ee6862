package dev.podium.search;

import dev.podium.common.ApiException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Turns among the searches that run at once, first come first served ({@code
 * podium.search.concurrency}). Searches are bound by the CPU: on 2 cores, 8 at once each ran at a
 * quarter of a core, so one that reads much took four times its own time. In turn, a search waits
 * for those before it and then runs at full speed. A search that waits longer than {@code
 * podium.search.max-wait} is answered 503 with {@code Retry-After}, rather than left to hang.
 */
final class Turns {

  private final Semaphore permits; // null: no limit
  private final Duration maxWait;

  /** {@code concurrency} searches at once; 0 for no limit. */
  Turns(int concurrency, Duration maxWait) {
    this.permits = concurrency == 0 ? null : new Semaphore(concurrency, true);
    this.maxWait = maxWait;
  }

  /** Runs {@code search} in its turn. */
  <T> T run(Supplier<T> search) {
    if (permits == null) {
      return search.get();
    }
    await();
    try {
      return search.get();
    } finally {
      permits.release();
    }
  }

  /** Searches waiting for their turn now. */
  int waiting() {
    return permits == null ? 0 : permits.getQueueLength();
  }

  private void await() {
    try {
      if (permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw ApiException.busy("searches", maxWait);
  }
}
