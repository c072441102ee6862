package dev.podium.changes;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The change feed a static site builder or an app syncs from. */
@QuarkusTest
class ChangeResourceTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode page(String since, Integer limit) {
    RequestSpecification request = given();
    if (since != null) {
      request.queryParam("since", since);
    }
    if (limit != null) {
      request.queryParam("limit", limit);
    }
    try {
      return JSON.readTree(
          request.get("/api/v1/changes").then().statusCode(200).extract().asString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The position after everything logged so far. */
  private static String now() {
    String since = null;
    while (true) {
      JsonNode page = page(since, 100);
      since = page.path("page").path("next").asText();
      if (page.path("items").size() < 100) {
        return since;
      }
    }
  }

  private static String slug() {
    return "change-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void theFeedStartsWithTheDemoCatalogOldestFirst() {
    JsonNode first = page(null, 100);
    JsonNode items = first.path("items");
    assertThat(items.size()).isPositive();
    // The demo import wrote its topics before anything else.
    assertThat(items.get(0).path("kind").asText()).isEqualTo("topic");
    assertThat(items.get(0).path("slug").asText()).isEqualTo("resiliency");
    Instant previous = Instant.MIN;
    for (JsonNode item : items) {
      assertThat(item.path("kind").asText())
          .isIn("topic", "conference", "speaker", "talk", "interview");
      assertThat(item.path("op").asText()).isIn("upsert", "delete");
      assertThat(item.path("slug").asText()).isNotBlank();
      Instant at = Instant.parse(item.path("at").asText());
      assertThat(at).isAfterOrEqualTo(previous);
      previous = at;
    }
  }

  @Test
  void aWriteAppearsAfterThePositionTakenBeforeIt() {
    String since = now();
    assertThat(page(since, null).path("items")).isEmpty();
    String slug = slug();
    given()
        .contentType("application/json")
        .body(Map.of("slug", slug, "name", "Change Feed"))
        .post("/api/v1/topics")
        .then()
        .statusCode(201);
    given()
        .contentType("application/json")
        .body(Map.of("name", "Change Feed Renamed"))
        .put("/api/v1/topics/" + slug)
        .then()
        .statusCode(200);
    given().delete("/api/v1/topics/" + slug).then().statusCode(204);

    JsonNode changes = page(since, null);
    List<String> seen = new ArrayList<>();
    changes
        .path("items")
        .forEach(
            i ->
                seen.add(
                    i.path("kind").asText()
                        + " "
                        + i.path("slug").asText()
                        + " "
                        + i.path("op").asText()));
    assertThat(seen)
        .containsExactly(
            "topic " + slug + " upsert", "topic " + slug + " upsert", "topic " + slug + " delete");
    assertThat(changes.path("page").path("total").asInt()).isEqualTo(3);

    String next = changes.path("page").path("next").asText();
    JsonNode upToDate = page(next, null);
    assertThat(upToDate.path("items")).isEmpty();
    assertThat(upToDate.path("page").path("next").asText()).isEqualTo(next);
    assertThat(upToDate.path("page").path("total").asInt()).isZero();
  }

  @Test
  void pagingWithSinceVisitsEveryChangeOnceWhateverTheLimit() {
    String start = now();
    for (int i = 0; i < 5; i++) {
      given()
          .contentType("application/json")
          .body(Map.of("slug", slug(), "name", "Paged Speaker " + i))
          .post("/api/v1/speakers")
          .then()
          .statusCode(201);
    }
    List<String> all = walk(start, 100);
    assertThat(all).hasSize(5).doesNotHaveDuplicates();
    for (int limit = 1; limit <= 6; limit++) {
      assertThat(walk(start, limit)).as("by " + limit).isEqualTo(all);
    }
    all.forEach(s -> given().delete("/api/v1/speakers/" + s.split(" ")[1]).then().statusCode(204));
  }

  /** Every change after {@code since}, page by page; the last page has fewer than the limit. */
  private static List<String> walk(String since, int limit) {
    List<String> seen = new ArrayList<>();
    for (int pages = 0; pages < 1000; pages++) {
      JsonNode page = page(since, limit);
      page.path("items")
          .forEach(i -> seen.add(i.path("kind").asText() + " " + i.path("slug").asText()));
      assertThat(page.path("page").path("next").isTextual()).isTrue();
      since = page.path("page").path("next").asText();
      if (page.path("items").size() < limit) {
        return seen;
      }
    }
    throw new AssertionError("more than 1000 pages");
  }

  @Test
  void pageNextIsAlwaysGivenEvenOnAnEmptyPage() {
    JsonNode end = page(now(), 5);
    assertThat(end.path("items")).isEmpty();
    assertThat(end.path("page").path("next").asText()).isNotBlank();
    assertThat(end.path("page").path("limit").asInt()).isEqualTo(5);
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage", "!!!", "c2VhcmNoHzE", "Y2hhbmdlcx94", "Y2hhbmdlcw"})
  void aBadSinceIsA400NamingSince(String since) {
    given()
        .queryParam("since", since)
        .get("/api/v1/changes")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("since"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "101", "x"})
  void aBadLimitIsA400NamingLimit(String limit) {
    given()
        .queryParam("limit", limit)
        .get("/api/v1/changes")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("limit"));
  }
}
