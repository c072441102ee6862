package dev.podium;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The published OpenAPI document is what frontend teams generate clients from: every operation is
 * named, summarized and documented with every answer and an example for each body, every write
 * names the bearer scheme it needs (so Swagger UI offers "Authorize"), and a committed snapshot
 * catches any change to it that nobody meant.
 *
 * <p>After an intended change, refresh the snapshot with {@code ./mvnw test -Dtest=OpenApiTest
 * -Dupdate-openapi-snapshot=true} and commit it with the change.
 */
@QuarkusTest
class OpenApiTest {

  private static final Path SNAPSHOT = Path.of("src/test/resources/openapi.json");
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonNode spec() throws Exception {
    String body =
        given()
            .queryParam("format", "json")
            .get("/q/openapi")
            .then()
            .statusCode(200)
            .extract()
            .asString();
    return JSON.readTree(body);
  }

  @Test
  void everyOperationIsNamedSummarizedAndFullyDocumented() throws Exception {
    JsonNode spec = spec();
    List<String> problems = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    int operations = 0;
    for (Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      if (!path.getKey().startsWith("/api/v1/")) {
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = ops.next();
        String where = entry.getKey().toUpperCase() + " " + path.getKey();
        JsonNode op = entry.getValue();
        operations++;
        if (!op.hasNonNull("operationId")) {
          problems.add(where + ": no operationId");
        } else {
          ids.add(op.get("operationId").asText());
        }
        if (!op.hasNonNull("summary")) {
          problems.add(where + ": no summary");
        }
        if (op.has("requestBody")) {
          checkContent(where + " request", op.get("requestBody").get("content"), problems);
        }
        JsonNode responses = op.get("responses");
        if (!responses.has("500")) {
          problems.add(where + ": 500 not documented");
        }
        for (Iterator<Map.Entry<String, JsonNode>> rs = responses.fields(); rs.hasNext(); ) {
          Map.Entry<String, JsonNode> r = rs.next();
          int status = Integer.parseInt(r.getKey());
          JsonNode content = r.getValue().get("content");
          if (status >= 400) {
            if (content == null || !content.has("application/problem+json")) {
              problems.add(where + " " + status + ": not a problem+json response");
            }
          }
          if (content != null) {
            checkContent(where + " " + status, content, problems);
          }
        }
        if (entry.getKey().equals("get") && !responses.has("304")) {
          problems.add(where + ": 304 not documented");
        }
        boolean secured = op.has("security") && !op.get("security").isEmpty();
        if (entry.getKey().equals("get") && secured) {
          problems.add(where + ": a read must not need a token");
        }
        if (!entry.getKey().equals("get")
            && (!secured || !responses.has("401") || !responses.has("403"))) {
          problems.add(where + ": a write must name its bearer scheme and document 401 and 403");
        }
      }
    }
    assertThat(operations).isGreaterThanOrEqualTo(28);
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(problems).isEmpty();
  }

  private static void checkContent(String where, JsonNode content, List<String> problems) {
    content
        .fields()
        .forEachRemaining(
            media -> {
              if (!media.getValue().has("schema")) {
                problems.add(where + " " + media.getKey() + ": no schema");
              }
              if (!media.getValue().has("examples") && !media.getValue().has("example")) {
                problems.add(where + " " + media.getKey() + ": no example");
              }
            });
  }

  @Test
  void swaggerUiIsServed() {
    given().get("/q/swagger-ui/").then().statusCode(200);
  }

  @Test
  void theSpecMatchesTheCommittedSnapshot() throws Exception {
    JsonNode actual = spec();
    if (Boolean.getBoolean("update-openapi-snapshot")) {
      Files.writeString(SNAPSHOT, JSON.writeValueAsString(actual) + "\n");
    }
    Files.createDirectories(Path.of("target"));
    Files.writeString(
        Path.of("target/openapi-actual.json"), JSON.writeValueAsString(actual) + "\n");
    assertThat(Files.exists(SNAPSHOT))
        .as("snapshot %s; create it with -Dupdate-openapi-snapshot=true", SNAPSHOT)
        .isTrue();
    JsonNode expected = JSON.readTree(Files.readString(SNAPSHOT));
    assertThat(actual)
        .as(
            "The OpenAPI document changed (see target/openapi-actual.json). If that is intended,"
                + " run ./mvnw test -Dtest=OpenApiTest -Dupdate-openapi-snapshot=true and commit %s",
            SNAPSHOT)
        .isEqualTo(expected);
  }
}
