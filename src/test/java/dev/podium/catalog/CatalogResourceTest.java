package dev.podium.catalog;

import static dev.podium.Api.BASE;
import static dev.podium.Api.assertBadParameter;
import static dev.podium.Api.assertProblem;
import static dev.podium.Api.json;
import static dev.podium.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CatalogResourceTest {

  private static final String CATALOG = BASE + "/catalog";
  private static final List<String> KINDS =
      List.of("topics", "conferences", "speakers", "talks", "interviews");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * A small catalog of slugs ending in {@code s}: two topics (the child listed before its parent),
   * a conference with a track, a speaker, a talk and an interview about it.
   */
  static String document(String s, String talkTitle) {
    return """
        {"formatVersion": 1,
         "topics": [
           {"slug": "child-%1$s", "name": "Child", "parent": "parent-%1$s"},
           {"slug": "parent-%1$s", "name": "Parent", "description": "The broader topic."}],
         "conferences": [
           {"slug": "conf-%1$s", "name": "Conf", "series": "Series %1$s", "startDate": "2031-09-01",
            "endDate": "2031-09-03", "tracks": [{"slug": "main", "name": "Main"}]}],
         "speakers": [
           {"slug": "speaker-%1$s", "name": "Sam Catalog", "company": "Acme",
            "links": {"github": "sam"}}],
         "talks": [
           {"slug": "talk-%1$s", "title": "%2$s", "abstract": "What it is about.",
            "conference": "conf-%1$s", "track": "main", "speakers": ["speaker-%1$s"],
            "topics": ["child-%1$s"], "type": "talk", "levels": ["beginner"],
            "startsAt": "2031-09-01T10:00:00Z", "durationMinutes": 45}],
         "interviews": [
           {"slug": "interview-%1$s", "title": "About the talk", "speaker": "speaker-%1$s",
            "talk": "talk-%1$s", "publishedOn": "2031-08-01", "topics": ["parent-%1$s"],
            "qa": [{"question": "Why?", "answer": "Because."}]}]}
        """
        .formatted(s, talkTitle);
  }

  private static ValidatableResponse importing(String document) {
    return json(document).post(CATALOG).then().contentType("application/json");
  }

  private static void assertCounts(ValidatableResponse result, Map<String, List<Integer>> counts) {
    for (String kind : KINDS) {
      List<Integer> expected = counts.getOrDefault(kind, List.of(0, 0, 0));
      result
          .body("counts." + kind + ".created", equalTo(expected.get(0)))
          .body("counts." + kind + ".updated", equalTo(expected.get(1)))
          .body("counts." + kind + ".unchanged", equalTo(expected.get(2)));
    }
  }

  private static JsonNode demo() throws IOException {
    try (InputStream in = CatalogResourceTest.class.getResourceAsStream(DemoData.RESOURCE)) {
      return MAPPER.readTree(in);
    }
  }

  private static JsonNode export(String conference) throws IOException {
    var request = given();
    if (conference != null) {
      request.queryParam("conference", conference);
    }
    return MAPPER.readTree(request.get(CATALOG).then().statusCode(200).extract().asString());
  }

  private static List<JsonNode> entries(JsonNode document, String kind) {
    List<JsonNode> entries = new ArrayList<>();
    if (document.has(kind)) {
      document.get(kind).forEach(entries::add);
    }
    return entries;
  }

  private static Set<String> slugs(JsonNode document, String kind) {
    return entries(document, kind).stream()
        .map(e -> e.get("slug").asText())
        .collect(Collectors.toSet());
  }

  /** The entries of {@code kind} in {@code document} whose slugs {@code reference} has. */
  private static List<JsonNode> entriesOf(JsonNode document, String kind, JsonNode reference) {
    Set<String> wanted = slugs(reference, kind);
    return entries(document, kind).stream()
        .filter(e -> wanted.contains(e.get("slug").asText()))
        .toList();
  }

  @Test
  void exportOfTheDemoDataIsTheDemoCatalog() throws IOException {
    JsonNode demo = demo();
    JsonNode export = export(null);

    assertThat(export.get("formatVersion")).isEqualTo(demo.get("formatVersion"));
    assertThat(export.get("source")).isEqualTo(demo.get("source"));
    for (String kind : KINDS) {
      // Other tests add entries of their own; every demo entry must come back field for field.
      assertThat(entriesOf(export, kind, demo))
          .as(kind)
          .containsExactlyInAnyOrderElementsOf(entries(demo, kind));
    }
  }

  @Test
  void exportOfOneConferenceHasItsTalksAndWhatTheyReferTo() throws IOException {
    JsonNode demo = demo();
    JsonNode export = export("qcon-sf-2017");

    assertThat(slugs(export, "conferences")).containsExactly("qcon-sf-2017");
    assertThat(slugs(export, "talks"))
        .containsExactlyInAnyOrder(
            "designing-services-resilience-testing-netflix",
            "expedia-journey-toward-site-resiliency");
    assertThat(slugs(export, "speakers"))
        .containsExactlyInAnyOrder("nora-jones", "willie-wheeler", "sahar-samiei");
    assertThat(slugs(export, "topics"))
        .containsExactlyInAnyOrder("resiliency", "chaos-engineering", "microservices", "devops");
    assertThat(slugs(export, "interviews")).isEmpty();
    for (String kind : KINDS) {
      assertThat(entriesOf(demo, kind, export))
          .as(kind)
          .containsExactlyInAnyOrderElementsOf(entries(export, kind));
    }

    JsonNode of2018 = export("qcon-sf-2018");
    assertThat(slugs(of2018, "interviews"))
        .containsExactly("building-resilience-production-migrations-interview");
    assertThat(slugs(of2018, "topics")).containsExactlyInAnyOrder("resiliency", "migrations");
  }

  @Test
  void exportAfterImportGivesBackTheSameDocumentWithTopicAncestors() throws IOException {
    String s = unique("c");
    JsonNode imported = MAPPER.readTree(document(s, "Round trip"));
    importing(document(s, "Round trip")).statusCode(200);

    JsonNode export = export("conf-" + s);

    // The talk is only on the child topic; its parent comes along so the document imports alone.
    assertThat(slugs(export, "topics")).containsExactlyInAnyOrder("child-" + s, "parent-" + s);
    for (String kind : KINDS) {
      assertThat(entries(export, kind))
          .as(kind)
          .containsExactlyInAnyOrderElementsOf(entries(imported, kind));
    }
  }

  @Test
  void exportOfAnUnknownConferenceIsNotFound() {
    assertProblem(given().queryParam("conference", "qcon-sf-1999").get(CATALOG), 404);
    assertBadParameter(CATALOG, "conference", "QCon 1999");
  }

  @Test
  void importCreatesThenLeavesUnchangedThenUpdates() {
    String s = unique("c");

    assertCounts(
        importing(document(s, "First title")).statusCode(200).body("dryRun", equalTo(false)),
        Map.of(
            "topics", List.of(2, 0, 0),
            "conferences", List.of(1, 0, 0),
            "speakers", List.of(1, 0, 0),
            "talks", List.of(1, 0, 0),
            "interviews", List.of(1, 0, 0)));
    given()
        .get(BASE + "/talks/talk-" + s)
        .then()
        .statusCode(200)
        .body("title", equalTo("First title"))
        .body("track.slug", equalTo("main"))
        .body("topics[0].slug", equalTo("child-" + s))
        .body("interviews[0].slug", equalTo("interview-" + s));
    given().get(BASE + "/topics/child-" + s).then().body("parent.slug", equalTo("parent-" + s));

    assertCounts(
        importing(document(s, "First title")).statusCode(200),
        Map.of(
            "topics", List.of(0, 0, 2),
            "conferences", List.of(0, 0, 1),
            "speakers", List.of(0, 0, 1),
            "talks", List.of(0, 0, 1),
            "interviews", List.of(0, 0, 1)));

    assertCounts(
        importing(document(s, "Second title")).statusCode(200),
        Map.of(
            "topics", List.of(0, 0, 2),
            "conferences", List.of(0, 0, 1),
            "speakers", List.of(0, 0, 1),
            "talks", List.of(0, 1, 0),
            "interviews", List.of(0, 0, 1)));
    given().get(BASE + "/talks/talk-" + s).then().body("title", equalTo("Second title"));
  }

  @Test
  void aLaterDocumentRefersToWhatEarlierImportsWrote() {
    String s = unique("c");
    importing(document(s, "First title")).statusCode(200);
    String later =
        """
        {"formatVersion": 1,
         "talks": [
           {"slug": "later-%1$s", "title": "Later", "conference": "conf-%1$s", "track": "main",
            "speakers": ["speaker-%1$s"], "topics": ["child-%1$s", "parent-%1$s"]}%2$s],
         "interviews": [
           {"slug": "later-interview-%1$s", "title": "Later", "speaker": "speaker-%1$s",
            "talk": "talk-%1$s", "publishedOn": "2031-08-02", "topics": ["child-%1$s"],
            "qa": [{"question": "And now?", "answer": "Still."}]}]}
        """;
    String stray =
        """
        ,
           {"slug": "stray-%1$s", "title": "Stray", "conference": "no-conf-%1$s",
            "speakers": ["speaker-%1$s", "nobody-%1$s"], "topics": ["nothing-%1$s"]}""";

    List<String> fields =
        assertProblem(json(later.formatted(s, stray.formatted(s))).post(CATALOG), 422)
            .extract()
            .jsonPath()
            .getList("errors.field", String.class);
    assertThat(fields)
        .containsExactlyInAnyOrder(
            "$.talks[1].conference", "$.talks[1].speakers[1]", "$.talks[1].topics[0]");
    assertProblem(given().get(BASE + "/talks/later-" + s), 404);

    assertCounts(
        importing(later.formatted(s, "")).statusCode(200),
        Map.of("talks", List.of(1, 0, 0), "interviews", List.of(1, 0, 0)));
    given()
        .get(BASE + "/talks/later-" + s)
        .then()
        .statusCode(200)
        .body("conference.slug", equalTo("conf-" + s))
        .body("track.slug", equalTo("main"))
        .body("speakers.slug", contains("speaker-" + s))
        .body("topics.slug", contains("child-" + s, "parent-" + s));
    given()
        .get(BASE + "/interviews/later-interview-" + s)
        .then()
        .statusCode(200)
        .body("speaker.slug", equalTo("speaker-" + s))
        .body("talk.slug", equalTo("talk-" + s))
        .body("topics.slug", contains("child-" + s));
  }

  @Test
  void aDryRunReportsButWritesNothing() {
    String s = unique("c");

    assertCounts(
        json(document(s, "Dry"))
            .queryParam("dryRun", true)
            .post(CATALOG)
            .then()
            .statusCode(200)
            .body("dryRun", equalTo(true)),
        Map.of(
            "topics", List.of(2, 0, 0),
            "conferences", List.of(1, 0, 0),
            "speakers", List.of(1, 0, 0),
            "talks", List.of(1, 0, 0),
            "interviews", List.of(1, 0, 0)));

    for (String path :
        List.of("topics/parent-", "conferences/conf-", "speakers/speaker-", "talks/talk-")) {
      assertProblem(given().get(BASE + "/" + path + s), 404);
    }

    importing(document(s, "Wet")).statusCode(200);
    json(document(s, "Dry again"))
        .queryParam("dryRun", "true")
        .post(CATALOG)
        .then()
        .statusCode(200)
        .body("counts.talks.updated", equalTo(1));
    given().get(BASE + "/talks/talk-" + s).then().body("title", equalTo("Wet"));
  }

  @Test
  void anInvalidDocumentListsEveryBadEntryAndWritesNothing() {
    String s = unique("c");
    String document =
        """
        {"formatVersion": 1,
         "topics": [
           {"slug": "cycle-a-%1$s", "name": "A", "parent": "cycle-b-%1$s"},
           {"slug": "cycle-b-%1$s", "name": "B", "parent": "cycle-a-%1$s"},
           {"slug": "fine-%1$s", "name": "Fine"}],
         "conferences": [
           {"slug": "conf-%1$s", "name": "Conf", "tracks": [{"slug": "main", "name": "Main"}]}],
         "speakers": [
           {"slug": "nameless-%1$s"},
           {"slug": "Bad Slug", "name": "Bad"},
           {"slug": "speaker-%1$s", "name": "Fine"},
           {"slug": "speaker-%1$s", "name": "Twice"}],
         "talks": [
           {"slug": "talk-%1$s", "title": "Fine", "speakers": ["speaker-%1$s"]},
           {"slug": "bad-talk-%1$s", "title": "Bad", "conference": "conf-%1$s",
            "track": "no-such-track", "speakers": ["no-such-speaker-%1$s"]},
           {"title": "No slug"}]}
        """
            .formatted(s);

    List<String> fields =
        assertProblem(json(document).post(CATALOG), 422)
            .body("title", equalTo("Invalid catalog"))
            .extract()
            .jsonPath()
            .getList("errors.field", String.class);

    assertThat(fields)
        .containsExactlyInAnyOrder(
            "$.topics[1].parent",
            "$.speakers[0].name",
            "$.speakers[1].slug",
            "$.speakers[3].slug",
            "$.talks[1].track",
            "$.talks[1].speakers[0]",
            "$.talks[2].slug");
    for (String path :
        List.of(
            "topics/fine-",
            "topics/cycle-a-",
            "conferences/conf-",
            "speakers/speaker-",
            "talks/talk-")) {
      assertProblem(given().get(BASE + "/" + path + s), 404);
    }
  }

  @Test
  void aTrackWithoutSlugBeforeAnotherIsReportedNotAServerError() {
    String s = unique("t");
    String document =
        """
        {"formatVersion": 1, "conferences": [{"slug": "conf-%1$s", "name": "Conf",
          "tracks": [{"name": "No slug"}, {"slug": "core", "name": "Core"}]}]}
        """
            .formatted(s);

    for (boolean dryRun : new boolean[] {true, false}) {
      assertProblem(json(document).queryParam("dryRun", dryRun).post(CATALOG), 422)
          .body("errors.field", hasItems("$.conferences[0].tracks[0].slug"));
    }
    assertProblem(given().get(BASE + "/conferences/conf-" + s), 404);
  }

  @Test
  void onlyFormatVersion1IsImported() {
    String s = unique("c");
    String document =
        """
        {"formatVersion": 2, "topics": [{"slug": "v2-%s", "name": "Version two"}]}
        """
            .formatted(s);

    assertProblem(json(document).post(CATALOG), 422, "$.formatVersion");
    assertProblem(json("{\"topics\": []}").post(CATALOG), 422, "$.formatVersion");
    assertProblem(given().get(BASE + "/topics/v2-" + s), 404);
  }

  @Test
  void unknownFieldsMalformedJsonAndBadParametersAreBadRequests() {
    assertProblem(json("{\"formatVersion\": 1, \"videos\": []}").post(CATALOG), 400, "$.videos");
    assertProblem(
        json("{\"formatVersion\": 1, \"talks\": [{\"slug\": \"x\", \"title\": \"X\", \"by\": 1}]}")
            .post(CATALOG),
        400,
        "$.talks[0].by");
    assertProblem(json("{\"formatVersion\": 1,, }").post(CATALOG), 400);
    assertProblem(json("{\"formatVersion\": 1}").queryParam("dryRun", "maybe").post(CATALOG), 400)
        .body("errors[0].field", equalTo("dryRun"));
  }
}
