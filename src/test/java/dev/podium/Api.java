package dev.podium;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusMock;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What the HTTP contract tests share: unique slugs, JSON requests, problem assertions, walking a
 * list page by page, the conditional request rules, requests made at the same moment, and fixing
 * "now".
 *
 * <p>Every test that writes uses slugs of its own, so tests never see each other's data, and what
 * they create refers only to what they created: the demo data stays as it was imported.
 */
public final class Api {

  public static final String BASE = "/api/v1";
  public static final String PROBLEM = "application/problem+json";

  private Api() {}

  /** A slug no other test uses: the prefix and a random suffix. */
  public static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  /** Makes {@code instant} "now" for the rest of the current test. */
  public static void fixClock(String instant) {
    QuarkusMock.installMockForType(
        Clock.fixed(Instant.parse(instant), ZoneOffset.UTC), Clock.class);
  }

  public static RequestSpecification json(String body) {
    return given().contentType(ContentType.JSON).body(body);
  }

  /** POSTs {@code body} to {@code /api/v1/{kind}}, which must create it; answers the new slug. */
  public static String create(String kind, String body) {
    return json(body).post(BASE + "/" + kind).then().statusCode(201).extract().path("slug");
  }

  public static void delete(String kind, String slug) {
    given().delete(BASE + "/" + kind + "/" + slug).then().statusCode(204);
  }

  public static String etag(String path) {
    return given().get(path).then().statusCode(200).extract().header("ETag");
  }

  /** Asserts an RFC 9457 problem with {@code status} whose errors name at least {@code fields}. */
  public static ValidatableResponse assertProblem(Response response, int status, String... fields) {
    ValidatableResponse problem =
        response
            .then()
            .statusCode(status)
            .contentType(PROBLEM)
            .body("status", equalTo(status))
            .body("title", notNullValue())
            .body("detail", notNullValue())
            .body("instance", notNullValue());
    if (fields.length > 0) {
      problem.body("errors.field", hasItems(fields));
    }
    return problem;
  }

  /** A malformed query parameter answers 400 with a problem naming it. */
  public static void assertBadParameter(String path, String name, String value) {
    assertProblem(given().queryParam(name, value).get(path), 400)
        .body("errors[0].field", equalTo(name))
        .body("detail", containsString(name));
  }

  /** What walking a list from its first page to its last gave. */
  public record Walk(List<String> slugs, long total, int pages) {}

  /**
   * Reads a whole list {@code limit} items at a time by following the {@code Link: rel="next"}
   * header, asserting on the way that it is there exactly when {@code page.next} is, that it
   * carries that cursor, and that every page reports the same total.
   */
  public static Walk walk(String path, Map<String, ?> params, int limit) {
    List<String> slugs = new ArrayList<>();
    Response page = given().queryParams(params).queryParam("limit", limit).get(path);
    Long total = null;
    int pages = 0;
    while (true) {
      page.then().statusCode(200).body("page.limit", equalTo(limit));
      pages++;
      JsonPath body = page.jsonPath();
      List<String> items = body.getList("items.slug", String.class);
      assertThat(items).hasSizeLessThanOrEqualTo(limit);
      slugs.addAll(items);
      long pageTotal = body.getLong("page.total");
      if (total == null) {
        total = pageTotal;
      }
      assertThat(pageTotal).as("page.total on page %d", pages).isEqualTo(total);
      String next = body.getString("page.next");
      String link = page.header("Link");
      if (next == null) {
        assertThat(link).as("Link header on the last page").isNull();
        return new Walk(slugs, total, pages);
      }
      assertThat(items).hasSize(limit);
      assertThat(link).matches("<[^>]+>; rel=\"next\"").contains("cursor=" + next);
      assertThat(pages).as("pages walked").isLessThan(100);
      page = given().urlEncodingEnabled(false).get(link.substring(1, link.indexOf('>')));
    }
  }

  /**
   * The conditional request rules on one resource that this test created: an {@code ETag} and
   * {@code Cache-Control} on GET, {@code 304} for the current tag, {@code 412} and no change for a
   * stale {@code If-Match} on PUT and DELETE, success for the current one, and a new tag once the
   * resource changed. {@code changed} is a PUT body that changes the resource. Deletes it at the
   * end.
   */
  public static void assertConditionalRequests(String path, String changed) {
    Response first = given().get(path);
    first
        .then()
        .statusCode(200)
        .header("ETag", notNullValue())
        .header("Cache-Control", containsString("public"))
        .header("Cache-Control", containsString("max-age="));
    String tag = first.header("ETag");
    String body = first.asString();

    Response notModified = given().header("If-None-Match", tag).get(path);
    notModified.then().statusCode(304).header("ETag", tag);
    assertThat(notModified.asString()).isEmpty();

    String stale = "\"not-the-current-tag\"";
    assertProblem(json(changed).header("If-Match", stale).put(path), 412);
    assertProblem(given().header("If-Match", stale).delete(path), 412);
    assertThat(given().get(path).then().statusCode(200).extract().asString()).isEqualTo(body);

    json(changed).header("If-Match", tag).put(path).then().statusCode(200);
    String newTag = etag(path);
    assertThat(newTag).isNotEqualTo(tag);
    given().header("If-None-Match", tag).get(path).then().statusCode(200);
    given().header("If-None-Match", newTag).get(path).then().statusCode(304);

    String changedBody = given().get(path).asString();
    assertProblem(json(changed).header("If-Match", tag).put(path), 412);
    assertProblem(given().header("If-Match", tag).delete(path), 412);
    assertThat(given().get(path).asString()).isEqualTo(changedBody);

    given().header("If-Match", newTag).delete(path).then().statusCode(204);
    assertProblem(given().get(path), 404);
  }

  /** What a request got back, read on the thread that made it. */
  public record Answer(int status, String contentType, String body) {}

  /**
   * Makes the requests from threads of their own, all released at the same moment, and answers what
   * each got back, in the order given.
   */
  public static List<Answer> atOnce(List<Supplier<Response>> requests) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(requests.size());
    try {
      CyclicBarrier start = new CyclicBarrier(requests.size());
      List<Future<Answer>> pending = new ArrayList<>();
      for (Supplier<Response> request : requests) {
        pending.add(
            threads.submit(
                () -> {
                  start.await(30, TimeUnit.SECONDS);
                  Response response = request.get();
                  return new Answer(
                      response.statusCode(), response.contentType(), response.asString());
                }));
      }
      List<Answer> answers = new ArrayList<>();
      for (Future<Answer> answer : pending) {
        answers.add(answer.get(120, TimeUnit.SECONDS));
      }
      return answers;
    } finally {
      threads.shutdownNow();
    }
  }

  /** The slugs of the items of a list answer. */
  public static List<String> slugs(Response list) {
    return list.then().statusCode(200).extract().jsonPath().getList("items.slug", String.class);
  }

  /** The slugs a list answers for these query parameters (first page, limit 100). */
  public static List<String> list(String path, Map<String, ?> params) {
    return slugs(given().queryParams(params).queryParam("limit", 100).get(path));
  }
}
