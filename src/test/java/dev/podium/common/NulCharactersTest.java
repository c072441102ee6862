package dev.podium.common;

import static dev.podium.Api.BASE;
import static dev.podium.Api.assertProblem;
import static dev.podium.Api.json;
import static dev.podium.Api.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A NUL character in a slug, a query parameter, a cursor's keys or a JSON string is a 400 problem
 * on every database. Found by the fuzzing suite: PostgreSQL fails any statement that carries one,
 * so these were 500s there.
 */
@QuarkusTest
class NulCharactersTest {

  @Test
  void aSlugWithANulCharacterIsRefusedAndNothingIsDeleted() {
    assertProblem(
        given().urlEncodingEnabled(false).get(BASE + "/topics/resiliency%00"), 400, "path");
    assertProblem(
        given().urlEncodingEnabled(false).get(BASE + "/topics/a%00/overview"), 400, "path");
    assertProblem(
        given()
            .urlEncodingEnabled(false)
            .delete(BASE + "/talks/designing-services-resilience-testing-netflix%00"),
        400,
        "path");
    given()
        .get(BASE + "/talks/designing-services-resilience-testing-netflix")
        .then()
        .statusCode(200);
  }

  @Test
  void aQueryParameterWithANulCharacterIsRefused() {
    assertProblem(
            given().urlEncodingEnabled(false).get(BASE + "/speakers?company=a%00b"), 400, "company")
        .body("detail", equalTo("Query parameter 'company' must not contain a NUL character."));
    assertProblem(given().urlEncodingEnabled(false).get(BASE + "/search?q=%00"), 400, "q");
  }

  @Test
  void aForgedCursorWithANulCharacterIsRefused() {
    String cursor = Cursor.of("topics", "\0", "management").encode();
    assertProblem(
        given()
            .queryParam("cursor", cursor)
            .queryParam("parent", "resiliency")
            .get(BASE + "/topics"),
        400,
        "cursor");
  }

  @Test
  void aJsonStringWithANulCharacterIsRefusedAndNothingIsCreated() {
    String slug = unique("nul");
    assertProblem(
        json("{\"slug\":\"%s\",\"name\":\"a\\u0000b\"}".formatted(slug)).post(BASE + "/topics"),
        400,
        "$.name");
    assertProblem(given().get(BASE + "/topics/" + slug), 404);
    assertProblem(
        json("{\"title\":\"Talk\",\"personas\":[\"ok\",\"\\u0000\"]}").post(BASE + "/talks"),
        400,
        "$.personas[1]");
  }
}
