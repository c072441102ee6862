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
 * Dates and instants lie in the years 1 to 9999, as RFC 3339 has them, on every database: a 400
 * names the field otherwise, and nothing is written. Found by the fuzzing suite: Java reads dates
 * as far as year 999999999 (and a number as a count of days), and PostgreSQL answered "date out of
 * range", a 500.
 */
@QuarkusTest
class StrictJsonTest {

  @Test
  void aConferenceDateBeyondYear9999IsRefusedAndNothingIsCreated() {
    String slug = unique("years");
    for (String date : new String[] {"\"-999999999-01-01\"", "\"+10000-01-01\"", "99999999999"}) {
      assertProblem(
          json("{\"slug\":\"%s\",\"name\":\"Far\",\"startDate\":%s}".formatted(slug, date))
              .post(BASE + "/conferences"),
          400,
          "$.startDate");
    }
    assertProblem(given().get(BASE + "/conferences/" + slug), 404);
  }

  @Test
  void instantsAndInterviewDatesAreHeldToTheSameYears() {
    assertProblem(
        json("{\"title\":\"Far\",\"startsAt\":\"+1000000000-01-01T00:00:00Z\"}")
            .post(BASE + "/talks"),
        400,
        "$.startsAt");
    assertProblem(
        json("{\"title\":\"Far\",\"speaker\":\"nora-jones\",\"publishedOn\":\"0000-12-31\","
                + "\"qa\":[{\"question\":\"Q?\",\"answer\":\"A.\"}]}")
            .post(BASE + "/interviews"),
        400,
        "$.publishedOn");
  }

  @Test
  void aDateWithControlCharactersOrSpacesAroundItIsRefused() {
    String slug = unique("padded");
    for (String date : new String[] {"2019-11-11\\u0000", " 2019-11-11", "2019-11-11\\n"}) {
      assertProblem(
          json("{\"slug\":\"%s\",\"name\":\"Padded\",\"startDate\":\"%s\"}".formatted(slug, date))
              .post(BASE + "/conferences"),
          400,
          "$.startDate");
    }
    assertProblem(
        json("{\"title\":\"Padded\",\"startsAt\":\"2019-11-11T09:00:00Z\\u0000\"}")
            .post(BASE + "/talks"),
        400,
        "$.startsAt");
    assertProblem(given().get(BASE + "/conferences/" + slug), 404);
  }

  @Test
  void theFirstAndLastDaysOfThoseYearsAreKept() {
    String slug = unique("years");
    json("{\"slug\":\"%s\",\"name\":\"Long\",\"startDate\":\"0001-01-01\",\"endDate\":\"9999-12-31\"}"
            .formatted(slug))
        .post(BASE + "/conferences")
        .then()
        .statusCode(201)
        .body("endDate", equalTo("9999-12-31"));
    given().delete(BASE + "/conferences/" + slug).then().statusCode(204);
  }
}
