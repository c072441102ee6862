package dev.podium.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podium.Tokens;
import dev.podium.fuzz.Requests.Request;
import dev.podium.fuzz.Requests.Token;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Drives every operation of the served OpenAPI document with generated requests, valid and invalid
 * (see {@link Requests}), and holds the service to four promises: it never answers 5xx, every 4xx
 * is an {@code application/problem+json} problem, it stays ready, and requests it refuses change
 * nothing.
 *
 * <p>First, in four fifths of the requests, every write is one the server must refuse (no valid
 * token, or a valid one with a broken body, a taken or unknown slug, a stale tag): none may
 * succeed, and the catalog export and the change feed are the same after as before. Then writes are
 * mostly valid, by an editor or admin, on content this test created, which it deletes at the end:
 * the export is then again what it was before the test.
 *
 * <p>The generators run from one seed, {@code -Dfuzz.seed} or a random one, printed at the start
 * and in every failure; each request draws from its own {@link Random} derived from the seed and
 * its number, so a replay makes the same requests (values taken from answers, such as cursors, tags
 * and created slugs, may differ when other tests ran before in the same JVM). {@code
 * -Dfuzz.requests} sets how many (default 5,000); the names are not {@code podium.*} because the
 * service refuses unknown settings under its own prefix. Requests go through {@link HttpClient},
 * not REST Assured, so that bytes, encodings and headers arrive exactly as generated.
 */
@QuarkusTest
class FuzzTest {

  private static final long SEED = seed();
  private static final int REQUESTS = Integer.getInteger("fuzz.requests", 5000);
  private static final int READY_EVERY = 500;
  private static final int MAX_VIOLATIONS = 25;
  private static final List<String> KINDS =
      List.of("interviews", "talks", "speakers", "conferences", "topics");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final List<String> violations = new ArrayList<>();

  /** How many answers of each status, by phase and reads or writes. */
  private final Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();

  private String base;
  private String admin;

  /** What the server answered. */
  record Answer(int status, String contentType, String body, String etag) {}

  private static long seed() {
    String given = System.getProperty("fuzz.seed");
    return given == null || given.isBlank() ? new SecureRandom().nextLong() : Long.parseLong(given);
  }

  private static String replay() {
    return "seed "
        + SEED
        + " (replay: ./mvnw test -Dtest=FuzzTest -Dfuzz.seed="
        + SEED
        + " -Dfuzz.requests="
        + REQUESTS
        + ")";
  }

  @Test
  void noRequestFailsTheServerAndRefusedOnesChangeNothing() throws Exception {
    System.out.println("FuzzTest: " + REQUESTS + " requests, " + replay());
    long started = System.nanoTime();
    base = "http://localhost:" + RestAssured.port;
    admin = "Bearer " + Tokens.withRoles("editor", "admin");
    String prefix = "fuzz-" + Long.toUnsignedString(SEED, 36);

    List<Operation> operations = Operation.all(json(get("/q/openapi?format=json")));
    assertThat(operations).as("operations in the OpenAPI document").hasSizeGreaterThan(30);
    String initialExport = get("/api/v1/catalog");
    Requests requests = new Requests(operations, tokens(), known(), prefix);
    createFixtures(requests, prefix);
    collectCursors(requests);

    int refusedPhase = REQUESTS * 4 / 5;
    String export = get("/api/v1/catalog");
    String feed = endOfChangeFeed();
    for (int i = 0; i < refusedPhase && violations.size() < MAX_VIOLATIONS; i++) {
      exchange(i, requests.next(random(i), false), requests, true);
    }
    assertNoViolations("refused writes");
    assertThat(get("/api/v1/catalog"))
        .as("catalog export after only refused writes, " + replay())
        .isEqualTo(export);
    assertThat(json(get("/api/v1/changes?since=" + feed)).get("items"))
        .as("changes recorded during only refused writes, " + replay())
        .isEmpty();

    for (int i = refusedPhase; i < REQUESTS && violations.size() < MAX_VIOLATIONS; i++) {
      exchange(i, requests.next(random(i), true), requests, false);
    }
    assertNoViolations("valid writes");
    deleteOwn(requests);
    assertReady(REQUESTS);
    assertNoViolations("clean-up");
    assertThat(get("/api/v1/catalog"))
        .as("catalog export once what the test created is deleted, " + replay())
        .isEqualTo(initialExport);
    System.out.printf(
        "FuzzTest: %d requests in %d s, answers by status %s; %s%n",
        REQUESTS, (System.nanoTime() - started) / 1_000_000_000L, statuses, replay());
  }

  /** Request {@code i}'s own generator: the same for the same seed, whatever came before it. */
  private static Random random(int i) {
    long z = SEED + (i + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return new Random(z ^ (z >>> 31));
  }

  private void exchange(int i, Request request, Requests requests, boolean refusedOnly) {
    if (i % READY_EVERY == 0) {
      assertReady(i);
    }
    Answer answer = send(request);
    statuses
        .computeIfAbsent(
            (refusedOnly ? "1 refused-writes phase, " : "2 valid-writes phase, ")
                + (request.operation().isWrite() ? "writes" : "reads"),
            k -> new TreeMap<>())
        .merge(answer.status(), 1, Integer::sum);
    int status = answer.status();
    if (status >= 500) {
      violation(i, request, answer, "a server error");
    } else if (status >= 400 && !isProblem(answer, status)) {
      violation(i, request, answer, "a 4xx that is no application/problem+json problem");
    } else if (refusedOnly && request.operation().isWrite() && status < 300) {
      violation(i, request, answer, "success for a write that must be refused");
    }
    remember(request, answer, requests);
  }

  private static boolean isProblem(Answer answer, int status) {
    if (answer.contentType() == null
        || !answer.contentType().startsWith("application/problem+json")) {
      return false;
    }
    try {
      JsonNode problem = JSON.readTree(answer.body());
      return problem.path("status").asInt() == status && !problem.path("title").asText().isBlank();
    } catch (IOException e) {
      return false;
    }
  }

  /** Keeps what answers give out (tags, cursors) and what valid writes created or deleted. */
  private void remember(Request request, Answer answer, Requests requests) {
    if (answer.status() != 200 && answer.status() != 201 && answer.status() != 204) {
      return;
    }
    if (answer.etag() != null && requests.etags.size() < 200) {
      requests.etags.add(answer.etag());
    }
    Operation op = request.operation();
    JsonNode body = answer.body().isEmpty() ? null : readOrNull(answer.body());
    if (body != null && body.path("page").hasNonNull("next") && requests.cursors.size() < 200) {
      requests.cursors.add(body.path("page").path("next").asText());
    }
    if (op.method().equals("POST") && answer.status() == 201 && body != null) {
      own(requests, op.kind(), body.path("slug").asText());
      body.path("tracks")
          .forEach(t -> requests.tracks.put(t.path("slug").asText(), body.path("slug").asText()));
    } else if (op.method().equals("DELETE") && answer.status() == 204) {
      String slug = request.target().replaceAll("^/api/v1/[a-z]+/([^/?]+).*$", "$1");
      requests.own.getOrDefault(op.kind(), new ArrayList<>()).remove(slug);
    } else if (op.path().endsWith("/catalog") && op.method().equals("POST")) {
      JsonNode document = readOrNull(new String(request.body(), StandardCharsets.UTF_8));
      for (String kind : document == null ? List.<String>of() : KINDS) {
        document.path(kind).forEach(entry -> own(requests, kind, entry.path("slug").asText()));
      }
    }
  }

  private static void own(Requests requests, String kind, String slug) {
    List<String> slugs = requests.own.computeIfAbsent(kind, k -> new ArrayList<>());
    if (!slug.isEmpty() && !slugs.contains(slug)) {
      slugs.add(slug);
    }
  }

  private void violation(int i, Request request, Answer answer, String what) {
    violations.add(
        "request #%d got %s: %s %s [token: %s, headers: %s]%n  body: %s%n  answer: %d %s %s"
            .formatted(
                i,
                what,
                request.method(),
                request.target(),
                request.token(),
                printable(String.valueOf(withoutAuthorization(request.headers())), 200),
                request.body() == null
                    ? "(none)"
                    : printable(new String(request.body(), StandardCharsets.UTF_8), 400),
                answer.status(),
                answer.contentType(),
                printable(answer.body(), 400)));
  }

  private void assertNoViolations(String phase) {
    assertThat(violations)
        .as("requests that broke a promise (%s phase), %s", phase, replay())
        .isEmpty();
  }

  private void assertReady(int sent) {
    Answer ready = call("GET", "/q/health/ready", null, null);
    if (ready.status() != 200 || !ready.body().contains("\"UP\"")) {
      violations.add(
          "not ready after %d requests: %d %s".formatted(sent, ready.status(), ready.body()));
    }
  }

  // ---- Set-up and clean-up

  /** Tokens of every kind: missing, malformed, forged, expired, without a role, and valid ones. */
  private static List<Token> tokens() {
    Instant now = Instant.now();
    String both = Tokens.withRoles("editor", "admin");
    String[] parts = both.split("\\.");
    String editor = Tokens.withRoles("editor");
    String none =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
    Set<String> no = Set.of();
    return List.of(
        new Token("none", null, no),
        new Token("malformed", "Bearer not-a-token", no),
        new Token("empty", "Bearer", no),
        new Token("three parts", "Bearer a.b.c", no),
        new Token("basic", "Basic ZWRpdG9yOmVkaXRvcg==", no),
        new Token(
            "expired",
            "Bearer "
                + Tokens.sign(
                    Tokens.claims("editor", "admin")
                        .issuedAt(now.minus(Duration.ofHours(2)))
                        .expiresAt(now.minus(Duration.ofHours(1)))),
            no),
        new Token(
            "foreign issuer",
            "Bearer " + Tokens.sign(Tokens.claims("editor", "admin").issuer("urn:someone-else")),
            no),
        new Token(
            "wrong key",
            "Bearer " + Tokens.claims("editor", "admin").sign(Tokens.untrustedKey()),
            no),
        new Token("alg none", "Bearer " + none + "." + parts[1] + ".", no),
        new Token(
            "tampered",
            "Bearer " + editor.split("\\.")[0] + "." + parts[1] + "." + editor.split("\\.")[2],
            no),
        new Token("no role", "Bearer " + Tokens.withRoles(), no),
        new Token("editor", "Bearer " + editor, Set.of("editor")),
        new Token("admin", "Bearer " + Tokens.withRoles("admin"), Set.of("admin")),
        new Token("editor+admin", "Bearer " + both, Set.of("editor", "admin")));
  }

  /** Slugs by kind that exist before the test: the demo data and what other tests left. */
  private Map<String, List<String>> known() {
    Map<String, List<String>> known = new LinkedHashMap<>();
    for (String kind : KINDS) {
      List<String> slugs = new ArrayList<>();
      json(get("/api/v1/" + kind + "?limit=100"))
          .path("items")
          .forEach(i -> slugs.add(i.path("slug").asText()));
      known.put(kind, slugs);
    }
    return known;
  }

  /** One of each kind for valid writes to refer to, created by this test. */
  private void createFixtures(Requests requests, String prefix) {
    String topic = prefix + "-topic";
    String conference = prefix + "-conference";
    String track = prefix + "-track";
    String speaker = prefix + "-speaker";
    String talk = prefix + "-talk";
    create("topics", "{\"slug\":\"%s\",\"name\":\"Fuzz topic\"}".formatted(topic));
    create(
        "conferences",
        "{\"slug\":\"%s\",\"name\":\"Fuzz conference\",\"tracks\":[{\"slug\":\"%s\",\"name\":\"Fuzz track\"}]}"
            .formatted(conference, track));
    create("speakers", "{\"slug\":\"%s\",\"name\":\"Fuzz Speaker\"}".formatted(speaker));
    create(
        "talks",
        "{\"slug\":\"%s\",\"title\":\"Fuzz talk\",\"conference\":\"%s\",\"track\":\"%s\",\"speakers\":[\"%s\"],\"topics\":[\"%s\"]}"
            .formatted(talk, conference, track, speaker, topic));
    create(
        "interviews",
        "{\"slug\":\"%s\",\"title\":\"Fuzz interview\",\"speaker\":\"%s\",\"talk\":\"%s\",\"qa\":[{\"question\":\"Why?\",\"answer\":\"Because.\"}]}"
            .formatted(prefix + "-interview", speaker, talk));
    own(requests, "topics", topic);
    own(requests, "conferences", conference);
    requests.tracks.put(track, conference);
    own(requests, "speakers", speaker);
    own(requests, "talks", talk);
    own(requests, "interviews", prefix + "-interview");
  }

  private void create(String kind, String body) {
    Answer created = call("POST", "/api/v1/" + kind, admin, body);
    assertThat(created.status()).as("create %s: %s", kind, created.body()).isEqualTo(201);
  }

  /** Real cursors of every list, for the fuzzer to pass back, cut or forge. */
  private void collectCursors(Requests requests) {
    for (String list :
        List.of("topics", "conferences", "speakers", "talks", "interviews", "changes")) {
      for (String order : List.of("", "&sort=title", "&sort=startsAt")) {
        JsonNode page =
            json(get("/api/v1/" + list + "?limit=1" + (list.equals("talks") ? order : "")));
        if (page.path("page").hasNonNull("next")) {
          requests.cursors.add(page.path("page").path("next").asText());
        }
      }
    }
    JsonNode hits = json(get("/api/v1/search?q=resilience&limit=1"));
    if (hits.path("page").hasNonNull("next")) {
      requests.cursors.add(hits.path("page").path("next").asText());
    }
  }

  /** The change feed's position now: the {@code since} that lists only later changes. */
  private String endOfChangeFeed() {
    JsonNode page = json(get("/api/v1/changes?limit=100"));
    while (page.path("items").size() == 100) {
      page =
          json(get("/api/v1/changes?limit=100&since=" + page.path("page").path("next").asText()));
    }
    return page.path("page").path("next").asText();
  }

  /** Deletes what this test created, referrers first, until nothing more can go. */
  private void deleteOwn(Requests requests) {
    boolean progress = true;
    while (progress) {
      progress = false;
      for (String kind : KINDS) {
        for (String slug : new ArrayList<>(requests.own.getOrDefault(kind, List.of()))) {
          int status =
              call("DELETE", "/api/v1/" + kind + "/" + Requests.encode(slug), admin, null).status();
          if (status == 204 || status == 404) {
            requests.own.get(kind).remove(slug);
            progress = true;
          }
        }
      }
    }
    for (String kind : KINDS) {
      if (!requests.own.getOrDefault(kind, List.of()).isEmpty()) {
        violations.add("could not delete the " + kind + " " + requests.own.get(kind));
      }
    }
  }

  // ---- HTTP

  private Answer send(Request request) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + request.target()))
            .timeout(Duration.ofMinutes(2))
            .method(
                request.method(),
                request.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request.headers().forEach(builder::header);
    return roundTrip(builder.build());
  }

  private Answer call(String method, String path, String authorization, String body) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofMinutes(2))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    if (body != null) {
      builder.header("Content-Type", "application/json");
    }
    return roundTrip(builder.build());
  }

  private Answer roundTrip(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          new String(response.body(), StandardCharsets.UTF_8),
          response.headers().firstValue("ETag").orElse(null));
    } catch (IOException e) {
      return new Answer(599, null, "no answer: " + e, null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private String get(String path) {
    Answer answer = call("GET", path, null, null);
    assertThat(answer.status()).as("GET %s: %s", path, answer.body()).isEqualTo(200);
    return answer.body();
  }

  private static JsonNode json(String text) {
    JsonNode node = readOrNull(text);
    assertThat(node).as("JSON: %s", text).isNotNull();
    return node;
  }

  private static JsonNode readOrNull(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return null;
    }
  }

  private static Map<String, String> withoutAuthorization(Map<String, String> headers) {
    Map<String, String> shown = new LinkedHashMap<>(headers);
    shown.remove("Authorization");
    return shown;
  }

  /** {@code s} cut to {@code max} characters, with control and non-ASCII ones as escapes. */
  private static String printable(String s, int max) {
    StringBuilder out = new StringBuilder();
    String cut = s.length() > max ? s.substring(0, max) : s;
    for (char c : cut.toCharArray()) {
      if (c >= ' ' && c < 0x7f) {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return s.length() > max ? out + "… (" + s.length() + " chars)" : out.toString();
  }
}
