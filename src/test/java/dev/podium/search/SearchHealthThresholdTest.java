package dev.podium.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podium.changes.Change;
import dev.podium.changes.ChangeLog;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Readiness is DOWN while the index is more than podium.search.max-behind changes behind. */
@QuarkusTest
@TestProfile(SearchHealthThresholdTest.NoneBehind.class)
class SearchHealthThresholdTest {

  /** Not one change may be missing from the index. */
  public static class NoneBehind implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("podium.search.max-behind", "0");
    }
  }

  @Inject Indexer indexer;

  @Test
  void readinessIsDownWhileTheIndexIsBehindByMoreThanAllowed() {
    try (Indexer.Pause paused = indexer.pausePolling()) {
      // As another instance would: a committed change this instance has not indexed yet.
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                Change change = new Change();
                change.kind = "topic";
                change.slug = "behind-" + Api.word();
                change.op = ChangeLog.DELETE;
                change.at = Instant.now();
                change.persist();
              });

      JsonNode search = searchCheck(503);
      assertThat(search.path("status").asText()).isEqualTo("DOWN");
      assertThat(search.path("data").path("changesBehind").asLong()).isEqualTo(1);
    }
    indexer.catchUp();

    JsonNode search = searchCheck(200);
    assertThat(search.path("status").asText()).isEqualTo("UP");
    assertThat(search.path("data").path("changesBehind").asLong()).isZero();
  }

  private static JsonNode searchCheck(int status) {
    JsonNode ready =
        Api.read(given().get("/q/health/ready").then().statusCode(status).extract().asString());
    for (JsonNode check : ready.path("checks")) {
      if (check.path("name").asText().equals("Search index")) {
        return check;
      }
    }
    throw new AssertionError("no search index check in " + ready);
  }
}
