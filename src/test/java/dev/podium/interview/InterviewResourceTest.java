package dev.podium.interview;

import static dev.podium.Api.BASE;
import static dev.podium.Api.assertBadParameter;
import static dev.podium.Api.assertConditionalRequests;
import static dev.podium.Api.assertProblem;
import static dev.podium.Api.create;
import static dev.podium.Api.json;
import static dev.podium.Api.list;
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
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class InterviewResourceTest {

  private static final String INTERVIEWS = BASE + "/interviews";
  private static final String EDGE = "living-on-the-edge-track-host-interview";
  private static final String MIGRATIONS = "building-resilience-production-migrations-interview";
  private static final String MIGRATIONS_TALK = "building-resilience-production-migrations";

  /** An interview body with one question; {@code publishedOn} may be null. */
  static String interview(String slug, String speaker, String topic, String publishedOn) {
    return """
        {"slug": "%s", "title": "Interview %s", "speaker": "%s", "publishedOn": %s,
         "topics": ["%s"], "intro": "Why we talked.",
         "qa": [{"question": "What do you do?", "answer": "I build and run things."}]}
        """
        .formatted(
            slug, slug, speaker, publishedOn == null ? null : '"' + publishedOn + '"', topic);
  }

  private static String speaker() {
    return create("speakers", "{\"slug\": \"%s\", \"name\": \"Iris\"}".formatted(unique("iris")));
  }

  private static String topic(String parent) {
    return create(
        "topics",
        "{\"slug\": \"%s\", \"name\": \"Topic\", \"parent\": %s}"
            .formatted(unique("topic"), parent == null ? null : '"' + parent + '"'));
  }

  @Test
  void listsInterviewsNewestFirst() {
    given()
        .queryParam("topic", "resiliency")
        .get(INTERVIEWS)
        .then()
        .statusCode(200)
        .header("Link", nullValue())
        .body("items.slug", contains(EDGE, MIGRATIONS))
        .body("page.total", equalTo(2))
        .body("items[0].title", equalTo("Living on the Edge: an interview with the track host"))
        .body("items[0].publishedOn", equalTo("2019-10-22"))
        .body("items[0].speaker.slug", equalTo("wes-reisz"))
        .body("items[0].speaker.company", equalTo("Section"))
        .body("items[0].talk", nullValue())
        .body("items[0].topics.slug", contains("edge-computing", "resiliency"))
        .body("items[1].talk.slug", equalTo(MIGRATIONS_TALK))
        .body("items[1].talk.title", equalTo("Building Resilience in Production Migrations"));
  }

  @Test
  void filtersBySpeakerTalkAndTopic() {
    assertThat(list(INTERVIEWS, Map.of("speaker", "sangeeta-handa"))).containsExactly(MIGRATIONS);
    assertThat(list(INTERVIEWS, Map.of("talk", MIGRATIONS_TALK))).containsExactly(MIGRATIONS);
    assertThat(list(INTERVIEWS, Map.of("topic", "edge-computing"))).containsExactly(EDGE);
    assertThat(list(INTERVIEWS, Map.of("topic", "migrations"))).containsExactly(MIGRATIONS);
    assertThat(list(INTERVIEWS, Map.of("topic", "migrations", "speaker", "wes-reisz"))).isEmpty();
    assertThat(list(INTERVIEWS, Map.of("talk", "designing-services-resilience-testing-netflix")))
        .isEmpty();
    assertThat(list(INTERVIEWS, Map.of("speaker", unique("nobody")))).isEmpty();
  }

  @Test
  void aTopicMatchesInterviewsOnItsSubTopics() {
    String parent = topic(null);
    String child = topic(parent);
    String speaker = speaker();
    String onChild = create("interviews", interview(unique("child"), speaker, child, "2031-01-01"));
    String onParent =
        create("interviews", interview(unique("parent"), speaker, parent, "2030-01-01"));

    assertThat(list(INTERVIEWS, Map.of("topic", parent))).containsExactly(onChild, onParent);
    assertThat(list(INTERVIEWS, Map.of("topic", child))).containsExactly(onChild);
    given().get(BASE + "/topics/" + parent).then().body("counts.interviews", equalTo(2));
  }

  @Test
  void followingTheCursorsGivesEveryInterviewOnceNewestFirstUndatedLast() {
    String speaker = speaker();
    String topic = topic(null);
    String[][] entries = {
      {"e-undated", null},
      {"b-2030", "2030-06-01"},
      {"d-undated", null},
      {"a-2031", "2031-02-01"},
      {"c-2030", "2030-06-01"},
    };
    Map<String, String> slugs = new HashMap<>();
    for (String[] entry : entries) {
      slugs.put(
          entry[0], create("interviews", interview(unique(entry[0]), speaker, topic, entry[1])));
    }

    Api.Walk walk = Api.walk(INTERVIEWS, Map.of("speaker", speaker), 2);

    assertThat(walk.total()).isEqualTo(5);
    assertThat(walk.pages()).isEqualTo(3);
    assertThat(walk.slugs())
        .containsExactly(
            slugs.get("a-2031"),
            slugs.get("b-2030"),
            slugs.get("c-2030"),
            slugs.get("d-undated"),
            slugs.get("e-undated"));
  }

  @ParameterizedTest
  @CsvSource({
    "limit, 0",
    "limit, 101",
    "limit, abc",
    "speaker, Wes",
    "talk, a_talk",
    "topic, edge computing",
    "cursor, aW50ZXJ2aWV3cx8yMDE5LTEwLTIy",
  })
  void malformedParametersAreRejected(String name, String value) {
    assertBadParameter(INTERVIEWS, name, value);
  }

  @Test
  void detailShowsSpeakerTalkAndEveryQuestionAndAnswer() {
    given()
        .get(INTERVIEWS + "/" + MIGRATIONS)
        .then()
        .statusCode(200)
        .body("slug", equalTo(MIGRATIONS))
        .body("title", equalTo("Building Resilience in Production Migrations"))
        .body("publishedOn", equalTo("2018-10-16"))
        .body("speaker.slug", equalTo("sangeeta-handa"))
        .body("speaker.headline", equalTo("Leads Billing Infrastructure Engineering"))
        .body("talk.slug", equalTo(MIGRATIONS_TALK))
        .body("topics.slug", contains("resiliency", "migrations"))
        .body("qa", hasSize(2))
        .body("qa[0].question", equalTo("What's the focus of the work that you do today?"))
        .body("qa[0].answer", startsWith("I lead Billing Infrastructure Engineering at Netflix."))
        .body("qa[1].question", equalTo("What's the motivation for this talk?"))
        .body("qa[1].answer", endsWith("Those lessons are worth sharing."));
  }

  @Test
  void aSummaryExcerptIsTheFirstQuestionAndTheStartOfItsAnswer() {
    JsonPath detail = given().get(INTERVIEWS + "/" + EDGE).jsonPath();
    String question = detail.getString("qa[0].question");
    String answer = detail.getString("qa[0].answer");

    String excerpt =
        given()
            .queryParam("speaker", "wes-reisz")
            .get(INTERVIEWS)
            .then()
            .extract()
            .path("items[0].excerpt");

    assertThat(question.length() + 1 + answer.length()).isGreaterThan(300);
    assertThat(excerpt)
        .startsWith(question + " " + answer.substring(0, 40))
        .endsWith("…")
        .hasSizeLessThanOrEqualTo(300);
    String kept = excerpt.substring(0, excerpt.length() - 1);
    assertThat(question + " " + answer).startsWith(kept);
    // Cut at a word boundary: what follows the kept text starts a new word.
    assertThat((question + " " + answer).substring(kept.length())).matches("^[\\s,.;:].*");
  }

  @Test
  void aShortInterviewKeepsItsWholeFirstAnswerInTheExcerpt() {
    String speaker = speaker();
    create("interviews", interview(unique("short"), speaker, topic(null), "2031-01-01"));

    given()
        .queryParam("speaker", speaker)
        .get(INTERVIEWS)
        .then()
        .body("items[0].excerpt", equalTo("What do you do? I build and run things."));
  }

  @Test
  void anUnknownInterviewIsNotFound() {
    assertProblem(given().get(INTERVIEWS + "/no-such-interview"), 404)
        .body("detail", containsString("no-such-interview"));
  }

  @Test
  void createAnswers201WithTheLocationOfTheNewInterview() {
    String speaker = speaker();
    String topic = topic(null);
    String talk =
        create(
            "talks",
            "{\"slug\": \"%s\", \"title\": \"The talk\", \"speakers\": [\"%s\"]}"
                .formatted(unique("talk"), speaker));
    String slug = unique("interview");
    String body =
        """
        {"slug": "%s", "title": "Two questions", "speaker": "%s", "talk": "%s",
         "publishedOn": "2031-01-15", "topics": ["%s"], "intro": "Before the talk.",
         "qa": [{"question": "First?", "answer": "One."}, {"question": "Second?", "answer": "Two."}]}
        """
            .formatted(slug, speaker, talk, topic);

    Response created = json(body).post(INTERVIEWS);

    created
        .then()
        .statusCode(201)
        .header("Location", endsWith(INTERVIEWS + "/" + slug))
        .body("slug", equalTo(slug));
    given()
        .get(created.header("Location"))
        .then()
        .statusCode(200)
        .body("title", equalTo("Two questions"))
        .body("intro", equalTo("Before the talk."))
        .body("publishedOn", equalTo("2031-01-15"))
        .body("speaker.slug", equalTo(speaker))
        .body("talk.slug", equalTo(talk))
        .body("topics.slug", contains(topic))
        .body("qa.question", contains("First?", "Second?"))
        .body("qa.answer", contains("One.", "Two."));
    given().get(BASE + "/talks/" + talk).then().body("interviews.slug", contains(slug));
    given().get(BASE + "/speakers/" + speaker).then().body("interviews.slug", contains(slug));
  }

  @Test
  void createMakesTheSlugFromTheTitleWhenItIsLeftOut() {
    String word = unique("q");
    String body =
        """
        {"title": "Q&A: Über Resilience %s", "speaker": "%s",
         "qa": [{"question": "Why?", "answer": "Because."}]}
        """
            .formatted(word, speaker());

    json(body)
        .post(INTERVIEWS)
        .then()
        .statusCode(201)
        .body("slug", equalTo("q-a-uber-resilience-" + word));
  }

  @Test
  void createWithATakenSlugIsAConflict() {
    assertProblem(json(interview(EDGE, "wes-reisz", "resiliency", null)).post(INTERVIEWS), 409)
        .body("detail", containsString(EDGE));
    given().get(INTERVIEWS + "/" + EDGE).then().body("qa", hasSize(1)).body("intro", nullValue());
  }

  @Test
  void invalidFieldsAreNamedByTheirJsonPath() {
    String body =
        """
        {"slug": "UPPER", "title": "", "topics": ["Not A Slug"],
         "qa": [{"question": "Fine?", "answer": "Yes."}, {"question": " ", "answer": ""}]}
        """;

    assertProblem(
        json(body).post(INTERVIEWS),
        400,
        "$.slug",
        "$.title",
        "$.speaker",
        "$.topics[0]",
        "$.qa[1].question",
        "$.qa[1].answer");
    assertProblem(
        json("{\"title\": \"No questions\", \"speaker\": \"wes-reisz\", \"qa\": []}")
            .post(INTERVIEWS),
        400,
        "$.qa");
    assertProblem(
        json("{\"title\": \"No questions\", \"speaker\": \"wes-reisz\"}").post(INTERVIEWS),
        400,
        "$.qa");
  }

  @Test
  void unknownReferencesAreNamedByTheirJsonPath() {
    String slug = unique("dangling");
    String body =
        """
        {"slug": "%s", "title": "Dangling", "speaker": "no-such-speaker", "talk": "no-such-talk",
         "topics": ["resiliency", "no-such-topic"], "qa": [{"question": "Q?", "answer": "A."}]}
        """
            .formatted(slug);

    assertProblem(json(body).post(INTERVIEWS), 422, "$.speaker", "$.talk", "$.topics[1]")
        .body("errors", hasSize(3));
    assertProblem(given().get(INTERVIEWS + "/" + slug), 404);
  }

  @Test
  void unknownFieldsAndMalformedJsonAreBadRequests() {
    String body =
        """
        {"title": "T", "speaker": "wes-reisz", "qa": [{"question": "Q?", "answer": "A.", "by": "me"}]}
        """;

    assertProblem(json(body).post(INTERVIEWS), 400, "$.qa[0].by");
    assertProblem(json("{\"title\": \"T\", \"qa\": [}").post(INTERVIEWS), 400);
  }

  @Test
  void putReplacesTheWholeInterview() {
    String speaker = speaker();
    String other = speaker();
    String slug =
        create("interviews", interview(unique("interview"), speaker, topic(null), "2031-01-01"));
    String body =
        """
        {"title": "Rewritten", "speaker": "%s",
         "qa": [{"question": "New?", "answer": "Yes."}, {"question": "Really?", "answer": "Yes!"}]}
        """
            .formatted(other);

    json(body)
        .put(INTERVIEWS + "/" + slug)
        .then()
        .statusCode(200)
        .body("title", equalTo("Rewritten"));

    given()
        .get(INTERVIEWS + "/" + slug)
        .then()
        .body("speaker.slug", equalTo(other))
        .body("publishedOn", nullValue())
        .body("intro", nullValue())
        .body("topics", empty())
        .body("qa.question", contains("New?", "Really?"));
    given().get(BASE + "/speakers/" + speaker).then().body("interviews", empty());
  }

  @Test
  void putWithAnotherSlugInTheBodyIsRejected() {
    String speaker = speaker();
    String slug = create("interviews", interview(unique("interview"), speaker, topic(null), null));

    assertProblem(
        json(interview(unique("other"), speaker, topic(null), null)).put(INTERVIEWS + "/" + slug),
        400,
        "$.slug");
  }

  @Test
  void putAndDeleteOfAnUnknownInterviewAreNotFound() {
    assertProblem(
        json(interview("no-such-interview", "wes-reisz", "resiliency", null))
            .put(INTERVIEWS + "/no-such-interview"),
        404);
    assertProblem(given().delete(INTERVIEWS + "/no-such-interview"), 404);
  }

  @Test
  void deleteRemovesTheInterviewAndFreesItsTalk() {
    String speaker = speaker();
    String talk =
        create(
            "talks",
            "{\"slug\": \"%s\", \"title\": \"Talked about\", \"speakers\": [\"%s\"]}"
                .formatted(unique("talk"), speaker));
    String slug = unique("interview");
    create(
        "interviews",
        """
        {"slug": "%s", "title": "About the talk", "speaker": "%s", "talk": "%s",
         "qa": [{"question": "Q?", "answer": "A."}]}
        """
            .formatted(slug, speaker, talk));
    assertProblem(given().delete(BASE + "/talks/" + talk), 409)
        .body("detail", containsString(slug));

    given().delete(INTERVIEWS + "/" + slug).then().statusCode(204);

    assertProblem(given().get(INTERVIEWS + "/" + slug), 404);
    given().delete(BASE + "/talks/" + talk).then().statusCode(204);
    given().delete(BASE + "/speakers/" + speaker).then().statusCode(204);
  }

  @Test
  void conditionalRequestsFollowTheETag() {
    String speaker = speaker();
    String topic = topic(null);
    String slug =
        create("interviews", interview(unique("interview"), speaker, topic, "2031-01-01"));

    assertConditionalRequests(
        INTERVIEWS + "/" + slug, interview(slug, speaker, topic, "2031-01-02"));
  }
}
