package dev.podium.talk;

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
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.podium.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class TalkResourceTest {

  private static final String TALKS = BASE + "/talks";
  private static final String BUILDING = "building-resilience-production-migrations";
  private static final String DESIGNING = "designing-services-resilience-testing-netflix";
  private static final String EXPEDIA = "expedia-journey-toward-site-resiliency";
  private static final String MONITORING =
      "monitoring-tracing-netflix-streaming-data-infrastructure";

  /**
   * What this test's talks refer to, all of its own: a conference with tracks {@code main} and
   * {@code side}, a topic with a sub-topic, another topic, and two speakers.
   */
  record World(
      String conference,
      String parentTopic,
      String childTopic,
      String otherTopic,
      String speaker,
      String otherSpeaker) {

    static World create(String conferenceStart) {
      String conference =
          Api.create(
              "conferences",
              """
              {"slug": "%s", "name": "Test Conference", "startDate": "%s",
               "tracks": [{"slug": "main", "name": "Main"}, {"slug": "side", "name": "Side"}]}
              """
                  .formatted(unique("conf"), conferenceStart));
      String parent = Api.create("topics", topic(unique("parent"), null));
      return new World(
          conference,
          parent,
          Api.create("topics", topic(unique("child"), parent)),
          Api.create("topics", topic(unique("other"), null)),
          Api.create("speakers", "{\"slug\": \"%s\", \"name\": \"Ann\"}".formatted(unique("ann"))),
          Api.create("speakers", "{\"slug\": \"%s\", \"name\": \"Bo\"}".formatted(unique("bo"))));
    }

    private static String topic(String slug, String parent) {
      return """
          {"slug": "%s", "name": "Topic %s", "parent": %s}
          """
          .formatted(slug, slug, parent == null ? null : '"' + parent + '"');
    }

    /** A talk at this conference by {@code speaker} on {@code topic}, plus {@code extra} fields. */
    String talk(String slug, String title, String speaker, String topic, String extra) {
      return """
          {"slug": "%s", "title": "%s", "abstract": "What %s is about.", "conference": "%s",
           "speakers": ["%s"], "topics": ["%s"]%s}
          """
          .formatted(
              slug, title, title, conference, speaker, topic, extra.isBlank() ? "" : ", " + extra);
    }

    String talk(String slug, String extra) {
      return talk(slug, "Talk " + slug, speaker, childTopic, extra);
    }

    /** Creates a talk; answers its slug. */
    String add(String prefix, String extra) {
      return Api.create("talks", talk(unique(prefix), extra));
    }

    String add(String prefix, String title, String extra) {
      return Api.create("talks", talk(unique(prefix), title, speaker, childTopic, extra));
    }

    List<String> talks(Map<String, ?> filters) {
      Map<String, Object> params = new HashMap<>(filters);
      params.put("conference", conference);
      return list(TALKS, params);
    }
  }

  @Test
  void listsTalksNewestFirstWithUndatedOnesLast() {
    given()
        .queryParam("topic", "resiliency")
        .get(TALKS)
        .then()
        .statusCode(200)
        .header("Link", nullValue())
        .body("items.slug", contains(BUILDING, DESIGNING, EXPEDIA, MONITORING))
        .body("page.total", equalTo(4))
        .body("items[0].title", equalTo("Building Resilience in Production Migrations"))
        .body("items[0].excerpt", endsWith("…"))
        .body("items[0].type", equalTo("talk"))
        .body("items[0].levels", contains("intermediate", "advanced"))
        .body("items[0].startsAt", equalTo("2018-11-07T21:40:00Z"))
        .body("items[0].durationMinutes", equalTo(50))
        .body("items[0].room", equalTo("Ballroom A"))
        .body("items[0].conference.slug", equalTo("qcon-sf-2018"))
        .body("items[0].conference.startDate", equalTo("2018-11-05"))
        .body("items[0].track.slug", equalTo("production-readiness"))
        .body("items[0].speakers.slug", contains("sangeeta-handa"))
        .body("items[0].topics.slug", contains("resiliency", "migrations"))
        .body("items[0].hasVideo", equalTo(false))
        .body("items[2].speakers.slug", contains("willie-wheeler", "sahar-samiei"));
  }

  @Test
  void filtersTheDemoTalks() {
    assertThat(list(TALKS, Map.of("topic", "chaos-engineering"))).containsExactly(DESIGNING);
    assertThat(list(TALKS, Map.of("speaker", "sahar-samiei"))).containsExactly(EXPEDIA);
    assertThat(list(TALKS, Map.of("conference", "qcon-sf-2017")))
        .containsExactly(DESIGNING, EXPEDIA);
    assertThat(list(TALKS, Map.of("track", "production-readiness"))).containsExactly(BUILDING);
    assertThat(list(TALKS, Map.of("topic", "resiliency", "level", "advanced")))
        .containsExactly(BUILDING, DESIGNING);
    assertThat(list(TALKS, Map.of("topic", "resiliency", "type", "talk"))).hasSize(4);
    assertThat(list(TALKS, Map.of("topic", "resiliency", "type", "keynote"))).isEmpty();
    // A talk without a start time counts in the year its conference starts.
    assertThat(list(TALKS, Map.of("topic", "resiliency", "year", 2017)))
        .containsExactly(DESIGNING, EXPEDIA);
    assertThat(list(TALKS, Map.of("topic", "resiliency", "year", 2019)))
        .containsExactly(MONITORING);
    assertThat(list(TALKS, Map.of("topic", "resiliency", "hasVideo", false))).hasSize(4);
    assertThat(list(TALKS, Map.of("topic", "resiliency", "hasVideo", true))).isEmpty();
    assertThat(list(TALKS, Map.of("topic", unique("no-such-topic")))).isEmpty();
  }

  @Test
  void topicIsRepeatableAndMatchesSubTopics() {
    World w = World.create("2031-03-01");
    String onChild = w.add("child", "");
    String onParent =
        create("talks", w.talk(unique("parent"), "On parent", w.speaker(), w.parentTopic(), ""));
    String onOther =
        create("talks", w.talk(unique("other"), "On other", w.speaker(), w.otherTopic(), ""));

    assertThat(list(TALKS, Map.of("topic", w.parentTopic())))
        .containsExactlyInAnyOrder(onChild, onParent);
    assertThat(list(TALKS, Map.of("topic", w.childTopic()))).containsExactly(onChild);
    assertThat(
            Api.slugs(
                given()
                    .queryParam("topic", w.childTopic(), w.otherTopic())
                    .queryParam("limit", 100)
                    .get(TALKS)))
        .containsExactlyInAnyOrder(onChild, onOther);
    assertThat(Api.slugs(given().queryParam("topic", w.otherTopic(), "resiliency").get(TALKS)))
        .hasSize(5)
        .contains(onOther, BUILDING);
  }

  @Test
  void filtersCombineWithAnd() {
    World w = World.create("2031-03-01");
    String keynote =
        w.add(
            "keynote",
            """
            "type": "keynote", "levels": ["beginner"], "track": "main",
            "startsAt": "2031-03-01T09:00:00Z", "videoUrl": "https://video.example.org/k"
            """);
    String workshop =
        w.add(
            "workshop",
            """
            "type": "workshop", "levels": ["intermediate", "advanced"], "track": "side",
            "startsAt": "2032-01-10T09:00:00Z"
            """);
    String byOther =
        create(
            "talks",
            w.talk(
                unique("other"), "By Bo", w.otherSpeaker(), w.otherTopic(), "\"type\": \"panel\""));

    assertThat(w.talks(Map.of())).containsExactly(workshop, keynote, byOther);
    assertThat(w.talks(Map.of("type", "keynote"))).containsExactly(keynote);
    assertThat(w.talks(Map.of("level", "advanced"))).containsExactly(workshop);
    assertThat(w.talks(Map.of("level", "beginner", "type", "workshop"))).isEmpty();
    assertThat(w.talks(Map.of("track", "side"))).containsExactly(workshop);
    assertThat(w.talks(Map.of("hasVideo", true))).containsExactly(keynote);
    assertThat(w.talks(Map.of("hasVideo", false))).containsExactly(workshop, byOther);
    assertThat(w.talks(Map.of("year", 2032))).containsExactly(workshop);
    assertThat(w.talks(Map.of("year", 2031))).containsExactly(keynote, byOther);
    assertThat(w.talks(Map.of("speaker", w.otherSpeaker()))).containsExactly(byOther);
    assertThat(w.talks(Map.of("speaker", w.speaker(), "topic", w.parentTopic())))
        .containsExactly(workshop, keynote);
    assertThat(list(TALKS, Map.of("speaker", w.speaker(), "conference", "qcon-sf-2017"))).isEmpty();
  }

  @Test
  void sortsByStartOrTitleWithTiesBrokenBySlug() {
    World w = World.create("2031-03-01");
    String s1 = w.add("s1", "Charlie", "\"startsAt\": \"2031-03-01T10:00:00Z\"");
    String s2 = w.add("s2", "Alpha", "\"startsAt\": \"2031-03-01T09:00:00Z\"");
    String s3 = w.add("s3", "Bravo", "\"startsAt\": \"2031-03-01T10:00:00Z\"");
    String s4 = w.add("s4", "Alpha", "");
    String s5 = w.add("s5", "Delta", "");

    assertSorted(w, "startsAt", s2, s1, s3, s4, s5);
    assertSorted(w, "-startsAt", s1, s3, s2, s4, s5);
    assertSorted(w, "title", s2, s4, s3, s1, s5);
    assertSorted(w, null, s1, s3, s2, s4, s5);
  }

  private static void assertSorted(World w, String sort, String... expected) {
    Map<String, Object> params = new HashMap<>();
    params.put("conference", w.conference());
    if (sort != null) {
      params.put("sort", sort);
    }
    assertThat(list(TALKS, params)).as("sort=%s", sort).containsExactly(expected);
    Api.Walk walk = Api.walk(TALKS, params, 2);
    assertThat(walk.slugs()).as("sort=%s walked", sort).containsExactly(expected);
    assertThat(walk.pages()).isEqualTo(3);
    assertThat(walk.total()).isEqualTo(expected.length);
  }

  @Test
  void statusFollowsTheClockForTalksWithAndWithoutStartTime() {
    World w = World.create("2031-03-01");
    String timed = w.add("timed", "\"startsAt\": \"2031-03-01T10:00:00Z\"");
    String untimed = w.add("untimed", "");

    fixClock("2031-02-28T23:59:59Z");
    assertStatus(timed, "upcoming");
    assertStatus(untimed, "upcoming");
    assertThat(w.talks(Map.of("status", "upcoming"))).containsExactly(timed, untimed);
    assertThat(w.talks(Map.of("status", "past"))).isEmpty();

    // The conference has begun: a talk without its own start follows it.
    fixClock("2031-03-01T00:00:00Z");
    assertStatus(timed, "upcoming");
    assertStatus(untimed, "past");
    assertThat(w.talks(Map.of("status", "upcoming"))).containsExactly(timed);
    assertThat(w.talks(Map.of("status", "past"))).containsExactly(untimed);

    fixClock("2031-03-01T10:00:00Z");
    assertStatus(timed, "past");
    assertThat(w.talks(Map.of("status", "upcoming"))).isEmpty();
    assertThat(w.talks(Map.of("status", "past"))).containsExactly(timed, untimed);
    given()
        .queryParam("conference", w.conference())
        .get(TALKS)
        .then()
        .body("items.status", contains("past", "past"));
  }

  @Test
  void talksWithoutAStartMoveWithTheirConferenceInYearAndStatus() {
    World w = World.create("2031-03-01");
    String timed = w.add("timed", "\"startsAt\": \"2031-03-01T10:00:00Z\"");
    String untimed = w.add("untimed", "");
    fixClock("2031-06-01T00:00:00Z");
    assertThat(w.talks(Map.of("year", 2031))).containsExactly(timed, untimed);
    assertThat(w.talks(Map.of("status", "past"))).containsExactly(timed, untimed);

    // The conference is put off to next year: the talk with its own start stays where it was.
    json("""
            {"name": "Test Conference", "startDate": "2032-02-01",
             "tracks": [{"slug": "main", "name": "Main"}, {"slug": "side", "name": "Side"}]}
            """)
        .put(BASE + "/conferences/" + w.conference())
        .then()
        .statusCode(200);
    assertThat(w.talks(Map.of("year", 2031))).containsExactly(timed);
    assertThat(w.talks(Map.of("year", 2032))).containsExactly(untimed);
    assertThat(w.talks(Map.of("status", "past"))).containsExactly(timed);
    assertThat(w.talks(Map.of("status", "upcoming"))).containsExactly(untimed);
    assertStatus(untimed, "upcoming");

    // Without a date at all it is announced, not scheduled: upcoming, and of no year.
    json("{\"name\": \"Test Conference\", \"tracks\": [{\"slug\": \"main\", \"name\": \"Main\"},"
            + " {\"slug\": \"side\", \"name\": \"Side\"}]}")
        .put(BASE + "/conferences/" + w.conference())
        .then()
        .statusCode(200);
    assertThat(w.talks(Map.of("status", "upcoming"))).containsExactly(untimed);
    assertThat(w.talks(Map.of("year", 2032))).isEmpty();
    assertThat(w.talks(Map.of("year", 9999))).isEmpty();
    assertThat(list(TALKS, Map.of("conference", w.conference(), "year", 2031)))
        .containsExactly(timed);
  }

  @Test
  void aTopicWithARareYearOrStatusFindsTheSameTalksWhicheverIsRead() {
    World w = World.create("2043-03-01");
    String early = w.add("early", "\"startsAt\": \"2043-03-01T09:00:00Z\"");
    String late = w.add("late", "\"startsAt\": \"2044-03-01T09:00:00Z\"");
    String untimed = w.add("untimed", "");
    fixClock("2043-06-01T00:00:00Z");
    // Fewer talks of 2044 than on the topic: read by year, each tested for the topic.
    assertThat(list(TALKS, Map.of("topic", w.parentTopic(), "year", 2044))).containsExactly(late);
    assertThat(list(TALKS, Map.of("topic", w.parentTopic(), "year", 2043)))
        .containsExactly(early, untimed);
    assertThat(list(TALKS, Map.of("topic", w.parentTopic(), "status", "upcoming")))
        .containsExactly(late);
    assertThat(list(TALKS, Map.of("topic", w.parentTopic(), "status", "past")))
        .containsExactly(early, untimed);
  }

  @Test
  void aTopicsPastAndUpcomingTalksAndThoseWithAndWithoutVideoEachAddUpToAllOfThem() {
    World w = World.create("2043-03-01");
    List<String> past = new ArrayList<>();
    List<String> withVideo = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      boolean video = i % 3 == 0;
      String talk =
          w.add(
              "past",
              "\"startsAt\": \"2043-03-01T09:00:00Z\""
                  + (video ? ", \"videoUrl\": \"https://video.example/" + i + "\"" : ""));
      past.add(talk);
      if (video) {
        withVideo.add(talk);
      }
    }
    String late = w.add("late", "\"startsAt\": \"2044-03-01T09:00:00Z\"");
    List<String> all = new ArrayList<>(past);
    all.add(late);
    List<String> withoutVideo = all.stream().filter(t -> !withVideo.contains(t)).toList();
    fixClock("2043-06-01T00:00:00Z");

    // Whether counted directly or as the topic's talks less the opposite filter's.
    assertTopicList(w, Map.of("status", "past"), past);
    assertTopicList(w, Map.of("status", "upcoming"), List.of(late));
    assertTopicList(w, Map.of("hasVideo", "true"), withVideo);
    assertTopicList(w, Map.of("hasVideo", "false"), withoutVideo);
    assertTopicList(
        w,
        Map.of("status", "past", "hasVideo", "false"),
        past.stream().filter(t -> !withVideo.contains(t)).toList());
  }

  private static void assertTopicList(World w, Map<String, String> filters, List<String> expected) {
    Map<String, Object> params = new HashMap<>(filters);
    params.put("topic", w.parentTopic());
    Response page = given().queryParams(params).queryParam("limit", 100).get(TALKS);
    page.then().statusCode(200);
    assertThat(page.jsonPath().getList("items.slug", String.class))
        .as("%s", filters)
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(page.jsonPath().getInt("page.total"))
        .as("%s total", filters)
        .isEqualTo(expected.size());
  }

  @Test
  void demoTalksFollowTheClock() {
    fixClock("2017-11-12T12:00:00Z");
    assertStatus(DESIGNING, "upcoming");
    assertThat(list(TALKS, Map.of("topic", "resiliency", "status", "past"))).isEmpty();
    assertThat(list(TALKS, Map.of("topic", "resiliency", "status", "upcoming"))).hasSize(4);

    // The 2018 conference has begun, its talk with a start time has not.
    fixClock("2018-11-06T12:00:00Z");
    assertStatus(BUILDING, "upcoming");
    assertStatus(EXPEDIA, "past");
    assertThat(list(TALKS, Map.of("topic", "resiliency", "status", "past")))
        .containsExactly(DESIGNING, EXPEDIA);
    assertThat(list(TALKS, Map.of("topic", "resiliency", "status", "upcoming")))
        .containsExactly(BUILDING, MONITORING);

    fixClock("2019-11-11T00:00:00Z");
    assertStatus(MONITORING, "past");
    assertThat(list(TALKS, Map.of("topic", "resiliency", "status", "past")))
        .containsExactly(BUILDING, DESIGNING, EXPEDIA, MONITORING);
    assertThat(list(TALKS, Map.of("topic", "resiliency", "status", "upcoming"))).isEmpty();
  }

  private static void assertStatus(String talk, String status) {
    given().get(TALKS + "/" + talk).then().statusCode(200).body("status", equalTo(status));
  }

  @ParameterizedTest
  @CsvSource({
    "limit, 0",
    "limit, 101",
    "limit, abc",
    "type, seminar",
    "level, expert",
    "status, soon",
    "sort, speed",
    "sort, -title",
    "hasVideo, maybe",
    "year, abc",
    "year, -1",
    "topic, Bad_Slug",
    "speaker, Nora Jones",
    "conference, qcon--sf",
    "track, -main",
    "cursor, dG9waWNzH0EfYQ",
  })
  void malformedParametersAreRejected(String name, String value) {
    assertBadParameter(TALKS, name, value);
  }

  @Test
  void aCursorOfAnotherSortIsRejected() {
    String titleCursor =
        given()
            .queryParam("sort", "title")
            .queryParam("limit", 1)
            .get(TALKS)
            .then()
            .extract()
            .path("page.next");

    assertProblem(
            given().queryParam("sort", "startsAt").queryParam("cursor", titleCursor).get(TALKS),
            400)
        .body("errors[0].field", equalTo("cursor"));
  }

  @Test
  void detailShowsEverythingATalkPageNeeds() {
    given()
        .get(TALKS + "/" + BUILDING)
        .then()
        .statusCode(200)
        .body("slug", equalTo(BUILDING))
        .body("abstract", startsWith("How can a stateful system be migrated safely"))
        .body("abstract", endsWith("the practices that made them resilient."))
        .body("type", equalTo("talk"))
        .body("levels", contains("intermediate", "advanced"))
        .body(
            "personas",
            contains("Architect", "Backend Developer", "Chaos/Resiliency/SRE", "Developer"))
        .body("learningOutcomes", hasSize(3))
        .body("language", equalTo("en"))
        .body("status", equalTo("past"))
        .body("startsAt", equalTo("2018-11-07T21:40:00Z"))
        .body("durationMinutes", equalTo(50))
        .body("room", equalTo("Ballroom A"))
        .body("videoUrl", nullValue())
        .body("conference.slug", equalTo("qcon-sf-2018"))
        .body("conference.name", equalTo("QCon San Francisco 2018"))
        .body("track.name", equalTo("Production Readiness: Building Resilient Systems"))
        .body("speakers.slug", contains("sangeeta-handa"))
        .body("speakers[0].company", equalTo("Netflix"))
        .body("topics.slug", contains("resiliency", "migrations"))
        .body("topics[1].name", equalTo("Production Migrations"))
        .body("interviews.slug", contains("building-resilience-production-migrations-interview"))
        .body(
            "interviews[0].excerpt", startsWith("What's the focus of the work that you do today?"));
    given()
        .get(TALKS + "/" + EXPEDIA)
        .then()
        .body("track", nullValue())
        .body("startsAt", nullValue())
        .body("speakers.slug", contains("willie-wheeler", "sahar-samiei"))
        .body("interviews", empty());
  }

  @Test
  void anUnknownTalkIsNotFound() {
    assertProblem(given().get(TALKS + "/no-such-talk"), 404)
        .body("detail", containsString("no-such-talk"));
  }

  @Test
  void createAnswers201WithTheLocationOfTheNewTalk() {
    World w = World.create("2031-03-01");
    String slug = unique("talk");
    String body =
        w.talk(
            slug,
            """
            "track": "side", "type": "workshop", "levels": ["beginner"],
            "personas": ["Developer"], "learningOutcomes": ["How to test."], "language": "de",
            "startsAt": "2031-03-02T13:30:00Z", "durationMinutes": 90, "room": "Hall 2",
            "videoUrl": "https://video.example.org/t", "slidesUrl": "https://slides.example.org/t"
            """);

    Response created = json(body).post(TALKS);

    created
        .then()
        .statusCode(201)
        .header("Location", endsWith(TALKS + "/" + slug))
        .body("slug", equalTo(slug));
    given()
        .get(created.header("Location"))
        .then()
        .statusCode(200)
        .body("title", equalTo("Talk " + slug))
        .body("abstract", equalTo("What Talk " + slug + " is about."))
        .body("conference.slug", equalTo(w.conference()))
        .body("track.slug", equalTo("side"))
        .body("speakers.slug", contains(w.speaker()))
        .body("topics.slug", contains(w.childTopic()))
        .body("type", equalTo("workshop"))
        .body("levels", contains("beginner"))
        .body("personas", contains("Developer"))
        .body("learningOutcomes", contains("How to test."))
        .body("language", equalTo("de"))
        .body("startsAt", equalTo("2031-03-02T13:30:00Z"))
        .body("durationMinutes", equalTo(90))
        .body("room", equalTo("Hall 2"))
        .body("videoUrl", equalTo("https://video.example.org/t"))
        .body("slidesUrl", equalTo("https://slides.example.org/t"))
        .body("interviews", empty());
    given()
        .get(BASE + "/speakers/" + w.speaker())
        .then()
        .body("talks.slug", contains(slug))
        .body("talks[0].hasVideo", equalTo(true));
    given().get(BASE + "/conferences/" + w.conference()).then().body("talkCount", equalTo(1));
  }

  @Test
  void createMakesTheSlugFromTheTitleWhenItIsLeftOut() {
    String word = unique("w");

    json("{\"title\": \"Résilience @ Scale: Part 2 " + word + "\"}")
        .post(TALKS)
        .then()
        .statusCode(201)
        .body("slug", equalTo("resilience-scale-part-2-" + word))
        .body("status", equalTo("upcoming"))
        .body("conference", nullValue());
  }

  @Test
  void createWithATakenSlugIsAConflict() {
    assertProblem(
            json("{\"slug\": \"%s\", \"title\": \"Again\"}".formatted(BUILDING)).post(TALKS), 409)
        .body("detail", containsString(BUILDING));
  }

  @Test
  void invalidFieldsAreNamedByTheirJsonPath() {
    String body =
        """
        {"slug": "Bad Slug", "title": " ", "durationMinutes": 0, "videoUrl": "not a url",
         "speakers": ["Not A Slug"], "topics": [""], "personas": [" "], "conference": "QCon"}
        """;

    assertProblem(
        json(body).post(TALKS),
        400,
        "$.slug",
        "$.title",
        "$.durationMinutes",
        "$.videoUrl",
        "$.speakers[0]",
        "$.topics[0]",
        "$.personas[0]",
        "$.conference");
    assertProblem(
        json("{\"title\": \"T\", \"durationMinutes\": 1441}").post(TALKS),
        400,
        "$.durationMinutes");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"title\": \"T\", \"levels\": [\"expert\"]}|$.levels[0]",
        "{\"title\": \"T\", \"type\": \"seminar\"}|$.type",
        "{\"title\": \"T\", \"startsAt\": \"tomorrow\"}|$.startsAt",
        "{\"title\": \"T\", \"durationMinutes\": \"long\"}|$.durationMinutes",
        "{\"title\": \"T\", \"speakers\": \"nora-jones\"}|$.speakers",
      })
  void valuesOfTheWrongTypeAreNamed(String bodyAndField) {
    String[] parts = bodyAndField.split("\\|");

    assertProblem(json(parts[0]).post(TALKS), 400, parts[1]);
  }

  @Test
  void unknownReferencesAreNamedByTheirJsonPath() {
    String slug = unique("dangling");
    String body =
        """
        {"slug": "%s", "title": "Dangling", "conference": "no-such-conference",
         "speakers": ["nora-jones", "no-such-speaker", "nora-jones"], "topics": ["no-such-topic"]}
        """
            .formatted(slug);

    assertProblem(
            json(body).post(TALKS),
            422,
            "$.conference",
            "$.speakers[1]",
            "$.speakers[2]",
            "$.topics[0]")
        .body("title", equalTo("Unknown reference"));
    assertProblem(given().get(TALKS + "/" + slug), 404);
  }

  @Test
  void aTrackMustBelongToTheTalksConference() {
    World w = World.create("2031-03-01");

    assertProblem(
            json(w.talk(unique("t"), "\"track\": \"production-readiness\"")).post(TALKS),
            422,
            "$.track")
        .body("errors[0].message", containsString("production-readiness"));
    assertProblem(
        json("{\"title\": \"No conference\", \"track\": \"main\"}").post(TALKS), 422, "$.track");
  }

  @Test
  void unknownFieldsAndMalformedJsonAreBadRequests() {
    assertProblem(
        json("{\"title\": \"T\", \"speaker\": \"nora-jones\"}").post(TALKS), 400, "$.speaker");
    assertProblem(json("not json").post(TALKS), 400);
  }

  @Test
  void putReplacesTheWholeTalk() {
    World w = World.create("2031-03-01");
    String slug =
        w.add("talk", "\"track\": \"main\", \"levels\": [\"advanced\"], \"room\": \"Hall 1\"");

    json(w.talk(slug, "Renamed", w.otherSpeaker(), w.otherTopic(), "\"track\": \"side\""))
        .put(TALKS + "/" + slug)
        .then()
        .statusCode(200)
        .body("title", equalTo("Renamed"));

    given()
        .get(TALKS + "/" + slug)
        .then()
        .body("title", equalTo("Renamed"))
        .body("track.slug", equalTo("side"))
        .body("speakers.slug", contains(w.otherSpeaker()))
        .body("topics.slug", contains(w.otherTopic()))
        .body("levels", empty())
        .body("room", nullValue());
    given().get(BASE + "/speakers/" + w.speaker()).then().body("talks", empty());
  }

  @Test
  void putWithAnotherSlugInTheBodyIsRejected() {
    World w = World.create("2031-03-01");
    String slug = w.add("talk", "");

    assertProblem(json(w.talk(unique("other"), "")).put(TALKS + "/" + slug), 400, "$.slug");
    given().get(TALKS + "/" + slug).then().statusCode(200);
  }

  @Test
  void putWithAnUnknownReferenceChangesNothing() {
    World w = World.create("2031-03-01");
    String slug = w.add("talk", "");
    String before = given().get(TALKS + "/" + slug).asString();

    assertProblem(
        json(w.talk(slug, "Changed", "no-such-speaker", w.otherTopic(), ""))
            .put(TALKS + "/" + slug),
        422,
        "$.speakers[0]");

    assertThat(given().get(TALKS + "/" + slug).asString()).isEqualTo(before);
  }

  @Test
  void putAndDeleteOfAnUnknownTalkAreNotFound() {
    assertProblem(json("{\"title\": \"T\"}").put(TALKS + "/no-such-talk"), 404);
    assertProblem(given().delete(TALKS + "/no-such-talk"), 404);
  }

  @Test
  void deleteRemovesTheTalk() {
    World w = World.create("2031-03-01");
    String slug = w.add("talk", "");

    given().delete(TALKS + "/" + slug).then().statusCode(204);

    assertProblem(given().get(TALKS + "/" + slug), 404);
    given().get(BASE + "/speakers/" + w.speaker()).then().body("talks", empty());
    given().get(BASE + "/conferences/" + w.conference()).then().body("talkCount", equalTo(0));
  }

  @Test
  void aTalkWithInterviewsIsNotDeleted() {
    assertProblem(given().delete(TALKS + "/" + BUILDING), 409)
        .body(
            "detail",
            containsString("interviews building-resilience-production-migrations-interview"));
    given().get(TALKS + "/" + BUILDING).then().statusCode(200);
  }

  @Test
  void conditionalRequestsFollowTheETag() {
    World w = World.create("2031-03-01");
    String slug = w.add("talk", "");

    assertConditionalRequests(TALKS + "/" + slug, w.talk(slug, "\"room\": \"Hall 9\""));
  }

  @Test
  void aTalksTagChangesWhenItsSpeakerIsRenamed() {
    World w = World.create("2031-03-01");
    String slug = w.add("talk", "");
    String tag = Api.etag(TALKS + "/" + slug);

    json("{\"name\": \"Ann Renamed\"}")
        .put(BASE + "/speakers/" + w.speaker())
        .then()
        .statusCode(200);

    given()
        .header("If-None-Match", tag)
        .get(TALKS + "/" + slug)
        .then()
        .statusCode(200)
        .body("speakers[0].name", equalTo("Ann Renamed"));
  }
}
