package dev.podium.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vavr.Tuple;
import io.vavr.test.Gen;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Makes requests for the operations of the OpenAPI document: parameters, headers, tokens and
 * bodies, valid and invalid. In the phase without valid writes, every write is made so that the
 * server must refuse it: a token that does not permit it, or a permitting token with something the
 * contract forbids (a broken body, a taken or unknown slug, a stale {@code If-Match}).
 */
final class Requests {

  /** A request to send; {@code target} is the path and query, already encoded. */
  record Request(
      String method,
      String target,
      Map<String, String> headers,
      byte[] body,
      String token,
      Operation operation) {}

  /** An {@code Authorization} header value (null: none) and the roles it grants if any. */
  record Token(String name, String header, Set<String> roles) {
    boolean permits(Operation op) {
      return roles.stream().anyMatch(op.roles()::contains);
    }
  }

  private static final Map<String, String> KIND_OF_FIELD =
      Map.of(
          "topic", "topics",
          "topics", "topics",
          "parent", "topics",
          "conference", "conferences",
          "speaker", "speakers",
          "speakers", "speakers",
          "talk", "talks",
          "track", "tracks");

  private final List<Operation> operations;
  private final List<Token> tokens;
  private final String prefix;

  /** Slugs by kind that existed before the run: the demo data and other tests' content. */
  private final Map<String, List<String>> known;

  /** Slugs by kind that this run created, and may change and delete. */
  final Map<String, List<String>> own = new LinkedHashMap<>();

  /** Cursors and tags the server gave out. */
  final List<String> cursors = new ArrayList<>();

  final List<String> etags = new ArrayList<>();

  /** The conference of each track this run created. */
  final Map<String, String> tracks = new LinkedHashMap<>();

  Requests(
      List<Operation> operations,
      List<Token> tokens,
      Map<String, List<String>> known,
      String prefix) {
    this.operations = operations;
    this.tokens = tokens;
    this.known = known;
    this.prefix = prefix;
  }

  /**
   * The next request. With {@code validWrites} false, every write must be refused; with it true,
   * writes are mostly valid ones by an editor or admin, on what this run created.
   */
  Request next(Random random, boolean validWrites) {
    Operation op = pickOperation(random);
    return op.isWrite() ? write(op, random, validWrites) : read(op, random);
  }

  private Operation pickOperation(Random random) {
    // A rebuild of the index is slow and tells little more each time: rarely.
    while (true) {
      Operation op = operations.get(random.nextInt(operations.size()));
      if (!op.path().endsWith("/reindex") || random.nextInt(10) == 0) {
        return op;
      }
    }
  }

  // ---- Reads

  private Request read(Operation op, Random random) {
    String path = op.hasSlug() ? withSlug(op, anySlug(op.kind(), random), random) : op.path();
    Map<String, String> headers = new LinkedHashMap<>();
    Token token = tokens.get(random.nextInt(tokens.size()));
    if (token.header() != null && random.nextInt(4) == 0) {
      headers.put("Authorization", token.header());
    }
    if (random.nextInt(5) == 0) {
      headers.put("If-None-Match", tag(random));
    }
    return new Request("GET", path + query(op, random), headers, null, token.name(), op);
  }

  private String query(Operation op, Random random) {
    List<String> pairs = new ArrayList<>();
    for (Operation.Param p : op.params()) {
      if (p.in().equals("query") && random.nextInt(5) < 3) {
        if (p.schema().path("type").asText().equals("array")) {
          int n = 1 + random.nextInt(3);
          for (int i = 0; i < n; i++) {
            pairs.add(
                encode(p.name()) + "=" + encode(value(p.name(), p.schema().get("items"), random)));
          }
        } else {
          pairs.add(encode(p.name()) + "=" + encode(value(p.name(), p.schema(), random)));
        }
      }
    }
    if (random.nextInt(20) == 0) {
      pairs.add(encode(Values.WORD.apply(random)) + "=" + encode(Values.NASTY.apply(random)));
    }
    if (random.nextInt(40) == 0) {
      // Bytes that are no UTF-8 at all.
      pairs.add(
          "q="
              + Gen.choose("%FF", "%C0%AF", "%ED%A0%80", "%E2%82", "%00", "%F4%90%80%80")
                  .apply(random));
    }
    return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
  }

  private String value(String name, JsonNode schema, Random random) {
    if (schema.has("enum")) {
      List<String> values = new ArrayList<>();
      schema.get("enum").forEach(v -> values.add(v.asText()));
      return Gen.frequency(
              Tuple.of(4, Gen.choose(values)),
              Tuple.of(
                  1,
                  Gen.choose(values).map(v -> v.toUpperCase() + (random.nextBoolean() ? " " : ""))),
              Tuple.of(2, Gen.oneOf(Values.WORD, Values.NASTY)))
          .apply(random);
    }
    switch (schema.path("type").asText()) {
      case "integer" -> {
        int min = schema.path("minimum").asInt(1);
        int max = schema.path("maximum").asInt(2100);
        return Gen.frequency(
                Tuple.of(5, Gen.choose(min, max).map(String::valueOf)),
                Tuple.of(2, Gen.choose(1L, 1L << 32).map(d -> String.valueOf(min - d))),
                Tuple.of(2, Gen.choose(1L, 1L << 32).map(d -> String.valueOf(max + d))),
                Tuple.of(3, Values.BAD_NUMBER))
            .apply(random);
      }
      case "boolean" -> {
        return Gen.frequency(
                Tuple.of(4, Gen.choose("true", "false")),
                Tuple.of(1, Gen.choose("TRUE", "yes", "1", "", "null", "tru")),
                Tuple.of(1, Values.NASTY))
            .apply(random);
      }
      default -> {
        if (name.equals("cursor") || name.equals("since")) {
          return cursors.isEmpty() || random.nextInt(3) == 0
              ? Values.badCursor(cursors).apply(random)
              : cursors.get(random.nextInt(cursors.size()));
        }
        if (name.equals("q")) {
          return searchText(random);
        }
        String kind = KIND_OF_FIELD.get(name);
        return kind == null ? Values.text(300).apply(random) : anySlug(kind, random);
      }
    }
  }

  /** What people and scripts type into a search box, and what a 500-character limit must stop. */
  private static String searchText(Random random) {
    Gen<String> bomb =
        r -> {
          StringBuilder q = new StringBuilder();
          String joiner = Gen.choose(" ", "~ ", "* ", " -", " \"", " OR ", " AND ").apply(r);
          while (q.length() < 480) {
            q.append(Values.WORD.apply(r)).append(joiner);
          }
          return q.toString();
        };
    return Gen.frequency(
            Tuple.of(4, Values.WORDS),
            Tuple.of(3, Values.text(500)),
            Tuple.of(3, Values.NASTY),
            Tuple.of(2, bomb),
            Tuple.of(1, Values.tooLong(500)))
        .apply(random);
  }

  // ---- Writes

  /** What a write is made of before it is encoded. */
  private static final class Draft {
    String slug;
    JsonNode body;
    String raw;
    boolean corrupt;
  }

  private Request write(Operation op, Random random, boolean validWrites) {
    Token token = token(op, random, validWrites);
    Map<String, String> headers = new LinkedHashMap<>();
    if (token.header() != null) {
      headers.put("Authorization", token.header());
    }
    Draft draft = new Draft();
    if (validWrites || !token.permits(op)) {
      draft.slug = validWrites ? ownSlug(op.kind(), random) : anySlug(op.kind(), random);
      if (op.body() != null) {
        draft.body = validBody(op, draft.slug, random);
        if (random.nextInt(validWrites ? 5 : 2) == 0) {
          draft.body = bodies().invalid(draft.body, op.body(), random);
        } else if (!op.hasSlug() && random.nextInt(4) == 0 && draft.body instanceof ObjectNode o) {
          o.remove("slug");
        }
        if (random.nextInt(10) == 0) {
          draft.raw = notJson(random);
        }
      }
      if (op.hasSlug() && random.nextInt(4) == 0) {
        headers.put("If-Match", tag(random));
      }
    } else {
      List<Consumer<Draft>> ways = refusable(op, random, headers);
      ways.get(random.nextInt(ways.size())).accept(draft);
    }
    String path = op.hasSlug() ? withSlug(op, draft.slug, random) : op.path();
    byte[] bytes = null;
    if (op.body() != null) {
      String json =
          draft.raw != null ? draft.raw : Bodies.write(draft.body, random.nextInt(4) == 0);
      bytes = json.getBytes(StandardCharsets.UTF_8);
      if (draft.corrupt && bytes.length > 0) {
        // A byte that never occurs in UTF-8.
        bytes[random.nextInt(bytes.length)] = (byte) (random.nextBoolean() ? 0xFF : 0xC0);
      }
      headers.put("Content-Type", contentType(random, draft.raw == null));
    }
    return new Request(op.method(), path + query(op, random), headers, bytes, token.name(), op);
  }

  /**
   * Ways to make a write with a permitting token that the contract says must be refused: a body
   * that breaks the schema, is no JSON object or no UTF-8, a slug taken or unknown, a stale tag, a
   * body naming another slug than its address. (A valid token never reaches the reindex here.)
   */
  private List<Consumer<Draft>> refusable(
      Operation op, Random random, Map<String, String> headers) {
    List<Consumer<Draft>> ways = new ArrayList<>();
    List<String> taken = existing(op.kind());
    String someTaken = taken.isEmpty() ? "resiliency" : taken.get(random.nextInt(taken.size()));
    if (op.body() != null) {
      ways.add(
          d -> {
            d.slug = anySlug(op.kind(), random);
            d.body = bodies().invalid(validBody(op, d.slug, random), op.body(), random);
          });
      ways.add(
          d -> {
            d.slug = anySlug(op.kind(), random);
            d.raw = notJson(random);
          });
      ways.add(
          d -> {
            d.slug = anySlug(op.kind(), random);
            d.body = validBody(op, d.slug, random);
            d.corrupt = true;
          });
    }
    if (op.hasSlug()) {
      ways.add(
          d -> {
            d.slug =
                random.nextBoolean()
                    ? Values.freshSlug(prefix).apply(random)
                    : Values.MALFORMED_SLUG.apply(random);
            d.body = op.body() == null ? null : validBody(op, d.slug, random);
          });
      ways.add(
          d -> {
            d.slug = someTaken;
            d.body = op.body() == null ? null : validBody(op, d.slug, random);
            headers.put("If-Match", staleTag(random));
          });
      if (op.body() != null) {
        ways.add(
            d -> {
              d.slug = someTaken;
              d.body = validBody(op, d.slug, random);
              ((ObjectNode) d.body).put("slug", Values.freshSlug(prefix).apply(random));
            });
      } else {
        ways.add(d -> d.slug = Values.MALFORMED_SLUG.apply(random));
      }
    } else if (op.method().equals("POST") && !op.path().endsWith("/catalog")) {
      ways.add(
          d -> {
            d.body = validBody(op, null, random);
            ((ObjectNode) d.body).put("slug", someTaken);
          });
    }
    return ways;
  }

  private Token token(Operation op, Random random, boolean validWrites) {
    List<Token> permitting = tokens.stream().filter(t -> t.permits(op)).toList();
    List<Token> others = tokens.stream().filter(t -> !t.permits(op)).toList();
    boolean permit = validWrites ? random.nextInt(10) < 8 : random.nextBoolean();
    // Nothing valid may rebuild the index while nothing may change.
    if (!validWrites && op.path().endsWith("/reindex")) {
      permit = false;
    }
    List<Token> from = permit ? permitting : others;
    return from.get(random.nextInt(from.size()));
  }

  private Bodies bodies() {
    return new Bodies(this::referenceSlug);
  }

  private JsonNode validBody(Operation op, String pathSlug, Random random) {
    JsonNode body = bodies().valid(op.body(), "", random);
    if (body instanceof ObjectNode object && op.hasSlug() && object.has("slug")) {
      // A replacement names the slug of its address, or none.
      if (random.nextBoolean()) {
        object.put("slug", pathSlug);
      } else {
        object.remove("slug");
      }
    }
    if (body instanceof ObjectNode object && object.has("track") && !tracks.isEmpty()) {
      // A talk's track must be one of its conference's.
      List<String> known = new ArrayList<>(tracks.keySet());
      String track = known.get(random.nextInt(known.size()));
      object.put("track", track).put("conference", tracks.get(track));
    }
    if (body instanceof ObjectNode object && op.path().endsWith("/catalog")) {
      // An import's source stays in every later export; the demo data's must stay alone.
      object.remove("source");
      // Entries named by slug, so that the test can delete what an import created.
      object.forEach(
          entries ->
              entries.forEach(
                  entry -> {
                    if (entry instanceof ObjectNode e && !e.has("slug")) {
                      e.put("slug", Values.freshSlug(prefix).apply(random));
                    }
                  }));
    }
    return body;
  }

  /** Slugs for the fields of a body: new ones of this run for its own, existing for references. */
  private String referenceSlug(String field, Random random) {
    if (field.equals("slug")) {
      return Values.freshSlug(prefix).apply(random);
    }
    String kind = KIND_OF_FIELD.getOrDefault(field, "topics");
    List<String> pool = own.getOrDefault(kind, List.of());
    if (pool.isEmpty() || random.nextInt(30) == 0) {
      return Values.freshSlug(prefix).apply(random);
    }
    return pool.get(random.nextInt(pool.size()));
  }

  // ---- Slugs, tags and encodings

  /** Slugs that exist now, of this run or from before. */
  private List<String> existing(String kind) {
    List<String> all = new ArrayList<>(known.getOrDefault(kind, List.of()));
    all.addAll(own.getOrDefault(kind, List.of()));
    return all;
  }

  private String anySlug(String kind, Random random) {
    return slug(existing(kind), 6, 2, 3, random);
  }

  private String ownSlug(String kind, Random random) {
    return slug(own.getOrDefault(kind, List.of()), 8, 1, 1, random);
  }

  /** One of {@code pool}, a fresh slug or a malformed one, in these proportions. */
  private String slug(List<String> pool, int taken, int fresh, int malformed, Random random) {
    Gen<String> fromPool = pool.isEmpty() ? Values.freshSlug(prefix) : Gen.choose(pool);
    return Gen.frequency(
            Tuple.of(taken, fromPool),
            Tuple.of(fresh, Values.freshSlug(prefix)),
            Tuple.of(malformed, Values.MALFORMED_SLUG))
        .apply(random);
  }

  private String withSlug(Operation op, String slug, Random random) {
    String encoded =
        random.nextInt(30) == 0
            ? Gen.choose("%FF", "%ED%A0%80", "%2F", "%00", "%25", "..", ".").apply(random)
            : encode(slug);
    return op.path().replace("{slug}", encoded);
  }

  private String tag(Random random) {
    Gen<String> seen = etags.isEmpty() ? Gen.of("\"x\"") : Gen.choose(etags);
    return Gen.frequency(
            Tuple.of(4, seen), Tuple.of(3, Gen.of(staleTag(random))), Tuple.of(1, Gen.of("*")))
        .apply(random);
  }

  /** A tag no representation has: printable ASCII, as header values must be. */
  private static String staleTag(Random random) {
    return Gen.frequency(
            Tuple.of(3, Values.WORD.map(w -> "\"" + w + "\"")),
            Tuple.of(1, Values.WORD.map(w -> "W/\"" + w + "\"")),
            Tuple.of(
                1,
                Gen.choose(
                    "\"\"",
                    "\"",
                    "x",
                    "\"a\", \"b\"",
                    "W/",
                    "null",
                    "\"" + "a".repeat(900) + "\"")))
        .apply(random);
  }

  private static String contentType(Random random, boolean json) {
    return Gen.frequency(
            Tuple.of(
                json ? 12 : 2, Gen.choose("application/json", "application/json; charset=UTF-8")),
            Tuple.of(
                2,
                Gen.choose(
                    "text/plain",
                    "application/xml",
                    "application/x-www-form-urlencoded",
                    "multipart/form-data; boundary=x",
                    "application/problem+json",
                    "*/*",
                    "application/json; charset=nonsense",
                    "json",
                    "")))
        .apply(random);
  }

  /** Bodies that are not a JSON object of the right shape, or not JSON at all. */
  private static String notJson(Random random) {
    Function<Random, String> deep = r -> "[".repeat(2000 + r.nextInt(3000)) + "]".repeat(10);
    return Gen.frequency(
            Tuple.of(
                6,
                Gen.choose(
                    "",
                    "[]",
                    "null",
                    "\"text\"",
                    "42",
                    "true",
                    "{",
                    "{\"name\":",
                    "{\"name\": \"x\"",
                    "not json",
                    "{}{}",
                    "{} trailing",
                    "\u0000",
                    "{\"name\":\"a\"}}",
                    "{'name':'x'}",
                    "{\"name\":\"\u00ff\"",
                    "<topic/>",
                    "name=x",
                    "{\"name\":NaN}",
                    "{\"a\":007}",
                    "{\"name\":\"x\",}",
                    "{\"title\":\"x\" /* c */}",
                    "[{\"name\":\"x\"}]")),
            Tuple.of(1, deep::apply),
            Tuple.of(1, r -> "{\"name\":" + "9".repeat(1500 + r.nextInt(500)) + "}"),
            Tuple.of(2, Values.text(200)))
        .apply(random);
  }

  /** Percent-encodes everything but unreserved characters; a lone surrogate as its three bytes. */
  static String encode(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~".indexOf(c) >= 0) {
        out.append(c);
        continue;
      }
      byte[] bytes;
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
        i++;
      } else if (Character.isSurrogate(c)) {
        bytes =
            new byte[] {
              (byte) (0xE0 | (c >> 12)),
              (byte) (0x80 | ((c >> 6) & 0x3F)),
              (byte) (0x80 | (c & 0x3F))
            };
      } else {
        bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
      }
      for (byte b : bytes) {
        out.append('%').append(String.format("%02X", b & 0xFF));
      }
    }
    return out.toString();
  }
}
