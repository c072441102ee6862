package dev.podium.topic;

import static dev.podium.Api.BASE;
import static dev.podium.Api.assertBadParameter;
import static dev.podium.Api.assertConditionalRequests;
import static dev.podium.Api.assertProblem;
import static dev.podium.Api.create;
import static dev.podium.Api.json;
import static dev.podium.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.podium.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class TopicResourceTest {

  private static final String TOPICS = BASE + "/topics";

  static String topic(String slug, String name, String parent) {
    return """
        {"slug": "%s", "name": "%s", "parent": %s, "description": "About %s."}
        """
        .formatted(slug, name, parent == null ? "null" : '"' + parent + '"', name);
  }

  /** A parent topic of this test's own with children named as given; answers the parent's slug. */
  private static String family(String... childNames) {
    String parent = create("topics", topic(unique("parent"), "Parent", null));
    for (String name : childNames) {
      create("topics", topic(unique(name.toLowerCase()), name, parent));
    }
    return parent;
  }

  @Test
  void listsTheChildrenOfATopicByName() {
    given()
        .queryParam("parent", "resiliency")
        .get(TOPICS)
        .then()
        .statusCode(200)
        .contentType("application/json")
        .header("Link", nullValue())
        .body("items.slug", contains("chaos-engineering", "migrations"))
        .body("items[0].name", equalTo("Chaos Engineering"))
        .body("items[0].parent.slug", equalTo("resiliency"))
        .body("items[0].excerpt", startsWith("Injecting failure on purpose"))
        .body("page.total", equalTo(2))
        .body("page.limit", equalTo(20))
        .body("page.next", nullValue());
  }

  @Test
  void anUnknownParentHasNoChildren() {
    given()
        .queryParam("parent", unique("nobody"))
        .get(TOPICS)
        .then()
        .statusCode(200)
        .body("items", empty())
        .body("page.total", equalTo(0));
  }

  @Test
  void followingTheCursorsGivesEveryTopicOnce() {
    String parent = family("Echo", "Alpha", "Delta", "Bravo", "Charlie");

    Api.Walk walk = Api.walk(TOPICS, Map.of("parent", parent), 2);

    assertThat(walk.pages()).isEqualTo(3);
    assertThat(walk.total()).isEqualTo(5);
    assertThat(walk.slugs()).hasSize(5).doesNotHaveDuplicates();
    assertThat(walk.slugs())
        .extracting(slug -> slug.substring(0, slug.indexOf('-')))
        .containsExactly("alpha", "bravo", "charlie", "delta", "echo");
  }

  @Test
  void aTopicAddedWhilePagingNeitherRepeatsNorHidesOthers() {
    String parent = family("Bravo", "Charlie", "Delta", "Echo");
    Response first = given().queryParam("parent", parent).queryParam("limit", 2).get(TOPICS);
    List<String> seen = new ArrayList<>(Api.slugs(first));
    String cursor = first.path("page.next");

    // One sorts before the cursor (already passed), one after it (still to come).
    create("topics", topic(unique("alpha"), "Alpha", parent));
    String late = create("topics", topic(unique("foxtrot"), "Foxtrot", parent));
    Response rest =
        given()
            .queryParam("parent", parent)
            .queryParam("limit", 10)
            .queryParam("cursor", cursor)
            .get(TOPICS);
    seen.addAll(Api.slugs(rest));

    assertThat(seen).hasSize(5).doesNotHaveDuplicates().endsWith(late);
    assertThat(seen)
        .extracting(slug -> slug.substring(0, slug.indexOf('-')))
        .containsExactly("bravo", "charlie", "delta", "echo", "foxtrot");
  }

  @ParameterizedTest
  @CsvSource({
    "limit, 0",
    "limit, 101",
    "limit, abc",
    "parent, Not_A_Slug",
    "cursor, not-a-cursor!",
    "cursor, dGFsa3MtMQ"
  })
  void malformedParametersAreRejected(String name, String value) {
    assertBadParameter(TOPICS, name, value);
  }

  @Test
  void aCursorOfAnotherListIsRejected() {
    String talksCursor =
        given().queryParam("limit", 1).get(BASE + "/talks").then().extract().path("page.next");

    assertBadParameter(TOPICS, "cursor", talksCursor);
  }

  @Test
  void unknownQueryParametersAreIgnored() {
    given()
        .queryParam("parent", "resiliency")
        .queryParam("colour", "blue")
        .get(TOPICS)
        .then()
        .statusCode(200)
        .body("page.total", equalTo(2));
  }

  @Test
  void detailShowsParentChildrenAndCountsWithSubTopics() {
    given()
        .get(TOPICS + "/resiliency")
        .then()
        .statusCode(200)
        .body("slug", equalTo("resiliency"))
        .body("name", equalTo("Resiliency"))
        .body("description", startsWith("Designing, testing and operating"))
        .body("parent", nullValue())
        .body("children.slug", contains("chaos-engineering", "migrations"))
        .body("children[1].name", equalTo("Production Migrations"))
        .body("counts.talks", equalTo(4))
        .body("counts.interviews", equalTo(2));

    given()
        .get(TOPICS + "/migrations")
        .then()
        .statusCode(200)
        .body("parent.slug", equalTo("resiliency"))
        .body("parent.name", equalTo("Resiliency"))
        .body("children", empty())
        .body("counts.talks", equalTo(1))
        .body("counts.interviews", equalTo(1));
  }

  @Test
  void anUnknownTopicIsNotFound() {
    assertProblem(given().get(TOPICS + "/no-such-topic"), 404)
        .body("title", equalTo("Not found"))
        .body("detail", containsString("no-such-topic"))
        .body("instance", equalTo(TOPICS + "/no-such-topic"));
  }

  @Test
  void createAnswers201WithTheLocationOfTheNewTopic() {
    String parent = family();
    String slug = unique("observability-sub");

    Response created = json(topic(slug, "Tracing", parent)).post(TOPICS);

    created
        .then()
        .statusCode(201)
        .header("Location", endsWith(TOPICS + "/" + slug))
        .body("slug", equalTo(slug))
        .body("parent.slug", equalTo(parent))
        .body("counts.talks", equalTo(0));
    given()
        .get(created.header("Location"))
        .then()
        .statusCode(200)
        .body("name", equalTo("Tracing"))
        .body("description", equalTo("About Tracing."));
    given().get(TOPICS + "/" + parent).then().body("children.slug", contains(slug));
  }

  @Test
  void createMakesTheSlugFromTheNameWhenItIsLeftOut() {
    String word = unique("resume");

    Response created = json("{\"name\": \"Café & Résumé 2.0 " + word + "\"}").post(TOPICS);

    created
        .then()
        .statusCode(201)
        .body("slug", equalTo("cafe-resume-2-0-" + word))
        .header("Location", endsWith(TOPICS + "/cafe-resume-2-0-" + word));
  }

  @Test
  void createWithATakenSlugIsAConflict() {
    String slug = create("topics", topic(unique("taken"), "Taken", null));

    assertProblem(json(topic(slug, "Again", null)).post(TOPICS), 409)
        .body("detail", containsString(slug));
    given().get(TOPICS + "/" + slug).then().body("name", equalTo("Taken"));
  }

  @Test
  void invalidFieldsAreNamedByTheirJsonPath() {
    assertProblem(
            json("{\"slug\": \"Not A Slug\", \"name\": \" \"}").post(TOPICS),
            400,
            "$.slug",
            "$.name")
        .body("errors", hasSize(2));
    assertProblem(json(topic(unique("long"), "x".repeat(121), null)).post(TOPICS), 400, "$.name");
  }

  @Test
  void anUnknownParentIsAnUnknownReference() {
    String slug = unique("orphan");

    assertProblem(json(topic(slug, "Orphan", "no-such-parent")).post(TOPICS), 422, "$.parent")
        .body("errors[0].message", containsString("no-such-parent"));
    assertProblem(given().get(TOPICS + "/" + slug), 404);
  }

  @Test
  void unknownFieldsAndMalformedJsonAreBadRequests() {
    assertProblem(json("{\"name\": \"X\", \"colour\": \"blue\"}").post(TOPICS), 400, "$.colour");
    assertProblem(json("{\"name\": ").post(TOPICS), 400);
    assertProblem(json("[1, 2]").post(TOPICS), 400);
  }

  @Test
  void putReplacesTheWholeTopic() {
    String parent = family();
    String slug = create("topics", topic(unique("moving"), "Moving", null));

    json("{\"name\": \"Moved\", \"parent\": \"%s\"}".formatted(parent))
        .put(TOPICS + "/" + slug)
        .then()
        .statusCode(200)
        .body("slug", equalTo(slug))
        .body("name", equalTo("Moved"))
        .body("parent.slug", equalTo(parent));

    given()
        .get(TOPICS + "/" + slug)
        .then()
        .body("name", equalTo("Moved"))
        .body("description", nullValue())
        .body("parent.slug", equalTo(parent));
  }

  @Test
  void putWithAnotherSlugInTheBodyIsRejected() {
    String slug = create("topics", topic(unique("fixed"), "Fixed", null));

    assertProblem(
        json(topic(unique("other"), "Renamed", null)).put(TOPICS + "/" + slug), 400, "$.slug");
    given().get(TOPICS + "/" + slug).then().body("name", equalTo("Fixed"));
  }

  @Test
  void putCannotMakeATopicItsOwnAncestor() {
    String parent = create("topics", topic(unique("top"), "Top", null));
    String child = create("topics", topic(unique("below"), "Below", parent));

    assertProblem(json(topic(parent, "Top", child)).put(TOPICS + "/" + parent), 422, "$.parent");
    given().get(TOPICS + "/" + parent).then().body("parent", nullValue());
  }

  @Test
  void putAndDeleteOfAnUnknownTopicAreNotFound() {
    assertProblem(json(topic("no-such-topic", "X", null)).put(TOPICS + "/no-such-topic"), 404);
    assertProblem(given().delete(TOPICS + "/no-such-topic"), 404);
  }

  @Test
  void deleteRemovesTheTopic() {
    String slug = create("topics", topic(unique("gone"), "Gone", null));

    given().delete(TOPICS + "/" + slug).then().statusCode(204).body(equalTo(""));

    assertProblem(given().get(TOPICS + "/" + slug), 404);
  }

  @Test
  void aTopicWithChildrenIsNotDeleted() {
    String parent = family("Kept");

    assertProblem(given().delete(TOPICS + "/" + parent), 409)
        .body("detail", containsString("topics kept-"));
    given().get(TOPICS + "/" + parent).then().statusCode(200);
  }

  @Test
  void aTopicWithTalksOrInterviewsIsNotDeleted() {
    assertProblem(given().delete(TOPICS + "/migrations"), 409)
        .body("detail", containsString("talks building-resilience-production-migrations"))
        .body(
            "detail",
            containsString("interviews building-resilience-production-migrations-interview"));
    given().get(TOPICS + "/migrations").then().statusCode(200);
  }

  @Test
  void conditionalRequestsFollowTheETag() {
    String slug = create("topics", topic(unique("tagged"), "Tagged", null));

    assertConditionalRequests(TOPICS + "/" + slug, topic(slug, "Tagged again", null));
  }

  @Test
  void listsHaveAnETagToo() {
    String tag = Api.etag(TOPICS + "?parent=resiliency");

    given()
        .queryParam("parent", "resiliency")
        .header("If-None-Match", tag)
        .get(TOPICS)
        .then()
        .statusCode(304)
        .header("Cache-Control", containsString("max-age="));
  }
}
