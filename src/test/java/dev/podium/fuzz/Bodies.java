package dev.podium.fuzz;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.vavr.test.Gen;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JSON bodies from the schemas of the OpenAPI document: valid ones (required fields, some optional
 * ones, values within every limit, slugs that refer to what exists), and copies of a valid one that
 * break exactly one rule the schema states, so that the server must reject them.
 */
final class Bodies {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern RAW_VALUE = Pattern.compile("\"" + Values.RAW + "([^\"]*)\"");

  /** The slugs a body may use, by the name of the field that holds them. */
  interface Slugs {
    /**
     * A new slug for an entry's own {@code slug}, else one of something {@code field} refers to.
     */
    String slug(String field, Random random);
  }

  private final Slugs slugs;

  Bodies(Slugs slugs) {
    this.slugs = slugs;
  }

  /** A value that {@code schema} allows; {@code field} names the property that holds it. */
  JsonNode valid(JsonNode schema, String field, Random random) {
    if (schema.has("enum")) {
      List<JsonNode> values = new ArrayList<>();
      schema.get("enum").forEach(values::add);
      return values.get(random.nextInt(values.size()));
    }
    switch (schema.path("type").asText()) {
      case "object" -> {
        ObjectNode object = NODES.objectNode();
        Set<String> required = required(schema);
        schema
            .path("properties")
            .fields()
            .forEachRemaining(
                p -> {
                  if (required.contains(p.getKey()) || random.nextBoolean()) {
                    object.set(p.getKey(), valid(p.getValue(), p.getKey(), random));
                  }
                });
        return object;
      }
      case "array" -> {
        ArrayNode array = NODES.arrayNode();
        int size = schema.path("minItems").asInt(0) + random.nextInt(3);
        Set<JsonNode> seen = new HashSet<>();
        for (int i = 0; i < size; i++) {
          JsonNode item = valid(schema.get("items"), field, random);
          if (seen.add(item) || !isSlug(schema.get("items"))) {
            array.add(item);
          }
        }
        return array;
      }
      case "integer" -> {
        int min = schema.path("minimum").asInt(-1000);
        int max = schema.path("maximum").asInt(1_000_000);
        return NODES.numberNode(Gen.choose(min, max).apply(random));
      }
      case "boolean" -> {
        return NODES.booleanNode(random.nextBoolean());
      }
      default -> {
        return NODES.textNode(validString(schema, field, random));
      }
    }
  }

  private String validString(JsonNode schema, String field, Random random) {
    String format = schema.path("format").asText();
    // Now and then a value at the end of what the type holds (year 999999999, 1e999 seconds).
    boolean oddOne = random.nextInt(8) == 0;
    if (format.equals("date")) {
      return (oddOne ? Values.ODD_DATE : Values.DATE).apply(random);
    }
    if (format.equals("date-time")) {
      return (oddOne ? Values.ODD_INSTANT : Values.INSTANT).apply(random);
    }
    if (isSlug(schema)) {
      return slugs.slug(field, random);
    }
    if (isUrl(schema)) {
      return Values.URL.apply(random);
    }
    int max = schema.path("maxLength").asInt(500);
    return schema.path("pattern").asText().equals("\\S")
        ? Values.nonBlankText(max).apply(random)
        : Values.text(max).apply(random);
  }

  /**
   * A copy of {@code value}, which {@code schema} allows, with one thing wrong: a field unknown,
   * missing, of the wrong type, too long, blank, out of range, malformed, or a list empty or with a
   * repeated slug. Only rules that the schema states, so the server must refuse the result.
   */
  JsonNode invalid(JsonNode value, JsonNode schema, Random random) {
    JsonNode copy = value.deepCopy();
    List<Consumer<Random>> breaks = new ArrayList<>();
    collectBreaks(copy, schema, breaks);
    breaks.get(random.nextInt(breaks.size())).accept(random);
    return copy;
  }

  private void collectBreaks(JsonNode value, JsonNode schema, List<Consumer<Random>> breaks) {
    if (value instanceof ObjectNode object && schema.has("properties")) {
      JsonNode properties = schema.get("properties");
      breaks.add(r -> object.set(unknownField(properties, r), anyValue(r)));
      for (String name : required(schema)) {
        breaks.add(r -> object.remove(name));
        breaks.add(r -> object.putNull(name));
      }
      properties
          .fields()
          .forEachRemaining(
              p -> {
                Gen<JsonNode> bad = badValue(p.getValue());
                breaks.add(r -> object.set(p.getKey(), bad.apply(r)));
                if (object.has(p.getKey())) {
                  collectBreaks(object.get(p.getKey()), p.getValue(), breaks);
                }
              });
    } else if (value instanceof ArrayNode array && schema.has("items")) {
      JsonNode items = schema.get("items");
      if (schema.path("minItems").asInt(0) > 0) {
        breaks.add(r -> array.removeAll());
      }
      if (isSlug(items) && !array.isEmpty()) {
        breaks.add(r -> array.add(array.get(r.nextInt(array.size()))));
      }
      Gen<JsonNode> bad = badValue(items);
      breaks.add(r -> array.insert(r.nextInt(array.size() + 1), bad.apply(r)));
      array.forEach(item -> collectBreaks(item, items, breaks));
    }
  }

  /** Values that {@code schema} forbids, whatever else the body holds. */
  static Gen<JsonNode> badValue(JsonNode schema) {
    List<Gen<JsonNode>> bad = new ArrayList<>();
    String type = schema.path("type").asText();
    if (schema.has("enum")) {
      bad.add(Values.WORD.map(w -> text(w.toUpperCase() + "-" + w)));
      bad.add(Gen.of(NODES.objectNode()));
    }
    switch (type) {
      case "string" -> {
        bad.add(Gen.choose(NODES.objectNode(), NODES.arrayNode().add("x")));
        if (schema.has("maxLength")) {
          bad.add(Values.tooLong(schema.get("maxLength").asInt()).map(Bodies::text));
        }
        if (schema.path("pattern").asText().equals("\\S")) {
          bad.add(Gen.choose("", " ", "\t\n\r ").map(Bodies::text));
        }
        if (isSlug(schema)) {
          bad.add(Values.MALFORMED_SLUG.map(Bodies::text));
        }
        if (schema.path("format").asText().equals("date")) {
          bad.add(Values.BAD_DATE.map(Bodies::text));
        }
        if (schema.path("format").asText().equals("date-time")) {
          bad.add(Values.BAD_INSTANT.map(Bodies::text));
        }
        if (isUrl(schema)) {
          bad.add(Values.BAD_URL.map(Bodies::text));
        }
      }
      case "integer" -> {
        // Not "": Jackson reads an empty string as no number at all.
        bad.add(Gen.choose(NODES.objectNode(), NODES.arrayNode(), text("abc"), text("12 monkeys")));
        bad.add(
            Gen.choose("NaN", "Infinity", "007", "1e999", "99999999999999999999", "-")
                .map(t -> text(Values.RAW + t)));
        if (schema.has("minimum")) {
          int min = schema.get("minimum").asInt();
          bad.add(Gen.choose(min - 1000, min - 1).map(i -> NODES.numberNode(i)));
        }
        if (schema.has("maximum")) {
          int max = schema.get("maximum").asInt();
          bad.add(Gen.choose(1L, 1L << 31).map(d -> NODES.numberNode(max + d)));
        }
      }
      case "array" ->
          bad.add(
              Gen.choose(
                  text("x"), NODES.numberNode(5), NODES.objectNode(), NODES.booleanNode(true)));
      case "object" ->
          bad.add(
              Gen.choose(
                  text("x"), NODES.numberNode(5), NODES.arrayNode(), NODES.booleanNode(true)));
      case "boolean" -> bad.add(Gen.choose(text("maybe"), NODES.objectNode()));
      default -> {}
    }
    return Gen.oneOf(bad);
  }

  /** Any JSON value at all, for an unknown field. */
  private static JsonNode anyValue(Random random) {
    return switch (random.nextInt(5)) {
      case 0 -> text(Values.text(40).apply(random));
      case 1 -> NODES.numberNode(random.nextInt());
      case 2 -> NODES.nullNode();
      case 3 -> NODES.objectNode().put("nested", true);
      default -> NODES.arrayNode().add(1).add("two");
    };
  }

  private static String unknownField(JsonNode properties, Random random) {
    String name;
    do {
      name =
          Gen.frequency(
                  io.vavr.Tuple.of(3, Values.WORD),
                  io.vavr.Tuple.of(
                      1, Gen.choose("id", "Slug", "NAME", "__proto__", "$ref", "", "slug ")),
                  io.vavr.Tuple.of(1, Values.NASTY))
              .apply(random);
    } while (properties.has(name));
    return name;
  }

  /**
   * {@code body} as JSON text: raw values ({@link Values#RAW}) written as they are, and with {@code
   * asciiOnly} every other character as a {@code \\u} escape, so lone surrogates arrive as such.
   */
  static String write(JsonNode body, boolean asciiOnly) {
    try {
      String json =
          asciiOnly
              ? JSON.writer().with(JsonGenerator.Feature.ESCAPE_NON_ASCII).writeValueAsString(body)
              : JSON.writeValueAsString(body);
      Matcher raw = RAW_VALUE.matcher(json);
      return raw.replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Set<String> required(JsonNode schema) {
    Set<String> required = new HashSet<>();
    schema.path("required").forEach(r -> required.add(r.asText()));
    return required;
  }

  static boolean isSlug(JsonNode schema) {
    return schema.path("pattern").asText().equals("^" + Values.SLUG.pattern() + "$");
  }

  /** Hibernate Validator's {@code @URL} shows in the document as an empty pattern. */
  static boolean isUrl(JsonNode schema) {
    return schema.has("pattern") && schema.get("pattern").asText().isEmpty();
  }

  private static TextNode text(String s) {
    return NODES.textNode(s);
  }
}
