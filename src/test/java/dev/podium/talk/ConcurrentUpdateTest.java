package dev.podium.talk;

import static dev.podium.Api.BASE;
import static dev.podium.Api.PROBLEM;
import static dev.podium.Api.atOnce;
import static dev.podium.Api.json;
import static dev.podium.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podium.Api;
import dev.podium.Api.Answer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * No lost update: clients that all hold the same tag and replace a talk at the same moment with
 * {@code If-Match} get one success and otherwise {@code 412}, and what is stored is the winner's
 * write. Likewise of clients creating one slug at once, one creates it and the others get {@code
 * 409}.
 */
@QuarkusTest
class ConcurrentUpdateTest {

  private static final int CLIENTS = 8;
  private static final int ROUNDS = 5;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static String talk(String slug, String title) {
    return """
        {"slug": "%s", "title": "%s", "abstract": "Written by %s.", "levels": ["advanced"]}
        """
        .formatted(slug, title, title);
  }

  private static JsonNode read(String json) throws Exception {
    return MAPPER.readTree(json);
  }

  /** The positions of the answers with this status. */
  private static List<Integer> with(int status, List<Answer> answers) {
    return IntStream.range(0, answers.size())
        .filter(i -> answers.get(i).status() == status)
        .boxed()
        .toList();
  }

  @Test
  void ofEightWritersHoldingTheSameTagExactlyOneWinsEachRound() throws Exception {
    String slug = Api.create("talks", talk(unique("contended"), "Round 0"));
    String path = BASE + "/talks/" + slug;

    for (int round = 1; round <= ROUNDS; round++) {
      String tag = Api.etag(path);
      List<Supplier<Response>> writes = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        String body = talk(slug, "Round " + round + " by client " + c);
        writes.add(() -> json(body).header("If-Match", tag).put(path));
      }
      List<Answer> answers = atOnce(writes);

      List<Integer> won = with(200, answers);
      assertThat(won).as("round %d: successes of %s", round, answers).hasSize(1);
      assertThat(with(412, answers)).as("round %d: %s", round, answers).hasSize(CLIENTS - 1);
      for (int lost : with(412, answers)) {
        assertThat(answers.get(lost).contentType()).startsWith(PROBLEM);
        assertThat(read(answers.get(lost).body()).path("status").asInt()).isEqualTo(412);
      }

      int winner = won.get(0);
      Response stored = given().get(path);
      stored.then().statusCode(200);
      assertThat(stored.header("ETag")).isNotEqualTo(tag);
      assertThat(read(stored.asString())).isEqualTo(read(answers.get(winner).body()));
      assertThat(read(stored.asString()).path("title").asText())
          .isEqualTo("Round " + round + " by client " + winner);
    }

    Api.delete("talks", slug);
  }

  @Test
  void ofEightClientsCreatingTheSameSlugOneCreatesAndTheOthersConflict() throws Exception {
    String slug = unique("created-once");
    List<Supplier<Response>> creates = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      String body = talk(slug, "Created by client " + c);
      creates.add(() -> json(body).post(BASE + "/talks"));
    }
    List<Answer> answers = atOnce(creates);

    List<Integer> created = with(201, answers);
    assertThat(created).as("creations of %s", answers).hasSize(1);
    assertThat(with(409, answers)).as("%s", answers).hasSize(CLIENTS - 1);
    assertThat(read(given().get(BASE + "/talks/" + slug).asString()))
        .isEqualTo(read(answers.get(created.get(0)).body()));

    Api.delete("talks", slug);
  }
}
