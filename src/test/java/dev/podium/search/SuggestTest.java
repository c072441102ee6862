package dev.podium.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Completions for a search box, on the demo data: topics, speakers and talk titles. */
@QuarkusTest
class SuggestTest {

  private final Api api = new Api();

  @AfterEach
  void deleteCreated() {
    api.deleteCreated();
  }

  private static JsonNode suggest(String q, Integer limit) {
    return limit == null
        ? Api.get("/api/v1/search/suggest", Map.of("q", q))
        : Api.get("/api/v1/search/suggest", Map.of("q", q, "limit", limit));
  }

  /** "type:slug" of each suggestion, best first. */
  private static List<String> suggested(String q) {
    List<String> out = new ArrayList<>();
    suggest(q, 20)
        .path("items")
        .forEach(i -> out.add(i.path("type").asText() + ":" + i.path("slug").asText()));
    return out;
  }

  @Test
  void resilOffersTheResiliencyTopicFirst() {
    JsonNode first = suggest("resil", null).path("items").get(0);
    assertThat(first.path("type").asText()).isEqualTo("topic");
    assertThat(first.path("slug").asText()).isEqualTo("resiliency");
    assertThat(first.path("text").asText()).isEqualTo("Resiliency");
    assertThat(suggested("Resil")).first().isEqualTo("topic:resiliency");
  }

  @Test
  void itCompletesTalkTitles() {
    assertThat(suggested("designing serv")).contains("talk:" + SearchResourceTest.DESIGNING);
    assertThat(suggested("building resilience in prod"))
        .contains("talk:" + SearchResourceTest.MIGRATIONS);
    assertThat(suggested("resil"))
        .contains(
            "talk:" + SearchResourceTest.DESIGNING,
            "talk:" + SearchResourceTest.EXPEDIA,
            "talk:" + SearchResourceTest.MIGRATIONS);
    JsonNode talk = suggest("designing services for resil", null).path("items").get(0);
    assertThat(talk.path("text").asText())
        .isEqualTo("Designing Services for Resilience Testing @Netflix");
  }

  @Test
  void itCompletesSpeakerNames() {
    assertThat(suggested("nora j")).first().isEqualTo("speaker:nora-jones");
    assertThat(suggested("Sang")).contains("speaker:sangeeta-handa");
    assertThat(suggested("sahar sam")).first().isEqualTo("speaker:sahar-samiei");
    JsonNode speaker = suggest("nora", null).path("items").get(0);
    assertThat(speaker.path("text").asText()).isEqualTo("Nora Jones");
  }

  @Test
  void itCompletesTopicNames() {
    assertThat(suggested("chaos eng")).first().isEqualTo("topic:chaos-engineering");
    assertThat(suggested("monitoring and")).contains("topic:observability");
  }

  @Test
  void textsThatStartWithWhatWasTypedComeFirstThenTheNewerTalks() {
    String w = Api.word();
    String older = talkOn(w + " patterns in depth", "2014-03-01T10:00:00Z");
    String newer = talkOn("Patterns of " + w, "2024-03-01T10:00:00Z");
    String newest = talkOn("More " + w + " patterns", "2025-03-01T10:00:00Z");
    String undated = talkOn("Undated " + w, null);
    assertThat(suggested(w.substring(0, 6)))
        .containsExactly("talk:" + older, "talk:" + newest, "talk:" + newer, "talk:" + undated);
  }

  @Test
  void ofSpeakersAndTopicsTheBusierComeFirst() {
    String w = Api.word();
    // The quiet ones come first by name and by slug, so only their talks can put them second.
    String quiet =
        api.create("speakers", Map.of("slug", "a-" + w, "name", "Aaron " + w))
            .path("slug")
            .asText();
    String busy =
        api.create("speakers", Map.of("slug", "z-" + w, "name", "Zoe " + w)).path("slug").asText();
    String rare =
        api.create("topics", Map.of("slug", "a-" + w, "name", w + " Aa")).path("slug").asText();
    String common =
        api.create("topics", Map.of("slug", "z-" + w, "name", w + " Zz")).path("slug").asText();
    api.talk("One", null, List.of(quiet, busy), List.of(rare, common));
    api.talk("Two", null, List.of(busy), List.of(common));
    api.talk("Three", null, List.of(busy), List.of(common));
    // Topics before speakers, and of each the one with more talks first.
    assertThat(suggested(w.substring(0, 7)))
        .containsSubsequence("topic:" + common, "topic:" + rare, "speaker:" + busy)
        .containsSubsequence("speaker:" + busy, "speaker:" + quiet);
  }

  private String talkOn(String title, String startsAt) {
    Map<String, Object> body = new HashMap<>();
    body.put("slug", Api.slug("talk"));
    body.put("title", title);
    body.put("startsAt", startsAt);
    return api.create("talks", body).path("slug").asText();
  }

  @Test
  void finishedWordsMustMatchWhole() {
    // "resil " is a finished word: only whole words "resil" would do, and there are none.
    assertThat(suggested("resil ")).isEmpty();
    assertThat(suggested("nora x")).isEmpty();
  }

  @Test
  void interviewsAreNotSuggested() {
    assertThat(suggested("living on the")).noneMatch(s -> s.startsWith("interview:"));
  }

  @Test
  void theLimitCapsTheList() {
    assertThat(suggest("resil", 1).path("items")).hasSize(1);
    assertThat(suggest("resil", 2).path("items")).hasSize(2);
    assertThat(suggest("resil", null).path("items").size()).isBetween(4, 8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", ":", "\"", "-", "(", "*", "~", "\\", "&&"})
  void nothingToCompleteIsAnEmptyList(String q) {
    assertThat(suggest(q, null).path("items")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "21", "-1", "many"})
  void aBadLimitIsA400NamingLimit(String limit) {
    given()
        .queryParam("q", "resil")
        .queryParam("limit", limit)
        .get("/api/v1/search/suggest")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors[0].field", equalTo("limit"));
  }

  @Test
  void aQueryOver500CharactersIsA400NamingQ() {
    given().queryParam("q", "r".repeat(500)).get("/api/v1/search/suggest").then().statusCode(200);
    given()
        .queryParam("q", "r".repeat(501))
        .get("/api/v1/search/suggest")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("q"));
  }
}
