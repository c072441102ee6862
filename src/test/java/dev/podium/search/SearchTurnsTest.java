package dev.podium.search;

import static dev.podium.Api.BASE;
import static dev.podium.Api.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.InterruptedIOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Searches take turns: with every turn taken, a search waits, and past the queue timeout answers a
 * 503 problem with Retry-After instead of piling onto busy processors; suggestions don't wait.
 */
@QuarkusTest
@TestProfile(SearchTurnsTest.OneTurn.class)
class SearchTurnsTest {

  public static class OneTurn implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("podium.search.concurrency", "1", "podium.search.queue-timeout", "300ms");
    }
  }

  @Inject SearchService search;

  @Test
  void aSearchThatCannotGetATurnInTimeAnswers503AndTheNextOneWorks() throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Object> busy =
        CompletableFuture.supplyAsync(
            () ->
                search.inTurn(
                    searcher -> {
                      holding.countDown();
                      try {
                        return release.await(30, TimeUnit.SECONDS);
                      } catch (InterruptedException e) {
                        throw new InterruptedIOException();
                      }
                    }));
    try {
      holding.await(30, TimeUnit.SECONDS);
      assertProblem(given().get(BASE + "/search?q=resilience"), 503)
          .header("Retry-After", equalTo("1"));
      assertProblem(
          given().get(BASE + "/talks/designing-services-resilience-testing-netflix/related"), 503);
      given().get(BASE + "/search/suggest?q=resil").then().statusCode(200);
    } finally {
      release.countDown();
      busy.get(30, TimeUnit.SECONDS);
    }
    given().get(BASE + "/search?q=resilience").then().statusCode(200);
  }
}
