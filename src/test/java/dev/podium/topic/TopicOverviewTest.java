package dev.podium.topic;

import static dev.podium.Api.BASE;
import static dev.podium.Api.assertBadParameter;
import static dev.podium.Api.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The topic page in one call, on the demo data. */
@QuarkusTest
class TopicOverviewTest {

  private static final String RESILIENCY = BASE + "/topics/resiliency/overview";
  private static final String MONITORING =
      "monitoring-tracing-netflix-streaming-data-infrastructure";
  private static final String BUILDING = "building-resilience-production-migrations";
  private static final String DESIGNING = "designing-services-resilience-testing-netflix";
  private static final String EXPEDIA = "expedia-journey-toward-site-resiliency";

  @Test
  void showsTheTopicItsLatestPresentationsThePastOnesAndItsInterviews() {
    given()
        .get(RESILIENCY)
        .then()
        .statusCode(200)
        .header("ETag", notNullValue())
        .body("topic.slug", equalTo("resiliency"))
        .body("topic.children.slug", contains("chaos-engineering", "migrations"))
        .body("topic.counts.talks", equalTo(4))
        .body("conference.slug", equalTo("qcon-sf-2019"))
        .body("presentations.slug", contains(MONITORING))
        .body(
            "presentations[0].title",
            equalTo("Monitoring and Tracing @Netflix Streaming Data Infrastructure"))
        .body("presentations[0].speakers.slug", contains("allen-wang"))
        .body("presentations[0].excerpt", notNullValue())
        .body("pastPresentations", hasSize(3))
        .body("pastPresentations[0].slug", equalTo(BUILDING))
        .body("pastPresentations[0].conference.slug", equalTo("qcon-sf-2018"))
        .body("pastPresentations[1..2].slug", containsInAnyOrder(DESIGNING, EXPEDIA))
        .body("pastPresentations[1..2].conference.slug", contains("qcon-sf-2017", "qcon-sf-2017"))
        .body(
            "interviews.slug",
            contains(
                "living-on-the-edge-track-host-interview",
                "building-resilience-production-migrations-interview"))
        .body("interviews.publishedOn", contains("2019-10-22", "2018-10-16"));
  }

  @Test
  void excerptsAreAtMost300CharactersCutAtAWordWithAnEllipsis() {
    JsonPath overview = given().get(RESILIENCY).then().statusCode(200).extract().jsonPath();

    for (Map<String, String> interview : overview.<Map<String, String>>getList("interviews")) {
      JsonPath detail = given().get(BASE + "/interviews/" + interview.get("slug")).jsonPath();
      String full = detail.getString("qa[0].question") + " " + detail.getString("qa[0].answer");
      String excerpt = interview.get("excerpt");

      assertThat(excerpt)
          .as(interview.get("slug"))
          .startsWith(detail.getString("qa[0].question") + " ")
          .hasSizeLessThanOrEqualTo(300);
      assertThat(full.length()).isGreaterThan(300);
      assertThat(excerpt).endsWith("…");
      String kept = excerpt.substring(0, excerpt.length() - 1);
      assertThat(full).startsWith(kept);
      assertThat(kept.length()).isGreaterThan(detail.getString("qa[0].question").length() + 20);
      assertThat(full.substring(kept.length())).matches("^[\\s,.;:].*");
    }
    List<String> talkExcerpts = overview.getList("pastPresentations.excerpt");
    assertThat(talkExcerpts).allSatisfy(e -> assertThat(e).hasSizeLessThanOrEqualTo(300));
  }

  @Test
  void theConferenceParameterChangesTheReferenceConference() {
    given()
        .queryParam("conference", "qcon-sf-2018")
        .get(RESILIENCY)
        .then()
        .statusCode(200)
        .body("conference.slug", equalTo("qcon-sf-2018"))
        .body("presentations.slug", contains(BUILDING))
        .body("pastPresentations.slug", containsInAnyOrder(DESIGNING, EXPEDIA))
        .body("interviews", hasSize(2));

    given()
        .queryParam("conference", "qcon-sf-2017")
        .get(RESILIENCY)
        .then()
        .body("presentations.slug", containsInAnyOrder(DESIGNING, EXPEDIA))
        .body("pastPresentations", empty());
  }

  @Test
  void aSubTopicShowsOnlyItsOwnContent() {
    given()
        .get(BASE + "/topics/migrations/overview")
        .then()
        .statusCode(200)
        .body("topic.parent.slug", equalTo("resiliency"))
        .body("conference.slug", equalTo("qcon-sf-2018"))
        .body("presentations.slug", contains(BUILDING))
        .body("pastPresentations", empty())
        .body("interviews.slug", contains("building-resilience-production-migrations-interview"));
  }

  @Test
  void limitCapsEachSection() {
    given()
        .queryParam("limit", 1)
        .get(RESILIENCY)
        .then()
        .statusCode(200)
        .body("presentations", hasSize(1))
        .body("pastPresentations.slug", contains(BUILDING))
        .body("interviews.slug", contains("living-on-the-edge-track-host-interview"));
    given().queryParam("limit", 100).get(RESILIENCY).then().body("pastPresentations", hasSize(3));
  }

  @Test
  void anUnknownTopicIsNotFound() {
    assertProblem(given().get(BASE + "/topics/no-such-topic/overview"), 404)
        .body("detail", containsString("no-such-topic"));
  }

  @Test
  void anUnknownConferenceIsNotFound() {
    assertProblem(given().queryParam("conference", "qcon-sf-1999").get(RESILIENCY), 404)
        .body("detail", containsString("qcon-sf-1999"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "101", "abc", "-1"})
  void aBadLimitIsRejected(String limit) {
    assertBadParameter(RESILIENCY, "limit", limit);
  }

  @Test
  void aMalformedConferenceIsRejected() {
    assertBadParameter(RESILIENCY, "conference", "QCon SF");
  }
}
