package dev.podium.common;

import static dev.podium.Api.BASE;
import static dev.podium.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.podium.Api;
import dev.podium.SignedInByDefault;
import dev.podium.Tokens;
import dev.podium.search.Indexer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.function.Consumer;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Repeated anonymous reads are answered from memory, and never with what a write has changed: on
 * this instance a write is seen by the next read, and without a recent confirmation of the change
 * log (the database unreachable) every read goes to the database again.
 */
@QuarkusTest
class ResponseCacheTest {

  private static final String ORIGIN = "https://app.example.org";

  @Inject SessionFactory sessions;
  @Inject Indexer indexer;
  @Inject ResponseCache cache;

  private String speaker;
  private String path;

  @BeforeEach
  void aSpeaker() {
    speaker = unique("cached");
    Api.create("speakers", body("Ann Original"));
    path = BASE + "/speakers/" + speaker;
    SignedInByDefault.signOut();
  }

  private String body(String name) {
    return "{\"slug\": \"%s\", \"name\": \"%s\"}".formatted(speaker, name);
  }

  /** SQL statements a GET of {@code path} prepares, the poll kept out of the count. */
  private long statements(Runnable request) {
    try (Indexer.Pause paused = indexer.pausePolling()) {
      indexer.catchUp();
      Statistics stats = sessions.getStatistics();
      stats.clear();
      request.run();
      return stats.getPrepareStatementCount();
    }
  }

  private Response read() {
    return given().header("Origin", ORIGIN).get(path);
  }

  @Test
  void aRepeatedReadRunsNoQueryAndIsTheSameAnswer() {
    Response[] answers = new Response[2];
    assertThat(statements(() -> answers[0] = read())).isPositive();
    assertThat(statements(() -> answers[1] = read())).isZero();

    Response first = answers[0];
    Response again = answers[1];
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.asString()).isEqualTo(first.asString());
    for (String header :
        new String[] {
          "ETag",
          "Cache-Control",
          "Content-Type",
          "X-Content-Type-Options",
          "Content-Security-Policy",
          "Access-Control-Allow-Origin",
          "Access-Control-Expose-Headers"
        }) {
      assertThat(again.header(header)).as(header).isNotNull().isEqualTo(first.header(header));
    }
  }

  @Test
  void aListPageKeepsItsNextLink() {
    String list = BASE + "/speakers?limit=1";
    String link = given().get(list).then().statusCode(200).extract().header("Link");
    long count = statements(() -> given().get(list).then().header("Link", equalTo(link)));
    assertThat(link).contains("rel=\"next\"");
    assertThat(count).isZero();
  }

  @Test
  void aWriteIsSeenByTheNextRead() {
    String before = read().then().statusCode(200).extract().header("ETag");
    read().then().body("name", equalTo("Ann Original"));

    Api.json(body("Ann Renamed"))
        .header("Authorization", "Bearer " + Tokens.withRoles("editor"))
        .put(path)
        .then()
        .statusCode(200);

    String after =
        read().then().statusCode(200).body("name", equalTo("Ann Renamed")).extract().header("ETag");
    assertThat(after).isNotEqualTo(before);
    given().header("If-None-Match", before).get(path).then().statusCode(200);
    given().header("If-None-Match", after).get(path).then().statusCode(304).header("ETag", after);
  }

  @Test
  void aRevalidationIsAnsweredFromMemory() {
    String tag = read().then().statusCode(200).extract().header("ETag");
    long count =
        statements(
            () ->
                given()
                    .header("If-None-Match", tag)
                    .get(path)
                    .then()
                    .statusCode(304)
                    .header("ETag", tag)
                    .header("Cache-Control", equalTo("public, max-age=60")));
    assertThat(count).isZero();
  }

  @Test
  void aReadWithCredentialsGoesToTheDatabase() {
    String token = "Bearer " + Tokens.withRoles("editor");
    given().header("Authorization", token).get(path).then().statusCode(200);
    assertThat(
            statements(
                () -> given().header("Authorization", token).get(path).then().statusCode(200)))
        .isPositive();
  }

  /**
   * With polling paused, a read served from memory; then {@code then} with the statistics, polling
   * still paused (as while the database is unreachable: the indexer cannot confirm the log).
   */
  private void afterAReadFromMemory(Consumer<Statistics> then) {
    read().then().statusCode(200);
    try (Indexer.Pause paused = indexer.pausePolling()) {
      indexer.catchUp();
      Statistics stats = sessions.getStatistics();
      stats.clear();
      read().then().statusCode(200);
      assertThat(stats.getPrepareStatementCount()).as("served from memory").isZero();
      then.accept(stats);
    }
  }

  @Test
  void onceTheIndexerFailsToReadTheLogTheNextReadGoesToTheDatabase() {
    afterAReadFromMemory(
        stats -> {
          // What a failed poll does: no grace period for stored answers.
          cache.unconfirmed();
          stats.clear();
          read().then().statusCode(200).body("name", equalTo("Ann Original"));
          assertThat(stats.getPrepareStatementCount()).as("read from the database").isPositive();
        });
  }

  @Test
  void withoutARecentLookAtTheChangeLogEveryReadGoesToTheDatabase() {
    // Within a couple of seconds without a confirmation, reads go to the database again.
    afterAReadFromMemory(
        stats ->
            await()
                .atMost(ResponseCache.FRESH.multipliedBy(3))
                .until(
                    () -> {
                      stats.clear();
                      read().then().statusCode(200).body("name", equalTo("Ann Original"));
                      return stats.getPrepareStatementCount() > 0;
                    }));
  }
}
