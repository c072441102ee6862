package dev.podium.changes;

import static dev.podium.Api.BASE;
import static dev.podium.Api.create;
import static dev.podium.Api.fixClock;
import static dev.podium.Api.json;
import static dev.podium.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every write appends to the change log in its own transaction; a rejected write appends nothing.
 */
@QuarkusTest
class ChangeLogTest {

  private static final String NOW = "2031-05-04T03:02:01Z";

  @Inject ChangeLog changes;

  /** The id of the newest change, to look only at what a test appends after it. */
  private long lastId() {
    Change last =
        QuarkusTransaction.requiringNew()
            .call(() -> changes.find("order by id desc").firstResult());
    return last == null ? 0 : last.id;
  }

  private List<Change> since(long id) {
    return QuarkusTransaction.requiringNew().call(() -> changes.list("id > ?1 order by id", id));
  }

  /**
   * What a talk or an interview refers to: a conference with tracks a and b, a speaker, a topic.
   */
  private record Refs(String conference, String speaker, String topic) {
    static Refs make() {
      return new Refs(
          create(
              "conferences",
              """
              {"slug": "%s", "name": "Conf", "startDate": "2031-01-01",
               "tracks": [{"slug": "a", "name": "A"}, {"slug": "b", "name": "B"}]}
              """
                  .formatted(unique("conf"))),
          create("speakers", "{\"slug\": \"%s\", \"name\": \"S\"}".formatted(unique("sp"))),
          create("topics", "{\"slug\": \"%s\", \"name\": \"T\"}".formatted(unique("tp"))));
    }
  }

  /** A full body of {@code kind}; {@code version} changes one field. */
  private static String body(String kind, String slug, String version, Refs refs) {
    return switch (kind) {
      case "topics" ->
          """
          {"slug": "%s", "name": "Topic %s", "description": "About it."}
          """
              .formatted(slug, version);
      case "conferences" ->
          """
          {"slug": "%s", "name": "Conference %s", "startDate": "2031-01-01",
           "tracks": [{"slug": "a", "name": "A"}, {"slug": "b", "name": "B"}]}
          """
              .formatted(slug, version);
      case "speakers" ->
          """
          {"slug": "%s", "name": "Speaker %s", "links": {"github": "octo"}}
          """
              .formatted(slug, version);
      case "talks" ->
          """
          {"slug": "%s", "title": "Talk %s", "conference": "%s", "track": "b",
           "speakers": ["%s"], "topics": ["%s"], "levels": ["beginner", "advanced"],
           "personas": ["Developer"], "startsAt": "2031-01-01T10:00:00Z", "durationMinutes": 30}
          """
              .formatted(slug, version, refs.conference(), refs.speaker(), refs.topic());
      case "interviews" ->
          """
          {"slug": "%s", "title": "Interview %s", "speaker": "%s", "topics": ["%s"],
           "publishedOn": "2031-01-02", "qa": [{"question": "Q?", "answer": "A."}]}
          """
              .formatted(slug, version, refs.speaker(), refs.topic());
      default -> throw new IllegalArgumentException(kind);
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"topics", "conferences", "speakers", "talks", "interviews"})
  void createReplaceAndDeleteEachAppendOneChange(String kind) {
    fixClock(NOW);
    Refs refs = Refs.make();
    String slug = unique("logged");
    String singular = kind.substring(0, kind.length() - 1);
    String path = BASE + "/" + kind + "/" + slug;
    long start = lastId();

    create(kind, body(kind, slug, "one", refs));
    assertThat(since(start))
        .extracting(c -> c.kind, c -> c.slug, c -> c.op, c -> c.at)
        .containsExactly(tuple(singular, slug, "upsert", Instant.parse(NOW)));

    long created = lastId();
    json(body(kind, slug, "one", refs)).put(path).then().statusCode(200);
    assertThat(since(created)).as("a PUT that changes nothing").isEmpty();

    json(body(kind, slug, "two", refs)).put(path).then().statusCode(200);
    assertThat(since(created))
        .extracting(c -> c.kind, c -> c.slug, c -> c.op)
        .containsExactly(tuple(singular, slug, "upsert"));

    long replaced = lastId();
    given().delete(path).then().statusCode(204);
    assertThat(since(replaced))
        .extracting(c -> c.kind, c -> c.slug, c -> c.op)
        .containsExactly(tuple(singular, slug, "delete"));
  }

  @Test
  void rejectedWritesAppendNothing() {
    Refs refs = Refs.make();
    String slug = create("talks", body("talks", unique("kept"), "one", refs));
    String path = BASE + "/talks/" + slug;
    long start = lastId();

    // Each of these is refused; none may leave a change behind.
    json("{\"title\": \" \"}").post(BASE + "/talks").then().statusCode(400);
    json("{\"title\": \"T\", \"colour\": 1}").post(BASE + "/talks").then().statusCode(400);
    json(body("talks", slug, "again", refs)).post(BASE + "/talks").then().statusCode(409);
    json("{\"title\": \"T\", \"speakers\": [\"no-such-speaker\"]}")
        .post(BASE + "/talks")
        .then()
        .statusCode(422);
    json(body("talks", slug, "two", refs))
        .header("If-Match", "\"stale\"")
        .put(path)
        .then()
        .statusCode(412);
    given().header("If-Match", "\"stale\"").delete(path).then().statusCode(412);
    json(body("talks", unique("other"), "two", refs)).put(path).then().statusCode(400);
    json(body("talks", slug, "two", refs).replace(refs.topic(), "no-such-topic"))
        .put(path)
        .then()
        .statusCode(422);
    given().delete(BASE + "/speakers/" + refs.speaker()).then().statusCode(409);
    given().delete(BASE + "/conferences/" + refs.conference()).then().statusCode(409);
    given().delete(BASE + "/talks/no-such-talk").then().statusCode(404);
    json("{\"name\": \"X\"}").put(BASE + "/topics/no-such-topic").then().statusCode(404);

    assertThat(since(start)).isEmpty();
    given().get(path).then().statusCode(200);
  }

  @Test
  void anImportAppendsOneChangePerCreatedOrUpdatedEntry() {
    String s = unique("c");
    String document =
        """
        {"formatVersion": 1,
         "topics": [{"slug": "topic-%1$s", "name": "Topic"}],
         "speakers": [{"slug": "speaker-%1$s", "name": "Speaker"}],
         "talks": [{"slug": "talk-%1$s", "title": "%2$s", "speakers": ["speaker-%1$s"],
                    "topics": ["topic-%1$s"]}]}
        """;
    long start = lastId();

    json(document.formatted(s, "First")).post(BASE + "/catalog").then().statusCode(200);
    assertThat(since(start))
        .extracting(c -> c.kind, c -> c.slug, c -> c.op)
        .containsExactlyInAnyOrder(
            tuple("topic", "topic-" + s, "upsert"),
            tuple("speaker", "speaker-" + s, "upsert"),
            tuple("talk", "talk-" + s, "upsert"));

    long imported = lastId();
    json(document.formatted(s, "First")).post(BASE + "/catalog").then().statusCode(200);
    json(document.formatted(s, "Dry"))
        .queryParam("dryRun", true)
        .post(BASE + "/catalog")
        .then()
        .statusCode(200);
    json(document.formatted(s, "Invalid").replace("\"Speaker\"", "\"\""))
        .post(BASE + "/catalog")
        .then()
        .statusCode(422);
    assertThat(since(imported)).as("unchanged, dry run and rejected imports").isEmpty();

    json(document.formatted(s, "Second")).post(BASE + "/catalog").then().statusCode(200);
    assertThat(since(imported))
        .extracting(c -> c.kind, c -> c.slug, c -> c.op)
        .containsExactly(tuple("talk", "talk-" + s, "upsert"));
  }
}
