package dev.podium.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A real catalog end to end: import {@code ../shared/catalog/pyvideo-small.json} (CC0, read in
 * place and never copied here), page through every talk seven at a time, export, and get back every
 * imported entry field for field.
 */
@QuarkusTest
class PyvideoScenarioTest {

  static final Path SMALL = Path.of("../shared/catalog/pyvideo-small.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void importPageExportRoundTrip() throws Exception {
    assumeTrue(
        Files.exists(SMALL),
        "Skipped: "
            + SMALL.toAbsolutePath()
            + " is absent (the shared datasets sit beside the repo).");
    String body = Files.readString(SMALL);
    JsonNode source = JSON.readTree(body);

    JsonNode result =
        JSON.readTree(
            given()
                .contentType("application/json")
                .body(body)
                .post("/api/v1/catalog")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    int talks = source.get("talks").size();
    assertThat(
            result.at("/counts/talks/created").asInt()
                + result.at("/counts/talks/unchanged").asInt())
        .isEqualTo(talks);

    Map<String, Integer> seen = new HashMap<>();
    String cursor = null;
    int pages = 0;
    do {
      var request = given().queryParam("limit", 7);
      if (cursor != null) {
        request.queryParam("cursor", cursor);
      }
      Response page = request.get("/api/v1/talks").then().statusCode(200).extract().response();
      List<String> slugs = page.path("items.slug");
      assertThat(slugs).hasSizeLessThanOrEqualTo(7);
      slugs.forEach(s -> seen.merge(s, 1, Integer::sum));
      cursor = page.path("page.next");
      assertThat(page.header("Link") != null).isEqualTo(cursor != null);
      pages++;
    } while (cursor != null && pages < 10_000);

    List<String> repeated = new ArrayList<>();
    seen.forEach(
        (slug, n) -> {
          if (n > 1) {
            repeated.add(slug);
          }
        });
    assertThat(repeated).as("talks served twice").isEmpty();
    for (JsonNode talk : source.get("talks")) {
      assertThat(seen).as("talk served").containsKey(talk.get("slug").asText());
    }

    JsonNode exported =
        JSON.readTree(given().get("/api/v1/catalog").then().statusCode(200).extract().asString());
    for (String kind : List.of("topics", "conferences", "speakers", "talks", "interviews")) {
      Map<String, JsonNode> bySlug = new HashMap<>();
      exported.path(kind).forEach(e -> bySlug.put(e.get("slug").asText(), e));
      for (JsonNode entry : source.path(kind)) {
        assertThat(bySlug.get(entry.get("slug").asText()))
            .as(kind + " " + entry.get("slug"))
            .isEqualTo(entry);
      }
    }
    assertThat(exported.get("source").asText()).contains(source.get("source").asText());
  }
}
