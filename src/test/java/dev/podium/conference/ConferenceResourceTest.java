package dev.podium.conference;

import static dev.podium.Api.BASE;
import static dev.podium.Api.assertBadParameter;
import static dev.podium.Api.assertConditionalRequests;
import static dev.podium.Api.assertProblem;
import static dev.podium.Api.create;
import static dev.podium.Api.fixClock;
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
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;

import dev.podium.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class ConferenceResourceTest {

  private static final String CONFERENCES = BASE + "/conferences";
  private static final String QCON = "QCon San Francisco";

  /** A conference body; {@code startDate} may be null, each track is given by its slug. */
  static String edition(
      String slug, String name, String series, String startDate, String... tracks) {
    String trackList =
        Stream.of(tracks)
            .map(t -> "{\"slug\": \"%s\", \"name\": \"Track %s\"}".formatted(t, t))
            .collect(Collectors.joining(", "));
    return """
        {"slug": "%s", "name": "%s", "series": "%s", "startDate": %s,
         "city": "Lisbon", "country": "Portugal", "url": "https://conf.example.org/",
         "tracks": [%s]}
        """
        .formatted(
            slug, name, series, startDate == null ? "null" : '"' + startDate + '"', trackList);
  }

  private static String conference(String slug, String startDate, String... tracks) {
    return edition(slug, "Conference " + slug, "Series " + slug, startDate, tracks);
  }

  @Test
  void listsConferencesNewestFirst() {
    given()
        .queryParam("series", "qcon san francisco")
        .get(CONFERENCES)
        .then()
        .statusCode(200)
        .header("Link", nullValue())
        .body("items.slug", contains("qcon-sf-2019", "qcon-sf-2018", "qcon-sf-2017"))
        .body("items[1].name", equalTo("QCon San Francisco 2018"))
        .body("items[1].series", equalTo(QCON))
        .body("items[1].startDate", equalTo("2018-11-05"))
        .body("items[1].endDate", equalTo("2018-11-09"))
        .body("items[1].city", equalTo("San Francisco"))
        .body("items[1].country", equalTo("United States"))
        .body("page.total", equalTo(3));
  }

  @Test
  void filtersByYear() {
    assertThat(list(CONFERENCES, Map.of("series", QCON, "year", 2018)))
        .containsExactly("qcon-sf-2018");
    assertThat(list(CONFERENCES, Map.of("series", QCON, "year", 2016))).isEmpty();
  }

  @Test
  void statusFollowsTheClock() {
    fixClock("2018-06-01T12:00:00Z");
    given()
        .queryParams(Map.of("series", QCON, "status", "upcoming"))
        .get(CONFERENCES)
        .then()
        .body("items.slug", contains("qcon-sf-2019", "qcon-sf-2018"))
        .body("items.status", everyItem(equalTo("upcoming")))
        .body("page.total", equalTo(2));
    given()
        .queryParams(Map.of("series", QCON, "status", "past"))
        .get(CONFERENCES)
        .then()
        .body("items.slug", contains("qcon-sf-2017"))
        .body("items.status", everyItem(equalTo("past")));

    // A conference is past from the first moment of its first day (UTC).
    fixClock("2018-11-04T23:59:59Z");
    given().get(CONFERENCES + "/qcon-sf-2018").then().body("status", equalTo("upcoming"));
    fixClock("2018-11-05T00:00:00Z");
    given().get(CONFERENCES + "/qcon-sf-2018").then().body("status", equalTo("past"));
    assertThat(list(CONFERENCES, Map.of("series", QCON, "status", "past")))
        .containsExactly("qcon-sf-2018", "qcon-sf-2017");
  }

  @Test
  void anUndatedConferenceIsUpcoming() {
    String series = unique("series");
    String slug = create("conferences", edition(unique("someday"), "Someday", series, null));

    assertThat(list(CONFERENCES, Map.of("series", series, "status", "upcoming")))
        .containsExactly(slug);
    assertThat(list(CONFERENCES, Map.of("series", series, "status", "past"))).isEmpty();
  }

  @Test
  void followingTheCursorsGivesEveryConferenceOnceNewestFirstUndatedLast() {
    String series = unique("series");
    String[] slugs = {
      unique("b-undated"),
      unique("a-undated"),
      unique("b-2030"),
      unique("a-2030"),
      unique("c-2029"),
    };
    String[] dates = {null, null, "2030-03-01", "2030-03-01", "2029-05-01"};
    for (int i = 0; i < slugs.length; i++) {
      create("conferences", edition(slugs[i], "Conference " + i, series, dates[i]));
    }

    Api.Walk walk = Api.walk(CONFERENCES, Map.of("series", series), 2);

    assertThat(walk.total()).isEqualTo(5);
    assertThat(walk.pages()).isEqualTo(3);
    assertThat(walk.slugs()).containsExactly(slugs[3], slugs[2], slugs[4], slugs[1], slugs[0]);
  }

  @ParameterizedTest
  @CsvSource({
    "limit, 0",
    "limit, 101",
    "limit, abc",
    "year, abc",
    "year, 0",
    "year, 10000",
    "status, soon",
    "status, UPCOMING",
    "cursor, bm90LWEtY3Vyc29y",
  })
  void malformedParametersAreRejected(String name, String value) {
    assertBadParameter(CONFERENCES, name, value);
  }

  @Test
  void detailShowsTracksAndTalkCount() {
    given()
        .get(CONFERENCES + "/qcon-sf-2018")
        .then()
        .statusCode(200)
        .body("slug", equalTo("qcon-sf-2018"))
        .body("name", equalTo("QCon San Francisco 2018"))
        .body("series", equalTo(QCON))
        .body("url", nullValue())
        .body("status", equalTo("past"))
        .body("tracks.slug", contains("production-readiness"))
        .body("tracks[0].name", equalTo("Production Readiness: Building Resilient Systems"))
        .body("talkCount", equalTo(1));
    given().get(CONFERENCES + "/qcon-sf-2017").then().body("talkCount", equalTo(2));
    given()
        .get(CONFERENCES + "/qcon-sf-2019")
        .then()
        .body("tracks[0].description", containsString("past the last mile"));
  }

  @Test
  void anUnknownConferenceIsNotFound() {
    assertProblem(given().get(CONFERENCES + "/qcon-sf-1999"), 404)
        .body("detail", containsString("qcon-sf-1999"));
  }

  @Test
  void createAnswers201WithTheLocationOfTheNewConference() {
    String slug = unique("conf");

    Response created =
        json(conference(slug, "2031-04-01", "keynotes", "workshops")).post(CONFERENCES);

    created
        .then()
        .statusCode(201)
        .header("Location", endsWith(CONFERENCES + "/" + slug))
        .body("slug", equalTo(slug))
        .body("talkCount", equalTo(0));
    given()
        .get(created.header("Location"))
        .then()
        .statusCode(200)
        .body("startDate", equalTo("2031-04-01"))
        .body("url", equalTo("https://conf.example.org/"))
        .body("tracks.slug", contains("keynotes", "workshops"))
        .body("tracks[1].name", equalTo("Track workshops"));
  }

  @Test
  void createMakesTheSlugFromTheNameWhenItIsLeftOut() {
    String word = unique("edition");

    json("{\"name\": \"DevConf Zürich 2031 " + word + "\"}")
        .post(CONFERENCES)
        .then()
        .statusCode(201)
        .body("slug", equalTo("devconf-zurich-2031-" + word))
        .body("tracks", empty());
  }

  @Test
  void createWithATakenSlugIsAConflict() {
    assertProblem(json(conference("qcon-sf-2018", "2018-11-05")).post(CONFERENCES), 409)
        .body("detail", containsString("qcon-sf-2018"));
    given().get(CONFERENCES + "/qcon-sf-2018").then().body("series", equalTo(QCON));
  }

  @Test
  void invalidFieldsAreNamedByTheirJsonPath() {
    String body =
        """
        {"slug": "%s", "name": "", "url": "not a url",
         "tracks": [{"name": "No slug"}, {"slug": "Bad Slug", "name": " "}]}
        """
            .formatted(unique("invalid"));

    assertProblem(
        json(body).post(CONFERENCES),
        400,
        "$.name",
        "$.url",
        "$.tracks[0].slug",
        "$.tracks[1].slug",
        "$.tracks[1].name");
    assertProblem(
        json("{\"name\": \"X\", \"startDate\": \"2019-13-45\"}").post(CONFERENCES),
        400,
        "$.startDate");
  }

  @Test
  void inconsistentDatesAndRepeatedTracksAreRejected() {
    String slug = unique("inconsistent");
    String body =
        """
        {"slug": "%s", "name": "Backwards", "startDate": "2031-05-10", "endDate": "2031-05-01",
         "tracks": [{"slug": "one", "name": "One"}, {"slug": "one", "name": "One again"}]}
        """
            .formatted(slug);

    assertProblem(json(body).post(CONFERENCES), 422, "$.endDate", "$.tracks[1].slug");
    assertProblem(given().get(CONFERENCES + "/" + slug), 404);
  }

  @Test
  void unknownFieldsAndMalformedJsonAreBadRequests() {
    assertProblem(
        json("{\"name\": \"X\", \"venue\": \"Moscone\"}").post(CONFERENCES), 400, "$.venue");
    assertProblem(
        json("{\"name\": \"X\", \"tracks\": [{\"slug\": \"a\", \"name\": \"A\", \"room\": 1}]}")
            .post(CONFERENCES),
        400,
        "$.tracks[0].room");
    assertProblem(json("{\"name\": \"X\",").post(CONFERENCES), 400);
  }

  @Test
  void putReplacesTheConferenceAndItsTracks() {
    String slug = create("conferences", conference(unique("conf"), "2031-04-01", "alpha", "beta"));

    json(edition(slug, "Renamed", "Other series", "2031-06-01", "gamma", "alpha"))
        .put(CONFERENCES + "/" + slug)
        .then()
        .statusCode(200)
        .body("name", equalTo("Renamed"));

    given()
        .get(CONFERENCES + "/" + slug)
        .then()
        .body("name", equalTo("Renamed"))
        .body("series", equalTo("Other series"))
        .body("startDate", equalTo("2031-06-01"))
        .body("tracks.slug", contains("gamma", "alpha"));
  }

  @Test
  void putWithAnotherSlugInTheBodyIsRejected() {
    String slug = create("conferences", conference(unique("conf"), "2031-04-01"));

    assertProblem(
        json(conference(unique("other"), "2031-04-01")).put(CONFERENCES + "/" + slug),
        400,
        "$.slug");
  }

  @Test
  void putAndDeleteOfAnUnknownConferenceAreNotFound() {
    assertProblem(json(conference("qcon-sf-1999", null)).put(CONFERENCES + "/qcon-sf-1999"), 404);
    assertProblem(given().delete(CONFERENCES + "/qcon-sf-1999"), 404);
  }

  @Test
  void aTrackThatTalksUseIsNotRemoved() {
    String slug = create("conferences", conference(unique("conf"), "2031-04-01", "used", "unused"));
    String talk =
        create(
            "talks",
            "{\"title\": \"On track\", \"conference\": \"%s\", \"track\": \"used\"}"
                .formatted(slug));

    assertProblem(json(conference(slug, "2031-04-01", "unused")).put(CONFERENCES + "/" + slug), 409)
        .body("detail", containsString(talk));
    given().get(CONFERENCES + "/" + slug).then().body("tracks.slug", contains("used", "unused"));

    json(conference(slug, "2031-04-01", "used"))
        .put(CONFERENCES + "/" + slug)
        .then()
        .statusCode(200)
        .body("tracks.slug", contains("used"));
    given().get(BASE + "/talks/" + talk).then().body("track.slug", equalTo("used"));
  }

  @Test
  void deleteRemovesTheConferenceWithItsTracks() {
    String slug = create("conferences", conference(unique("conf"), "2031-04-01", "only"));

    given().delete(CONFERENCES + "/" + slug).then().statusCode(204);

    assertProblem(given().get(CONFERENCES + "/" + slug), 404);
  }

  @Test
  void aConferenceWithTalksIsNotDeleted() {
    assertProblem(given().delete(CONFERENCES + "/qcon-sf-2017"), 409)
        .body("title", equalTo("Conflict"))
        .body(
            "detail",
            containsString(
                "talks designing-services-resilience-testing-netflix,"
                    + " expedia-journey-toward-site-resiliency"));
    given().get(CONFERENCES + "/qcon-sf-2017").then().statusCode(200).body("talkCount", equalTo(2));
  }

  @Test
  void aConferenceWithManyTalksIsNotDeletedAndTheConflictCountsThem() {
    String slug = create("conferences", conference(unique("conf"), "2031-04-01", "main"));
    for (int i = 0; i < 7; i++) {
      create(
          "talks", "{\"title\":\"Talk %d at %s\",\"conference\":\"%s\"}".formatted(i, slug, slug));
    }

    assertProblem(given().delete(CONFERENCES + "/" + slug), 409)
        .body("detail", containsString("(and 2 more)"));
    given().get(CONFERENCES + "/" + slug).then().statusCode(200).body("talkCount", equalTo(7));
  }

  @Test
  void conditionalRequestsFollowTheETag() {
    String slug = create("conferences", conference(unique("conf"), "2031-04-01", "main"));

    assertConditionalRequests(CONFERENCES + "/" + slug, conference(slug, "2031-04-02", "main"));
  }
}
