package dev.podium.search;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.specification.RequestSpecification;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HTTP helpers for the search tests: searching, and content with unique slugs and words that a test
 * creates and deletes again, so no test depends on or disturbs another's data.
 */
final class Api {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Deque<String> created = new ArrayDeque<>();

  /** A word found nowhere else: lowercase letters only, so analysis keeps it whole. */
  static String word() {
    StringBuilder w = new StringBuilder("zq");
    for (int i = 0; i < 8; i++) {
      w.append((char) ('a' + RANDOM.nextInt(26)));
    }
    return w.toString();
  }

  /** A slug no other test uses. */
  static String slug(String prefix) {
    return prefix + "-" + word();
  }

  /** GET with query parameters (a list value repeats the parameter), expecting 200. */
  static JsonNode get(String path, Map<String, ?> params) {
    RequestSpecification request = given();
    params.forEach(
        (name, value) -> {
          if (value instanceof List<?> values) {
            values.forEach(v -> request.queryParam(name, v));
          } else {
            request.queryParam(name, value);
          }
        });
    return read(request.get(path).then().statusCode(200).extract().asString());
  }

  static JsonNode search(Map<String, ?> params) {
    return get("/api/v1/search", params);
  }

  static JsonNode search(String q, Object... more) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("q", q);
    for (int i = 0; i < more.length; i += 2) {
      params.put((String) more[i], more[i + 1]);
    }
    return search(params);
  }

  /** The "type:slug" of each hit, in order. */
  static List<String> hits(JsonNode result) {
    List<String> hits = new ArrayList<>();
    result
        .path("items")
        .forEach(h -> hits.add(h.path("type").asText() + ":" + h.path("slug").asText()));
    return hits;
  }

  /** The slugs of the hits, in order. */
  static List<String> slugs(JsonNode result) {
    List<String> slugs = new ArrayList<>();
    result.path("items").forEach(h -> slugs.add(h.path("slug").asText()));
    return slugs;
  }

  static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(body, e);
    }
  }

  /** Creates a resource; it is deleted again by {@link #deleteCreated()}. */
  JsonNode create(String collection, Map<String, ?> body) {
    JsonNode created =
        read(
            given()
                .contentType("application/json")
                .body(body)
                .post("/api/v1/" + collection)
                .then()
                .statusCode(201)
                .extract()
                .asString());
    this.created.push("/api/v1/" + collection + "/" + created.path("slug").asText());
    return created;
  }

  static JsonNode replace(String collection, String slug, Map<String, ?> body) {
    return read(
        given()
            .contentType("application/json")
            .body(body)
            .put("/api/v1/" + collection + "/" + slug)
            .then()
            .statusCode(200)
            .extract()
            .asString());
  }

  /** Imports a catalog document, given as JSON text or as a map. */
  static void importCatalog(Object catalog) {
    given()
        .contentType("application/json")
        .body(catalog)
        .post("/api/v1/catalog")
        .then()
        .statusCode(200);
  }

  static void delete(String path) {
    given().delete(path).then().statusCode(204);
  }

  /** Remembers something created otherwise (an import) for {@link #deleteCreated()}. */
  void createdAt(String path) {
    created.push(path);
  }

  /** Deletes what this test created, newest first, skipping what it already deleted. */
  void deleteCreated() {
    while (!created.isEmpty()) {
      String path = created.pop();
      int status = given().delete(path).then().extract().statusCode();
      if (status != 204 && status != 404) {
        throw new IllegalStateException("DELETE " + path + " answered " + status);
      }
    }
  }

  JsonNode speaker(String name) {
    return create("speakers", Map.of("slug", slug("speaker"), "name", name));
  }

  JsonNode topic(String name, String parent) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("slug", slug("topic"));
    body.put("name", name);
    if (parent != null) {
      body.put("parent", parent);
    }
    return create("topics", body);
  }

  /** A talk with a title and abstract, and the given speakers and topics (slugs). */
  JsonNode talk(String title, String summary, List<String> speakers, List<String> topics) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("slug", slug("talk"));
    body.put("title", title);
    if (summary != null) {
      body.put("abstract", summary);
    }
    body.put("speakers", speakers);
    body.put("topics", topics);
    return create("talks", body);
  }

  JsonNode talk(String title, String summary) {
    return talk(title, summary, List.of(), List.of());
  }
}
