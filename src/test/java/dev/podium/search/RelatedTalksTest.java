package dev.podium.search;

import static dev.podium.search.SearchResourceTest.DESIGNING;
import static dev.podium.search.SearchResourceTest.EXPEDIA;
import static dev.podium.search.SearchResourceTest.MIGRATIONS;
import static dev.podium.search.SearchResourceTest.MONITORING;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /api/v1/talks/{slug}/related: talks like this one by text, topics and speakers. */
@QuarkusTest
class RelatedTalksTest {

  private static JsonNode related(String slug, Integer limit) {
    String path = "/api/v1/talks/" + slug + "/related";
    return limit == null ? Api.get(path, Map.of()) : Api.get(path, Map.of("limit", limit));
  }

  private static List<String> slugs(JsonNode related) {
    List<String> slugs = new ArrayList<>();
    related.path("items").forEach(t -> slugs.add(t.path("slug").asText()));
    return slugs;
  }

  @Test
  void theOtherResiliencyTalksComeFirst() {
    List<String> related = slugs(related(DESIGNING, 100));
    assertThat(related).hasSizeGreaterThanOrEqualTo(3);
    assertThat(related.subList(0, 3)).containsExactlyInAnyOrder(MONITORING, EXPEDIA, MIGRATIONS);
  }

  @Test
  void aTalkIsNeverRelatedToItself() {
    for (String talk : SearchResourceTest.RESILIENCY_TALKS) {
      assertThat(slugs(related(talk, 100))).as(talk).doesNotContain(talk).doesNotHaveDuplicates();
    }
  }

  @Test
  void itemsAreTheSummariesTheTalkListServes() {
    JsonNode list = Api.get("/api/v1/talks", Map.of("topic", "resiliency", "limit", 100));
    for (JsonNode item : related(DESIGNING, 3).path("items")) {
      JsonNode listed = null;
      for (JsonNode l : list.path("items")) {
        if (l.path("slug").equals(item.path("slug"))) {
          listed = l;
        }
      }
      assertThat(listed).as(item.path("slug").asText()).isNotNull();
      assertThat(item).isEqualTo(listed);
    }
  }

  @Test
  void theLimitCapsTheList() {
    assertThat(related(DESIGNING, 1).path("items")).hasSize(1);
    assertThat(related(DESIGNING, 2).path("items")).hasSize(2);
    assertThat(related(DESIGNING, null).path("items").size()).isBetween(3, 20);
  }

  @Test
  void anUnknownTalkIsA404() {
    given()
        .get("/api/v1/talks/no-such-talk-here/related")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("status", equalTo(404));
  }

  @Test
  void aBadLimitOrSlugIsA400() {
    given()
        .queryParam("limit", 0)
        .get("/api/v1/talks/" + DESIGNING + "/related")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("limit"));
    given()
        .get("/api/v1/talks/Not_A_Slug/related")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("slug"));
  }
}
