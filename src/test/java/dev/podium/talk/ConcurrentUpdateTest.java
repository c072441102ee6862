package dev.podium.talk;

import static dev.podium.Api.BASE;
import static dev.podium.Api.PROBLEM;
import static dev.podium.Api.json;
import static dev.podium.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podium.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
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

  private final ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);

  /** What one client got back. */
  private record Answer(int client, int status, String contentType, String body) {
    static Answer of(int client, Response response) {
      return new Answer(
          client, response.statusCode(), response.contentType(), response.body().asString());
    }
  }

  @AfterEach
  void stopClients() {
    clients.shutdownNow();
  }

  private static String talk(String slug, String title) {
    return """
        {"slug": "%s", "title": "%s", "abstract": "Written by %s.", "levels": ["advanced"]}
        """
        .formatted(slug, title, title);
  }

  private static JsonNode read(String json) throws Exception {
    return MAPPER.readTree(json);
  }

  @Test
  void ofEightWritersHoldingTheSameTagExactlyOneWinsEachRound() throws Exception {
    String slug = Api.create("talks", talk(unique("contended"), "Round 0"));
    String path = BASE + "/talks/" + slug;

    for (int round = 1; round <= ROUNDS; round++) {
      String tag = Api.etag(path);
      CyclicBarrier start = new CyclicBarrier(CLIENTS);
      List<Future<Answer>> pending = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        int client = c;
        String body = talk(slug, "Round " + round + " by client " + client);
        pending.add(
            clients.submit(
                () -> {
                  start.await(30, TimeUnit.SECONDS);
                  return Answer.of(client, json(body).header("If-Match", tag).put(path));
                }));
      }
      List<Answer> answers = new ArrayList<>();
      for (Future<Answer> answer : pending) {
        answers.add(answer.get(60, TimeUnit.SECONDS));
      }

      List<Answer> won = answers.stream().filter(a -> a.status() == 200).toList();
      List<Answer> lost = answers.stream().filter(a -> a.status() != 200).toList();
      assertThat(won).as("round %d: successes of %s", round, answers).hasSize(1);
      assertThat(lost).as("round %d", round).hasSize(CLIENTS - 1);
      for (Answer a : lost) {
        assertThat(a.status()).as("round %d, client %d: %s", round, a.client(), a).isEqualTo(412);
        assertThat(a.contentType()).startsWith(PROBLEM);
        assertThat(read(a.body()).path("status").asInt()).isEqualTo(412);
      }

      Answer winner = won.get(0);
      Response stored = given().get(path);
      stored.then().statusCode(200);
      assertThat(stored.header("ETag")).isNotEqualTo(tag);
      assertThat(read(stored.asString())).isEqualTo(read(winner.body()));
      assertThat(read(stored.asString()).path("title").asText())
          .isEqualTo("Round " + round + " by client " + winner.client());
    }

    Api.delete("talks", slug);
  }

  @Test
  void ofEightClientsCreatingTheSameSlugOneCreatesAndTheOthersConflict() throws Exception {
    String slug = unique("created-once");
    CyclicBarrier start = new CyclicBarrier(CLIENTS);
    List<Future<Answer>> pending = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      int client = c;
      String body = talk(slug, "Created by client " + client);
      pending.add(
          clients.submit(
              () -> {
                start.await(30, TimeUnit.SECONDS);
                return Answer.of(client, json(body).post(BASE + "/talks"));
              }));
    }
    List<Answer> answers = new ArrayList<>();
    for (Future<Answer> answer : pending) {
      answers.add(answer.get(60, TimeUnit.SECONDS));
    }

    List<Answer> created = answers.stream().filter(a -> a.status() == 201).toList();
    assertThat(created).as("creations of %s", answers).hasSize(1);
    assertThat(answers.stream().filter(a -> a.status() == 409).count())
        .as("%s", answers)
        .isEqualTo(CLIENTS - 1);
    assertThat(read(given().get(BASE + "/talks/" + slug).asString()))
        .isEqualTo(read(created.get(0).body()));

    Api.delete("talks", slug);
  }
}
