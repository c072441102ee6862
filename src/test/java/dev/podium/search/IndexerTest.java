package dev.podium.search;

import static dev.podium.search.Api.hits;
import static dev.podium.search.Api.search;
import static dev.podium.search.Api.slugs;
import static dev.podium.search.Api.word;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podium.changes.Change;
import dev.podium.changes.ChangeLog;
import dev.podium.talk.Talk;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The index follows the database: a write through the API or an import is searchable when its
 * response returns, with no waiting; a change to a speaker, topic or conference re-indexes what
 * shows it; a change another instance wrote arrives by polling; and a rebuild keeps search working.
 */
@QuarkusTest
class IndexerTest {

  private final Api api = new Api();

  @AfterEach
  void deleteCreated() {
    api.deleteCreated();
  }

  /** A person's name found nowhere else. */
  private static String name() {
    String first = word();
    String last = word();
    return Character.toUpperCase(first.charAt(0))
        + first.substring(1)
        + " "
        + Character.toUpperCase(last.charAt(0))
        + last.substring(1);
  }

  private static List<String> talksFor(String q) {
    return slugs(search(q, "type", "talk"));
  }

  @Test
  void aCreatedTalkIsSearchableWhenTheResponseReturns() {
    String w = word();
    String slug =
        api.talk("Observing " + w + " in production", "How " + w + " behaves.")
            .path("slug")
            .asText();
    JsonNode result = search(w);
    assertThat(hits(result)).containsExactly("talk:" + slug);
    assertThat(result.path("items").get(0).path("highlights").path("title").get(0).asText())
        .isEqualTo("Observing <mark>" + w + "</mark> in production");
  }

  @Test
  void aTypoFindsATalkWrittenAfterTheSameTypoFoundNothing() {
    String w = word();
    String typo = w.substring(0, 4) + w.charAt(5) + w.charAt(4) + w.substring(6);
    assertThat(talksFor(typo)).isEmpty();
    String slug = api.talk("Tuning " + w, null).path("slug").asText();
    assertThat(talksFor(typo)).containsExactly(slug);
    Api.replace("talks", slug, Map.of("title", "Tuning caches"));
    assertThat(talksFor(typo)).isEmpty();
  }

  @Test
  void anUpdatedTalkIsFoundByItsNewTextOnlyWhenTheResponseReturns() {
    String before = word();
    String after = word();
    JsonNode talk = api.talk("Talk about " + before, null);
    String slug = talk.path("slug").asText();
    assertThat(talksFor(before)).containsExactly(slug);
    Api.replace(
        "talks", slug, Map.of("title", "Talk about " + after, "abstract", "Now " + after + "."));
    assertThat(talksFor(after)).containsExactly(slug);
    assertThat(talksFor(before)).isEmpty();
    assertThat(search(after).path("items").get(0).path("summary").path("title").asText())
        .isEqualTo("Talk about " + after);
  }

  @Test
  void aDeletedTalkIsGoneWhenTheResponseReturns() {
    String w = word();
    String slug = api.talk("Short-lived " + w, null).path("slug").asText();
    assertThat(talksFor(w)).containsExactly(slug);
    Api.delete("/api/v1/talks/" + slug);
    assertThat(hits(search(w))).isEmpty();
    given().get("/api/v1/talks/" + slug + "/related").then().statusCode(404);
  }

  @Test
  void anImportIsSearchableWhenTheResponseReturns() {
    String w = word();
    String talk = Api.slug("imported-talk");
    String speaker = Api.slug("imported-speaker");
    Map<String, Object> catalog = new LinkedHashMap<>();
    catalog.put("formatVersion", 1);
    catalog.put("speakers", List.of(Map.of("slug", speaker, "name", "Imported " + w)));
    catalog.put(
        "talks",
        List.of(
            Map.of("slug", talk, "title", "Imported talk on " + w, "speakers", List.of(speaker))));
    api.createdAt("/api/v1/speakers/" + speaker);
    api.createdAt("/api/v1/talks/" + talk);
    Api.importCatalog(catalog);
    assertThat(hits(search(w))).containsExactlyInAnyOrder("talk:" + talk, "speaker:" + speaker);
  }

  @Test
  void aRenamedSpeakerIsFoundOnTheirTalksAndInterviews() {
    String oldName = name();
    String newName = name();
    String speaker = api.speaker(oldName).path("slug").asText();
    String talk =
        api.talk("A talk with no name in it", null, List.of(speaker), List.of())
            .path("slug")
            .asText();
    String interview =
        api.create(
                "interviews",
                Map.of(
                    "slug",
                    Api.slug("interview"),
                    "title",
                    "Questions for a speaker",
                    "speaker",
                    speaker,
                    "qa",
                    List.of(Map.of("question", "Why?", "answer", "Because."))))
            .path("slug")
            .asText();
    assertThat(talksFor(oldName)).containsExactly(talk);

    Api.replace("speakers", speaker, Map.of("name", newName));

    assertThat(talksFor(newName)).containsExactly(talk);
    assertThat(talksFor(oldName)).isEmpty();
    assertThat(slugs(search(newName, "type", "interview"))).containsExactly(interview);
    JsonNode hit = search(newName, "type", "talk").path("items").get(0);
    assertThat(hit.path("summary").path("speakers").get(0).path("name").asText())
        .isEqualTo(newName);
    assertThat(hit.path("highlights").path("names").get(0).asText()).contains("<mark>");
  }

  @Test
  void aRenamedTopicIsFoundOnItsTalksAndThoseOfItsSubTopics() {
    String oldName = word();
    String newName = word();
    String parent = api.topic(oldName + " Practice", null).path("slug").asText();
    String child = api.topic("Child Topic", parent).path("slug").asText();
    String onParent =
        api.talk("A talk on the parent", null, List.of(), List.of(parent)).path("slug").asText();
    String onChild =
        api.talk("A talk on the child", null, List.of(), List.of(child)).path("slug").asText();
    assertThat(talksFor(oldName)).containsExactly(onParent);

    Api.replace("topics", parent, Map.of("name", newName + " Practice"));

    assertThat(talksFor(newName)).containsExactly(onParent);
    assertThat(talksFor(oldName)).isEmpty();
    assertThat(slugs(search(newName, "type", "topic"))).containsExactly(parent);
    // The filter on the parent still includes the child's talks.
    assertThat(slugs(search("", "type", "talk", "topic", parent)))
        .containsExactlyInAnyOrder(onParent, onChild);
    assertThat(
            search(newName, "type", "talk")
                .path("items")
                .get(0)
                .path("summary")
                .path("topics")
                .get(0)
                .path("name")
                .asText())
        .isEqualTo(newName + " Practice");
  }

  @Test
  void aRenamedConferenceIsFoundOnItsTalks() {
    String oldName = word();
    String newName = word();
    String conference =
        api.create(
                "conferences",
                Map.of(
                    "slug", Api.slug("conf"), "name", oldName + " Conf", "startDate", "2031-05-06"))
            .path("slug")
            .asText();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("slug", Api.slug("talk"));
    body.put("title", "A talk at a conference");
    body.put("conference", conference);
    String talk = api.create("talks", body).path("slug").asText();
    assertThat(talksFor(oldName)).containsExactly(talk);
    JsonNode result = search("", "type", "talk", "conference", conference);
    assertThat(result.path("facets").path("year").path("2031").asInt()).isEqualTo(1);

    Api.replace(
        "conferences", conference, Map.of("name", newName + " Conf", "startDate", "2032-05-06"));

    assertThat(talksFor(newName)).containsExactly(talk);
    assertThat(talksFor(oldName)).isEmpty();
    assertThat(
            search("", "type", "talk", "conference", conference)
                .path("facets")
                .path("year")
                .path("2032")
                .asInt())
        .isEqualTo(1);
  }

  @Test
  void aChangeWrittenElsewhereArrivesByPolling() {
    String before = word();
    String after = word();
    String slug = api.talk("Polled " + before, null).path("slug").asText();
    // As another instance would: change the row and log it, without this instance's commit event.
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Talk talk = Talk.find("slug", slug).firstResult();
              talk.title = "Polled " + after;
              Change change = new Change();
              change.kind = "talk";
              change.slug = slug;
              change.op = ChangeLog.UPSERT;
              change.at = Instant.now();
              change.persist();
            });
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .untilAsserted(() -> assertThat(talksFor(after)).containsExactly(slug));
    assertThat(talksFor(before)).isEmpty();
  }

  @Test
  void aRebuildKeepsEverythingSearchable() {
    String w = word();
    String slug = api.talk("Rebuilt " + w, null).path("slug").asText();
    JsonNode rebuilt =
        Api.read(given().post("/api/v1/admin/reindex").then().statusCode(200).extract().asString());
    assertThat(rebuilt.path("documents").asInt()).isGreaterThanOrEqualTo(21);
    assertThat(rebuilt.path("lastChange").asLong()).isPositive();
    assertThat(talksFor(w)).containsExactly(slug);
    assertThat(talksFor("resilience"))
        .contains(
            SearchResourceTest.DESIGNING,
            SearchResourceTest.EXPEDIA,
            SearchResourceTest.MIGRATIONS);
    assertThat(Api.get("/q/health/ready", Map.of()).path("status").asText()).isEqualTo("UP");
  }
}
