package dev.podium.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Readiness reports the search index: open, and how far behind the change log it is. */
@QuarkusTest
class SearchHealthTest {

  private final Api api = new Api();

  @AfterEach
  void deleteCreated() {
    api.deleteCreated();
  }

  private static JsonNode searchCheck() {
    JsonNode ready = Api.get("/q/health/ready", Map.of());
    assertThat(ready.path("status").asText()).isEqualTo("UP");
    for (JsonNode check : ready.path("checks")) {
      if (check.path("name").asText().equals("Search index")) {
        assertThat(check.path("status").asText()).isEqualTo("UP");
        return check.path("data");
      }
    }
    throw new AssertionError("no search index check in " + ready);
  }

  @Test
  void readinessReportsTheIndexOpenAndCaughtUp() {
    JsonNode data = searchCheck();
    assertThat(data.path("open").asBoolean()).isTrue();
    assertThat(data.path("rebuilding").asBoolean()).isFalse();
    assertThat(data.path("changesBehind").isNumber()).isTrue();
    assertThat(data.path("changesBehind").asLong()).isZero();
    assertThat(data.path("lastChange").asLong()).isPositive();
  }

  @Test
  void aWriteIsIndexedBeforeItsResponseSoNothingIsBehind() {
    long before = searchCheck().path("lastChange").asLong();
    api.talk("Readiness " + Api.word(), null);
    JsonNode data = searchCheck();
    assertThat(data.path("lastChange").asLong()).isGreaterThan(before);
    assertThat(data.path("changesBehind").asLong()).isZero();
  }
}
