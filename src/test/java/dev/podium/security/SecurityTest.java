package dev.podium.security;

import static dev.podium.Api.BASE;
import static dev.podium.Api.PROBLEM;
import static dev.podium.Api.assertProblem;
import static dev.podium.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.podium.SignedInByDefault;
import dev.podium.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a client notices of the API's protection: who may write (401 and 403 problems with a Bearer
 * challenge), CORS for browser frontends, body and field limits (413, 400, 422, never a 500),
 * security headers, and that no failure shows how the server is built.
 */
@QuarkusTest
class SecurityTest {

  private static final String TOPICS = BASE + "/topics";
  private static final String ORIGIN = "https://app.example.org";
  private static final Pattern INTERNALS =
      Pattern.compile(
          "dev\\.podium|java\\.|jakarta\\.|com\\.fasterxml|org\\.|Exception|\\$Input|\\.java"
              + "|\\bat [a-z]|SQL|select |insert |jose4j|/work/|/tmp/",
          Pattern.CASE_INSENSITIVE);

  @BeforeEach
  void noDefaultToken() {
    SignedInByDefault.signOut();
  }

  private static String topicBody() {
    return "{\"name\":\"Security " + unique("t") + "\"}";
  }

  private static RequestSpecification as(String token) {
    return given().auth().oauth2(token).contentType(ContentType.JSON);
  }

  private static RequestSpecification editor() {
    return as(Tokens.withRoles(Roles.EDITOR));
  }

  private static RequestSpecification admin() {
    return as(Tokens.withRoles(Roles.ADMIN));
  }

  /** A problem with a Bearer challenge that says nothing about how tokens are checked. */
  private static void assertChallenge(Response response, int status, String challenge) {
    assertProblem(response, status).header("WWW-Authenticate", equalTo(challenge));
    assertThat(response.asString()).doesNotContainIgnoringCase("key").doesNotMatch(INTERNALS);
  }

  private static final String NO_TOKEN = "Bearer realm=\"podium\"";
  private static final String NO_ROLE = NO_TOKEN + ", error=\"insufficient_scope\"";

  private static String invalidToken(String why) {
    return "Bearer realm=\"podium\", error=\"invalid_token\", error_description=\"" + why + "\"";
  }

  private static final String BAD_TOKEN =
      invalidToken("The bearer token is malformed or not issued by an issuer this server trusts");

  // ---- Who may write

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/topics",
        "/topics/resiliency",
        "/topics/resiliency/overview",
        "/conferences",
        "/speakers",
        "/talks",
        "/interviews",
        "/search?q=resilience",
        "/search/suggest?q=res",
        "/changes",
        "/catalog"
      })
  void readsNeedNoToken(String path) {
    given().get(BASE + path).then().statusCode(200);
  }

  @Test
  void aBadTokenOnAReadIsIgnored() {
    given().auth().oauth2("not-a-token").get(TOPICS).then().statusCode(200);
  }

  @Test
  void everyKindOfWriteWithoutATokenIsUnauthorized() {
    String body = topicBody();
    Response[] writes = {
      given().contentType(ContentType.JSON).body(body).post(TOPICS),
      given().contentType(ContentType.JSON).body(body).put(TOPICS + "/resiliency"),
      given().delete(TOPICS + "/resiliency"),
      given().contentType(ContentType.JSON).body("{\"formatVersion\":1}").post(BASE + "/catalog"),
      given().post(BASE + "/admin/reindex"),
      given().contentType(ContentType.JSON).body("{\"name\":\"x\"}").post(BASE + "/speakers"),
      given().delete(BASE + "/talks/no-such-talk"),
    };
    for (Response write : writes) {
      assertChallenge(write, 401, NO_TOKEN);
      write.then().body("title", equalTo("Authentication required"));
    }
    given().get(TOPICS + "/resiliency").then().statusCode(200);
  }

  @Test
  void aTokenInAnotherSchemeIsNoToken() {
    assertChallenge(
        given()
            .auth()
            .preemptive()
            .basic("editor", "editor")
            .contentType(ContentType.JSON)
            .body(topicBody())
            .post(TOPICS),
        401,
        NO_TOKEN);
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage", "a.b.c", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."})
  void aMalformedTokenIsAnInvalidToken(String token) {
    Response response = as(token).body(topicBody()).post(TOPICS);
    assertChallenge(response, 401, BAD_TOKEN);
    response.then().body("title", equalTo("Invalid token"));
  }

  @Test
  void anExpiredTokenIsAnInvalidTokenThatSaysSo() {
    String expired =
        Tokens.sign(
            Tokens.claims(Roles.EDITOR)
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)));
    Response response = as(expired).body(topicBody()).post(TOPICS);
    assertChallenge(response, 401, invalidToken("The bearer token has expired"));
    response.then().body("detail", containsString("expired"));
  }

  @Test
  void aTokenSignedWithAnotherKeyIsAnInvalidToken() {
    String forged = Tokens.claims(Roles.EDITOR, Roles.ADMIN).sign(Tokens.untrustedKey());
    assertChallenge(as(forged).body(topicBody()).post(TOPICS), 401, BAD_TOKEN);
    assertChallenge(as(forged).post(BASE + "/admin/reindex"), 401, BAD_TOKEN);
  }

  @Test
  void aTokenFromAnotherIssuerIsAnInvalidToken() {
    String other = Tokens.sign(Tokens.claims(Roles.EDITOR).issuer("https://elsewhere.example"));
    assertChallenge(as(other).body(topicBody()).post(TOPICS), 401, BAD_TOKEN);
  }

  @Test
  void aValidTokenWithoutTheRoleIsForbidden() {
    String reader = Tokens.withRoles("reader");
    Response response = as(reader).body(topicBody()).post(TOPICS);
    assertChallenge(response, 403, NO_ROLE);
    response.then().body("detail", containsString("editor or admin"));
    assertChallenge(as(reader).delete(TOPICS + "/resiliency"), 403, NO_ROLE);
  }

  @Test
  void anEditorWritesContentButNeitherImportsNorReindexes() {
    String slug =
        editor().body(topicBody()).post(TOPICS).then().statusCode(201).extract().path("slug");
    editor().delete(TOPICS + "/" + slug).then().statusCode(204);

    Response importing =
        editor().body("{\"formatVersion\":1}").queryParam("dryRun", "true").post(BASE + "/catalog");
    assertChallenge(importing, 403, NO_ROLE);
    importing.then().body("detail", containsString("role admin"));
    assertChallenge(editor().post(BASE + "/admin/reindex"), 403, NO_ROLE);
  }

  @Test
  void anAdminImportsReindexesAndWritesContent() {
    admin()
        .body("{\"formatVersion\":1}")
        .queryParam("dryRun", "true")
        .post(BASE + "/catalog")
        .then()
        .statusCode(200);
    admin().post(BASE + "/admin/reindex").then().statusCode(200);
    String slug =
        admin().body(topicBody()).post(TOPICS).then().statusCode(201).extract().path("slug");
    admin().delete(TOPICS + "/" + slug).then().statusCode(204);
  }

  // ---- CORS

  @Test
  void aPreflightFromAnAllowedOriginMayWriteWithATokenAndTags() {
    given()
        .header("Origin", ORIGIN)
        .header("Access-Control-Request-Method", "PUT")
        .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
        .options(TOPICS + "/resiliency")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", ORIGIN)
        .header("Access-Control-Allow-Methods", containsString("PUT"))
        .header("Access-Control-Allow-Methods", containsString("DELETE"))
        .header("Access-Control-Allow-Headers", containsString("Authorization"))
        .header("Access-Control-Allow-Headers", containsString("If-Match"))
        .header("Access-Control-Allow-Headers", containsString("If-None-Match"))
        .header("Access-Control-Allow-Headers", containsString("Content-Type"));
  }

  @Test
  void aCrossOriginReadMaySeeETagLinkAndLocation() {
    given()
        .header("Origin", ORIGIN)
        .get(TOPICS + "?limit=1")
        .then()
        .statusCode(200)
        .header("Access-Control-Allow-Origin", ORIGIN)
        .header("Access-Control-Expose-Headers", containsString("ETag"))
        .header("Access-Control-Expose-Headers", containsString("Link"))
        .header("Access-Control-Expose-Headers", containsString("Location"));
  }

  @Test
  void anotherOriginIsNotAllowed() {
    Response preflight =
        given()
            .header("Origin", "https://evil.example")
            .header("Access-Control-Request-Method", "DELETE")
            .options(TOPICS + "/resiliency");
    // Quarkus' CORS filter refuses other origins itself, with a bare 403 (which a browser does
    // not show to the page anyway).
    assertThat(preflight.statusCode()).isEqualTo(403);
    assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    Response read = given().header("Origin", "https://evil.example").get(TOPICS);
    assertThat(read.statusCode()).isEqualTo(403);
    assertThat(read.header("Access-Control-Allow-Origin")).isNull();
  }

  // ---- Limits

  private static String talkWithAbstractOf(int length) {
    return "{\"title\":\"Big\",\"abstract\":\"" + "a".repeat(length) + "\"}";
  }

  @Test
  void aBodyOverOneMegabyteIsTooLarge() {
    Response response = editor().body(talkWithAbstractOf(2_000_000)).post(BASE + "/talks");
    assertProblem(response, 413).body("detail", containsString("1 MB"));
  }

  @Test
  void aChunkedBodyOverOneMegabyteIsTooLarge() throws Exception {
    byte[] body = talkWithAbstractOf(2_000_000).getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(RestAssured.baseURI + ":" + RestAssured.port + BASE + "/talks"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + Tokens.withRoles(Roles.EDITOR))
            // From a stream of unknown length: sent chunked, without Content-Length.
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(body)))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(PROBLEM);
    assertThat(response.body()).contains("\"status\":413");
  }

  @Test
  void aCatalogOverTheServerLimitIsTooLargeWithAProblemNotABareAnswer() throws IOException {
    // Only the headers are sent: the server must answer from the declared length alone.
    String head =
        "POST "
            + BASE
            + "/catalog HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
            + "Authorization: Bearer "
            + Tokens.withRoles(Roles.ADMIN)
            + "\r\nContent-Length: "
            + (65L << 20)
            + "\r\n\r\n";
    try (Socket socket = new Socket("localhost", RestAssured.port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = readAll(socket.getInputStream());
      assertThat(answer).startsWith("HTTP/1.1 413");
      assertThat(answer.toLowerCase())
          .contains("content-type: " + PROBLEM)
          .contains("x-content-type-options: nosniff")
          .contains("connection: close");
      assertThat(answer).contains("\"status\":413").contains("64 MB");
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream read = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) > 0; ) {
      read.write(buffer, 0, n);
    }
    return read.toString(StandardCharsets.UTF_8);
  }

  @Test
  void unknownFieldsAreRejected() {
    assertProblem(editor().body("{\"name\":\"x\",\"admin\":true}").post(TOPICS), 400, "$.admin");
  }

  @ParameterizedTest
  @CsvSource({
    "talks, '{\"title\":\"%s\"}', 301, $.title",
    "topics, '{\"name\":\"%s\"}', 121, $.name",
    "speakers, '{\"name\":\"x\",\"links\":{\"github\":\"%s\"}}', 201, $.links.github",
    "talks, '{\"title\":\"x\",\"conference\":\"%s\"}', 121, $.conference",
    "talks, '{\"title\":\"x\",\"speakers\":[\"%s\"]}', 121, $.speakers[0]",
  })
  void stringsLongerThanTheCatalogSchemaAllowsAreRejected(
      String kind, String template, int length, String field) {
    String body = template.formatted("a".repeat(length));
    assertProblem(editor().body(body).post(BASE + "/" + kind), 400, field);
  }

  @Test
  void aCatalogWithAFieldTooLongIsRejectedAsAWhole() {
    String catalog =
        "{\"formatVersion\":1,\"topics\":[{\"slug\":\"%s\",\"name\":\"%s\"}]}"
            .formatted(unique("t"), "n".repeat(121));
    assertProblem(admin().body(catalog).post(BASE + "/catalog"), 422, "$.topics[0].name");
  }

  @Test
  void manyItemsThatTogetherOverflowTheirColumnAreAnInputError() {
    String personas = ("\"" + "p".repeat(120) + "\",").repeat(200);
    String body =
        "{\"title\":\"Crowded\",\"personas\":["
            + personas.substring(0, personas.length() - 1)
            + "]}";
    assertProblem(editor().body(body).post(BASE + "/talks"), 422, "$.personas");
  }

  @Test
  void limitsOfListsAndSearchAreEnforced() {
    assertProblem(given().queryParam("limit", 101).get(TOPICS), 400, "limit");
    assertProblem(given().queryParam("q", "a".repeat(501)).get(BASE + "/search"), 400, "q");
    assertProblem(given().get(BASE + "/talks?speaker=Not_A_Slug"), 400, "speaker");
  }

  // ---- Headers and leaks

  @Test
  void apiAnswersForbidSniffingFramingAndLoadingAnything() {
    for (Response response :
        new Response[] {
          given().get(TOPICS),
          given().get(TOPICS + "/no-such-topic"),
          given().contentType(ContentType.JSON).body(topicBody()).post(TOPICS),
          editor().body(talkWithAbstractOf(2_000_000)).post(BASE + "/talks")
        }) {
      response
          .then()
          .header("X-Content-Type-Options", "nosniff")
          .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
          .header("Server", nullValue())
          .header("X-Powered-By", nullValue());
    }
  }

  @Test
  void swaggerUiKeepsWorking() {
    given()
        .get("/q/swagger-ui/")
        .then()
        .statusCode(200)
        .header("Content-Security-Policy", nullValue())
        .header("X-Content-Type-Options", "nosniff")
        .body(containsString("swagger-ui"));
    given().get("/q/openapi").then().statusCode(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{",
        "[]",
        "\"text\"",
        "{\"title\":{\"nested\":1}}",
        "{\"title\":\"x\",\"startsAt\":\"yesterday\"}",
        "{\"title\":\"x\",\"type\":\"dev.podium.talk.TalkApi$Input\"}",
        "{\"title\":\"x\",\"durationMinutes\":\"12345678901234567890\"}",
        "{\"title\":\"x\",\"levels\":{\"a\":1}}",
        "{\"title\":\"x\",\"@class\":\"java.lang.Runtime\"}",
        "{\"title\":\"x\"} trailing"
      })
  void malformedBodiesAnswerProblemsThatShowNothingInternal(String body) {
    Response response = editor().body(body).post(BASE + "/talks");
    assertProblem(response, 400);
    assertThat(response.asString()).doesNotMatch(INTERNALS);
  }

  @Test
  void otherRefusalsShowNothingInternalEither() {
    Response[] answers = {
      given().get(BASE + "/admin/reindex"),
      editor().contentType(ContentType.XML).body("<topic/>").post(TOPICS),
      given().get(BASE + "/talks?cursor=%%%"),
      given().get(BASE + "/nothing-here"),
    };
    for (Response answer : answers) {
      answer.then().contentType(PROBLEM).header("Content-Type", not(containsString("html")));
      assertThat(answer.asString()).doesNotMatch(INTERNALS);
    }
  }
}
