package dev.podium.talk;

import static dev.podium.Api.BASE;
import static dev.podium.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A topic's talk list pages the same, in every order, whether the topic has few talks (read and
 * sorted) or more than {@link TalkService#WALK_FROM} (the list's index walked from the cursor).
 */
@QuarkusTest
class TalkPagingTest {

  private static final String TALKS = BASE + "/talks";

  /** A talk as the test made it: start (null for none), title, topic, type and conference. */
  record Made(
      String slug, String startsAt, String title, String topic, String type, String conference) {
    Made(String slug, String startsAt, String title, String topic, String type) {
      this(slug, startsAt, title, topic, type, null);
    }
  }

  /** The conferences' start dates, "" for none: two on one day, one undated. */
  private final Map<String, String> conferences = new HashMap<>();

  private String big;
  private String sub;
  private String small;
  private final List<Made> made = new ArrayList<>();

  @BeforeEach
  void importTopics() {
    String run = unique("paging");
    big = run + "-big";
    sub = run + "-sub";
    small = run + "-small";
    for (String[] c :
        new String[][] {
          {"a", "2028-01-10"},
          {"b", "2029-03-01"},
          {"c", "2029-03-01"},
          {"e", "2030-05-01"},
          {"u", ""}
        }) {
      conferences.put(run + "-conf-" + c[0], c[1]);
    }
    List<String> talks = new ArrayList<>();
    int bigTalks = TalkService.WALK_FROM + 150;
    for (int i = 0; i < bigTalks + 40; i++) {
      // Starts repeat (ties broken by slug) and every seventh talk has none; the small topic's
      // talks come last. A third of the big topic's talks are on its sub-topic, some on both.
      String startsAt =
          i % 7 == 0 ? null : "2031-%02d-%02dT10:00:00Z".formatted(1 + i % 12, 1 + i % 28);
      String topic = i >= bigTalks ? small : i % 3 == 0 ? sub : big;
      String topics =
          i % 6 == 0 && !topic.equals(small)
              ? "\"" + sub + "\",\"" + big + "\""
              : "\"" + topic + "\"";
      String type = i % 5 == 0 ? "keynote" : "talk";
      // Conference b holds few talks, so a page of earlier talks spans b and c; every fifth talk
      // is at no conference.
      String conference = i % 100 == 1 ? "b" : new String[] {"a", "c", "e", "u", null}[i % 5];
      Made talk =
          new Made(
              run + "-" + Integer.toString(i * 7919 % 10007, 36),
              startsAt,
              "Title " + (i * 31 % 97),
              topic,
              type,
              conference == null ? null : run + "-conf-" + conference);
      made.add(talk);
      talks.add(
          """
          {"slug":"%s","title":"%s","topics":[%s],"type":"%s","startsAt":%s,"conference":%s}"""
              .formatted(
                  talk.slug(),
                  talk.title(),
                  topics,
                  type,
                  startsAt == null ? "null" : '"' + startsAt + '"',
                  talk.conference() == null ? "null" : '"' + talk.conference() + '"'));
    }
    String doc =
        """
        {"formatVersion":1,
         "topics":[{"slug":"%s","name":"Big"},{"slug":"%s","name":"Sub","parent":"%s"},
                   {"slug":"%s","name":"Small"}],
         "conferences":[%s],
         "talks":[%s]}"""
            .formatted(
                big,
                sub,
                big,
                small,
                String.join(
                    ",",
                    conferences.entrySet().stream()
                        .map(
                            c ->
                                """
                                {"slug":"%s","name":"Conference","startDate":%s}"""
                                    .formatted(
                                        c.getKey(),
                                        c.getValue().isEmpty() ? "null" : '"' + c.getValue() + '"'))
                        .toList()),
                String.join(",", talks));
    given()
        .contentType("application/json")
        .body(doc)
        .post(BASE + "/catalog")
        .then()
        .statusCode(200);
  }

  @Test
  void aBigTopicPagesInEveryOrderLikeASmallOne() {
    List<Made> onBig = made.stream().filter(t -> !t.topic().equals(small)).toList();
    List<Made> onSmall = made.stream().filter(t -> t.topic().equals(small)).toList();
    assertThat(onBig).hasSizeGreaterThan(TalkService.WALK_FROM);
    assertThat(onSmall).hasSizeLessThan(TalkService.WALK_FROM);

    for (String sort : List.of("startsAt", "-startsAt", "title")) {
      assertThat(walk(Map.of("topic", big, "sort", sort)))
          .as("topic with its sub-topic, sort=%s", sort)
          .containsExactlyElementsOf(ordered(onBig, sort));
      assertThat(walk(Map.of("topic", small, "sort", sort)))
          .as("small topic, sort=%s", sort)
          .containsExactlyElementsOf(ordered(onSmall, sort));
    }
    String c = conferences.keySet().stream().filter(k -> k.endsWith("-conf-c")).findFirst().get();
    assertThat(walk(Map.of("topic", big, "conference", c, "sort", "startsAt")))
        .as("topic and conference")
        .containsExactlyElementsOf(
            ordered(onBig.stream().filter(t -> c.equals(t.conference())).toList(), "startsAt"));
    assertThat(walk(Map.of("topic", big, "type", "keynote", "sort", "-startsAt")))
        .as("topic and type")
        .containsExactlyElementsOf(
            ordered(onBig.stream().filter(t -> t.type().equals("keynote")).toList(), "-startsAt"));
  }

  @Test
  void aTalkMovesInTheListWhenItsStartChanges() {
    Made dated = made.get(1);
    Made undated = made.get(7);
    assertThat(dated.startsAt()).isNotNull();
    assertThat(undated.startsAt()).isNull();

    put(undated.slug(), "\"2040-01-01T00:00:00Z\"");
    put(dated.slug(), "null");

    List<Made> onBig = new ArrayList<>();
    for (Made t : made) {
      if (t == undated) {
        onBig.add(new Made(t.slug(), "2040-01-01T00:00:00Z", t.title(), big, "talk"));
      } else if (t == dated) {
        onBig.add(new Made(t.slug(), null, t.title(), big, "talk"));
      } else if (!t.topic().equals(small)) {
        onBig.add(t);
      }
    }
    for (String sort : List.of("startsAt", "-startsAt")) {
      assertThat(walk(Map.of("topic", big, "sort", sort)))
          .as("sort=%s", sort)
          .containsExactlyElementsOf(ordered(onBig, sort));
    }
  }

  private void put(String slug, String startsAt) {
    Api.json(
            """
            {"slug":"%s","title":"Moved","topics":["%s"],"startsAt":%s}"""
                .formatted(slug, big, startsAt))
        .put(TALKS + "/" + slug)
        .then()
        .statusCode(200);
  }

  @Test
  void aBigTopicsPageShowsTheSameAsASmallOnes() {
    String newest =
        conferences.keySet().stream().filter(c -> c.endsWith("-conf-e")).findFirst().get();
    for (String topic : List.of(big, small)) {
      List<Made> on =
          made.stream()
              .filter(t -> topic.equals(small) == t.topic().equals(small))
              .filter(t -> t.conference() != null)
              .toList();
      Comparator<Made> programme =
          Comparator.comparing(
                  Made::startsAt, Comparator.nullsLast(Comparator.<String>naturalOrder()))
              .thenComparing(Made::slug);
      List<String> current =
          on.stream()
              .filter(t -> t.conference().equals(newest))
              .sorted(programme)
              .limit(50)
              .map(Made::slug)
              .toList();
      String newestStart = conferences.get(newest);
      List<String> past =
          on.stream()
              .filter(t -> !conferences.get(t.conference()).isEmpty())
              .filter(t -> conferences.get(t.conference()).compareTo(newestStart) < 0)
              .sorted(
                  Comparator.comparing((Made t) -> conferences.get(t.conference()))
                      .reversed()
                      .thenComparing(Made::conference)
                      .thenComparing(programme))
              .limit(50)
              .map(Made::slug)
              .toList();

      var overview =
          given()
              .queryParam("limit", 50)
              .get(BASE + "/topics/" + topic + "/overview")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      assertThat(overview.getString("conference.slug")).as(topic).isEqualTo(newest);
      assertThat(overview.getList("presentations.slug", String.class))
          .as("presentations on %s", topic)
          .containsExactlyElementsOf(current);
      assertThat(overview.getList("pastPresentations.slug", String.class))
          .as("past presentations on %s", topic)
          .containsExactlyElementsOf(past);
    }
  }

  private static List<String> walk(Map<String, ?> params) {
    Api.Walk walk = Api.walk(TALKS, new HashMap<>(params), 50);
    assertThat(walk.total()).isEqualTo(walk.slugs().size());
    return walk.slugs();
  }

  private static List<String> ordered(List<Made> talks, String sort) {
    Comparator<Made> bySlug = Comparator.comparing(Made::slug);
    Comparator<Made> order =
        switch (sort) {
          case "title" -> Comparator.comparing(Made::title).thenComparing(bySlug);
          case "startsAt" ->
              Comparator.comparing(
                      Made::startsAt, Comparator.nullsLast(Comparator.<String>naturalOrder()))
                  .thenComparing(bySlug);
          default ->
              Comparator.comparing(
                      Made::startsAt,
                      Comparator.nullsLast(Comparator.<String>naturalOrder().reversed()))
                  .thenComparing(bySlug);
        };
    return talks.stream().sorted(order).map(Made::slug).toList();
  }
}
