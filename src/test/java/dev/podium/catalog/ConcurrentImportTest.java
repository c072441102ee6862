package dev.podium.catalog;

import static dev.podium.Api.BASE;
import static dev.podium.Api.atOnce;
import static dev.podium.Api.json;
import static dev.podium.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podium.Api;
import dev.podium.Api.Answer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Overlapping catalog imports running at once, with writes through the API to what they import:
 * every one succeeds, each import is applied whole (the talks they share all hold one import's
 * version), and afterwards the database lists every talk once and the index finds each of them
 * once, showing what the database holds.
 */
@QuarkusTest
class ConcurrentImportTest {

  private static final int IMPORTS = 4;
  private static final int WRITERS = 2;
  private static final int ROUNDS = 3;
  private static final int SHARED = 10;
  private static final int OWN = 15;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A word found nowhere else and kept whole by the analyzers: lowercase letters only. */
  private static String word() {
    StringBuilder w = new StringBuilder("zq");
    for (int i = 0; i < 10; i++) {
      w.append((char) ('a' + RANDOM.nextInt(26)));
    }
    return w.toString();
  }

  /** The talks of one test: slug to the word that finds it. */
  private record Talks(String suffix, Map<String, String> words) {

    static Talks make(String suffix) {
      Map<String, String> words = new HashMap<>();
      for (int i = 0; i < SHARED; i++) {
        words.put("shared-" + i + "-" + suffix, word());
      }
      for (int n = 0; n < IMPORTS; n++) {
        for (int i = 0; i < OWN; i++) {
          words.put("own-" + n + "-" + i + "-" + suffix, word());
        }
      }
      return new Talks(suffix, words);
    }

    String conference() {
      return "conf-" + suffix;
    }

    String speaker() {
      return "ann-" + suffix;
    }

    /**
     * Import {@code n}'s document: the shared talks and its own, titled with {@code version}, by a
     * speaker named {@code name} among others.
     */
    String document(int n, String version, String name) {
      List<String> talks = new ArrayList<>();
      for (int i = 0; i < SHARED; i++) {
        talks.add(talk("shared-" + i + "-" + suffix, version));
      }
      for (int i = 0; i < OWN; i++) {
        talks.add(talk("own-" + n + "-" + i + "-" + suffix, version));
      }
      // No "source": the export names the sources of all imports, and other tests look for theirs.
      return """
          {"formatVersion": 1,
           "topics": [{"slug": "topic-%1$s", "name": "Contended"}],
           "conferences": [{"slug": "conf-%1$s", "name": "Conf %2$s", "startDate": "2031-03-01",
             "tracks": [{"slug": "main", "name": "Main"}]}],
           "speakers": [
             {"slug": "ann-%1$s", "name": "%3$s"}, {"slug": "bo-%1$s", "name": "Bo"}],
           "talks": [%4$s]}
          """
          .formatted(suffix, version, name, String.join(",\n", talks));
    }

    private String talk(String slug, String version) {
      return """
          {"slug": "%1$s", "title": "Talk %2$s %3$s", "abstract": "Version %3$s.",
           "conference": "conf-%4$s", "track": "main", "speakers": ["ann-%4$s", "bo-%4$s"],
           "topics": ["topic-%4$s"], "startsAt": "2031-03-01T10:00:00Z"}
          """
          .formatted(slug, words.get(slug), version, suffix);
    }
  }

  @Test
  void overlappingImportsLeaveTheDatabaseAndTheIndexConsistent() throws Exception {
    Talks talks = Talks.make(unique("race"));
    Api.create("speakers", "{\"slug\": \"%s\", \"name\": \"Ann\"}".formatted(talks.speaker()));

    for (int round = 1; round <= ROUNDS; round++) {
      List<String> versions = new ArrayList<>();
      List<Supplier<Response>> requests = new ArrayList<>();
      for (int n = 0; n < IMPORTS; n++) {
        String version = "r" + round + "i" + n + word();
        String document = talks.document(n, version, "Ann " + word());
        versions.add(version);
        requests.add(() -> json(document).post(BASE + "/catalog"));
      }
      // Writers renaming a speaker that every import updates.
      for (int n = 0; n < WRITERS; n++) {
        String speaker = "{\"name\": \"Ann %s\"}".formatted(word());
        requests.add(() -> json(speaker).put(BASE + "/speakers/" + talks.speaker()));
      }
      for (Answer answer : atOnce(requests)) {
        assertThat(answer.status()).as("round %d: %s", round, answer).isEqualTo(200);
      }

      Map<String, String> titles = titlesIn(talks.conference());
      assertThat(titles.keySet())
          .as("round %d: every talk listed", round)
          .containsExactlyInAnyOrderElementsOf(talks.words().keySet());
      // Imports are all or nothing and one after another: the talks they share all carry the
      // version of the same import, one of this round's.
      Set<String> sharedVersions = new HashSet<>();
      titles.forEach(
          (slug, title) -> {
            if (slug.startsWith("shared-")) {
              sharedVersions.add(title.substring(title.lastIndexOf(' ') + 1));
            }
          });
      assertThat(sharedVersions).as("round %d", round).hasSize(1);
      assertThat(versions).containsAll(sharedVersions);

      for (Map.Entry<String, String> talk : talks.words().entrySet()) {
        JsonNode found = search(Map.of("q", talk.getValue(), "type", "talk"));
        assertThat(found.path("page").path("total").asLong())
            .as("round %d: hits for %s", round, talk.getKey())
            .isEqualTo(1);
        JsonNode hit = found.path("items").get(0);
        assertThat(hit.path("slug").asText()).isEqualTo(talk.getKey());
        assertThat(hit.path("summary").path("title").asText()).isEqualTo(titles.get(talk.getKey()));
      }
      assertThat(
              search(Map.of("type", "talk", "conference", talks.conference()))
                  .path("page")
                  .path("total")
                  .asLong())
          .isEqualTo(talks.words().size());
      // Every talk document shows the speaker's name as it was last written.
      String name = read(given().get(BASE + "/speakers/" + talks.speaker())).path("name").asText();
      String nameWord = name.substring(name.indexOf(' ') + 1);
      assertThat(
              search(Map.of("q", nameWord, "type", "talk", "conference", talks.conference()))
                  .path("page")
                  .path("total")
                  .asLong())
          .as("round %d: talks by %s", round, name)
          .isEqualTo(talks.words().size());
    }

    // The whole index against the whole database (other tests' writes included).
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(search(Map.of("type", "talk")).path("page").path("total").asLong())
                    .isEqualTo(total(BASE + "/talks")));
  }

  /** Slug to title of every talk of a conference, failing on a slug listed twice. */
  private static Map<String, String> titlesIn(String conference) throws Exception {
    Map<String, String> titles = new HashMap<>();
    JsonNode page =
        read(
            given()
                .queryParam("conference", conference)
                .queryParam("limit", 100)
                .get(BASE + "/talks"));
    assertThat(page.path("page").path("next").isNull()).isTrue();
    for (JsonNode item : page.path("items")) {
      String slug = item.path("slug").asText();
      assertThat(titles.put(slug, item.path("title").asText()))
          .as("%s listed twice", slug)
          .isNull();
    }
    assertThat(page.path("page").path("total").asLong()).isEqualTo(titles.size());
    return titles;
  }

  private static long total(String path) throws Exception {
    return read(given().queryParam("limit", 1).get(path)).path("page").path("total").asLong();
  }

  private static JsonNode search(Map<String, ?> params) throws Exception {
    return read(given().queryParams(params).get(BASE + "/search"));
  }

  private static JsonNode read(Response response) throws Exception {
    response.then().statusCode(200);
    return MAPPER.readTree(response.asString());
  }
}
