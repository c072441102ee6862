package dev.podium.common;

import static dev.podium.Api.BASE;
import static dev.podium.Api.assertProblem;
import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * A cursor is opaque, but a client can still forge one: a date or instant in it that the server
 * could not have given out (no such day, or beyond the years a database compares) is a 400 problem
 * on the cursor, never a 500.
 */
@QuarkusTest
class ForgedCursorTest {

  private static void refused(String path, String list, String key) {
    String cursor = Cursor.of(list, key, "some-slug").encode();
    assertProblem(given().queryParam("cursor", cursor).get(BASE + path), 400, "cursor");
  }

  @Test
  void aConferenceCursorWithoutARealDayIsRefused() {
    refused("/conferences", "conferences", "2017-13-45");
    refused("/conferences", "conferences", "+12017-01-01");
  }

  @Test
  void anInterviewCursorWithoutARealDayIsRefused() {
    refused("/interviews", "interviews", "2019-02-30");
  }

  @Test
  void aTalkCursorWithoutARealInstantIsRefused() {
    refused("/talks", "talks-startsAt", "yesterday");
    refused("/talks", "talks-startsAt", "+1000000-01-01T00:00:00Z");
  }

  @Test
  void aRealCursorStillPages() {
    String next =
        given()
            .queryParam("limit", 1)
            .get(BASE + "/conferences")
            .then()
            .statusCode(200)
            .extract()
            .path("page.next");
    given().queryParam("cursor", next).get(BASE + "/conferences").then().statusCode(200);
  }
}
