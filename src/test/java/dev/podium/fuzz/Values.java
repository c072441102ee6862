package dev.podium.fuzz;

import io.vavr.Tuple;
import io.vavr.test.Arbitrary;
import io.vavr.test.Gen;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Generators of the values the fuzzer sends, valid and invalid: text with Unicode edge cases and
 * control characters, SQL and Lucene metacharacters, slugs, dates, numbers and cursors. Every one
 * is a {@link Gen}, so a seeded {@link java.util.Random} makes the same values again.
 */
final class Values {

  static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  static final int SLUG_MAX = 120;

  /** Marks a JSON value written as it is, not as a string: {@code 1e999}, {@code NaN}. */
  static final String RAW = "@@raw:";

  private static final List<String> SQL =
      List.of(
          "'",
          "''",
          "' OR 1=1 --",
          "'; DROP TABLE talk; --",
          "\" OR \"\"=\"",
          "/* comment */",
          "1; SELECT 1",
          "%",
          "_",
          "%_%",
          "\\",
          "\\'",
          "' || (SELECT version()) || '",
          "$$",
          "E'\\x00'");

  private static final List<String> LUCENE =
      List.of(
          ":",
          "(",
          ")",
          "*",
          "?",
          "~",
          "^",
          "[",
          "]",
          "{",
          "}",
          "\\",
          "/",
          "+",
          "-",
          "!",
          "\"",
          "AND",
          "OR",
          "NOT",
          "&&",
          "||",
          "title:(chaos OR resilience)^3",
          "resilience~2",
          "*:*",
          "[a TO z]",
          "{a TO z}",
          "\"unclosed phrase",
          "-",
          "--",
          "- -",
          "a AND",
          "/regex.*/",
          "foo\\",
          "\"\"",
          "-\"\"",
          "field:",
          "chaos^",
          "~~~",
          "\\\\",
          "*ilience",
          "?",
          "a*b?c",
          "NOT NOT NOT");

  private static final List<String> UNICODE =
      List.of(
          "\u0000",
          "a\u0000b",
          "\u0007\u001b[31mred",
          "\u001f",
          "\u007f",
          "\r\n\r\n",
          "\uD800",
          "\uDFFF",
          "a\uDC00b",
          "\uD83D\uDE00",
          "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67",
          "e\u0301\u0301\u0301\u0301",
          "Z\u0338\u0322\u031Ba\u0334l\u0337g\u0338o\u0336",
          "\u202Eevil\u202C",
          "\u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627",
          "\uFEFF",
          "\uFFFF",
          "\uFFFE",
          "\uFFFD",
          "\u200B\u200C\u200D",
          "\u2028\u2029",
          "\uD835\uDD4F",
          "\u00DF\u0130\u0131",
          "\uFB01",
          "\u3000",
          "\uFF21\uFF22\uFF23",
          "\u0663\u0664",
          "\u00A0");

  private static final List<String> OTHER =
      List.of(
          "null",
          "undefined",
          "NaN",
          "Infinity",
          "-0",
          "1e999",
          "0x10",
          "007",
          "9999999999999999999999",
          "<script>alert(1)</script>",
          "../../etc/passwd",
          "%00",
          "%2e%2e%2f",
          "${jndi:ldap://127.0.0.1/x}",
          "{{7*7}}",
          "#{7*7}",
          "true",
          "[]",
          "{}");

  /** Strings that trip careless parsers, query builders, search syntax and terminals. */
  static final Gen<String> NASTY =
      Gen.frequency(
          Tuple.of(3, Gen.choose(SQL)),
          Tuple.of(3, Gen.choose(LUCENE)),
          Tuple.of(4, Gen.choose(UNICODE)),
          Tuple.of(2, Gen.choose(OTHER)));

  private static final Gen<String> EMOJI =
      Gen.choose(0x1F300, 0x1FAFF).map(cp -> new String(Character.toChars(cp)));

  /** One character, or a pair of them for a code point outside the BMP. */
  static final Gen<String> CHAR =
      Gen.frequency(
          Tuple.of(40, Gen.choose('a', 'z').map(String::valueOf)),
          Tuple.of(10, Gen.choose(' ', '~').map(String::valueOf)),
          Tuple.of(4, Gen.choose('\u0000', '\u001f').map(String::valueOf)),
          Tuple.of(4, Gen.choose('\u00a0', '\u024f').map(String::valueOf)),
          Tuple.of(3, Gen.choose('\u0590', '\u06ff').map(String::valueOf)),
          Tuple.of(3, Gen.choose('\u0300', '\u036f').map(String::valueOf)),
          Tuple.of(3, Gen.choose('\u4e00', '\u9fff').map(String::valueOf)),
          Tuple.of(2, Gen.choose('\ud800', '\udfff').map(String::valueOf)),
          Tuple.of(3, EMOJI));

  /** Characters that are never whitespace and never trimmed away. */
  private static final Gen<String> VISIBLE =
      Gen.frequency(
          Tuple.of(10, Gen.choose('a', 'z').map(String::valueOf)),
          Tuple.of(3, Gen.choose('!', '~').map(String::valueOf)),
          Tuple.of(2, Gen.choose('\u4e00', '\u9fff').map(String::valueOf)),
          Tuple.of(2, Gen.choose('\u05d0', '\u05ea').map(String::valueOf)),
          Tuple.of(2, EMOJI));

  static final Gen<String> WORD =
      Arbitrary.string(Gen.choose('a', 'z')).apply(12).filter(w -> !w.isEmpty());

  /** Ordinary words, as titles and names have them. */
  static final Gen<String> WORDS =
      Arbitrary.list(WORD.arbitrary()).apply(6).map(words -> String.join(" ", words));

  private Values() {}

  /** Text of at most {@code max} chars: words, odd characters, metacharacters, mixtures. */
  static Gen<String> text(int max) {
    Gen<String> chars = Arbitrary.list(CHAR.arbitrary()).apply(40).map(cs -> String.join("", cs));
    Gen<String> mixed =
        Arbitrary.list(Gen.oneOf(WORDS, NASTY, CHAR).arbitrary())
            .apply(8)
            .map(parts -> String.join(" ", parts));
    Gen<String> edge = random -> repeat(VISIBLE, Math.min(max, 3000), random);
    return Gen.frequency(
            Tuple.of(5, WORDS),
            Tuple.of(3, chars),
            Tuple.of(3, NASTY),
            Tuple.of(4, mixed),
            Tuple.of(1, edge))
        .map(s -> s.length() > max ? s.substring(0, max) : s);
  }

  /** Text that has at least one character that is not whitespace. */
  static Gen<String> nonBlankText(int max) {
    return random -> {
      String word = WORD.apply(random);
      String text = text(max).apply(random);
      String out = random.nextBoolean() ? word + " " + text : text + word;
      return out.length() > max ? out.substring(0, Math.max(0, max - word.length())) + word : out;
    };
  }

  /** More than {@code max} characters, none of them whitespace, so no trimming shortens it. */
  static Gen<String> tooLong(int max) {
    return random -> repeat(VISIBLE, max + 1 + random.nextInt(Math.max(2, max / 10)), random);
  }

  private static String repeat(Gen<String> chars, int length, java.util.Random random) {
    StringBuilder out = new StringBuilder(length + 2);
    String filler = WORD.apply(random);
    while (out.length() < length) {
      out.append(random.nextInt(8) == 0 ? chars.apply(random) : filler);
    }
    return out.toString();
  }

  /** A slug of {@code prefix} that nothing else has. */
  static Gen<String> freshSlug(String prefix) {
    return random ->
        prefix + "-" + WORD.apply(random) + "-" + Integer.toString(random.nextInt(1 << 30), 36);
  }

  /** Strings that are not slugs: wrong characters, stray hyphens, too long, not even text. */
  static final Gen<String> MALFORMED_SLUG =
      Gen.frequency(
              Tuple.of(
                  6,
                  Gen.choose(
                      "-",
                      "a-",
                      "-a",
                      "a--b",
                      "A",
                      "Chaos-Engineering",
                      "a b",
                      "a_b",
                      "\u00e4",
                      "a.b",
                      "a/b",
                      "..",
                      "a%2Fb",
                      "a\u0000",
                      "\u0663",
                      "\uFF41",
                      "a\u0301",
                      "resiliency\n",
                      " resiliency",
                      "\u0130",
                      "\uD83D\uDE00",
                      "a\uD800",
                      "\u2212a")),
              Tuple.of(3, NASTY),
              Tuple.of(2, Gen.choose(SLUG_MAX + 1, 600).map("a"::repeat)),
              Tuple.of(3, text(200)))
          .filter(s -> !isSlug(s) && !s.isBlank());

  static boolean isSlug(String s) {
    return s.length() <= SLUG_MAX && SLUG.matcher(s).matches();
  }

  /** Dates as the catalog format has them. */
  static final Gen<String> DATE =
      Gen.frequency(
          Tuple.of(
              10,
              Gen.choose(
                      LocalDate.of(1990, 1, 1).toEpochDay(),
                      LocalDate.of(2035, 12, 31).toEpochDay())
                  .map(d -> LocalDate.ofEpochDay(d).toString())),
          Tuple.of(1, Gen.choose("0001-01-01", "9999-12-31", "2020-02-29", "1970-01-01")));

  /** Strings no date parser accepts. */
  static final Gen<String> BAD_DATE =
      Gen.choose(
          "2019-02-30",
          "2019-13-01",
          "2019-00-10",
          "2019-1-1",
          "19-11-11",
          "2019/11/11",
          "11.11.2019",
          "0000-00-00",
          "today",
          "1e999",
          "NaN",
          "2019-11-11 00:00",
          "\uFF12\uFF10\uFF11\uFF19-11-11",
          "2019-11-11\u0000",
          "2019-W45-1");

  /** Dates the parser reads but that lie at the ends of what anything stores. */
  static final Gen<String> ODD_DATE =
      Gen.choose(
          "+999999999-12-31",
          "-999999999-01-01",
          "+10000-01-01",
          "-0001-12-31",
          "0000-01-01",
          RAW + "1e999",
          RAW + "-1",
          RAW + "99999999999",
          RAW + "0");

  static final Gen<String> INSTANT =
      Gen.frequency(
          Tuple.of(
              10,
              Gen.choose(631152000L, 2082758399L)
                  .map(
                      s ->
                          java.time.Instant.ofEpochSecond(s)
                              .truncatedTo(ChronoUnit.MINUTES)
                              .toString())),
          Tuple.of(
              1,
              Gen.choose(
                  "0001-01-01T00:00:00Z",
                  "9999-12-31T23:59:59Z",
                  "2017-11-13T18:35:00.123456789Z",
                  LocalDate.of(2020, 2, 29).atStartOfDay().toInstant(ZoneOffset.UTC).toString())));

  static final Gen<String> BAD_INSTANT =
      Gen.choose(
          "2017-11-13T25:00:00Z",
          "2017-02-30T10:00:00Z",
          "2017-11-13 18:35",
          "yesterday",
          "1e999",
          "NaN",
          "2017-11-13T18:35:00ZZ",
          "T18:35:00Z",
          "2017-13-13T18:35:00Z");

  static final Gen<String> ODD_INSTANT =
      Gen.choose(
          "+1000000000-01-01T00:00:00Z",
          "-1000000000-01-01T00:00:00Z",
          "+999999999-12-31T23:59:59Z",
          "-0001-01-01T00:00:00Z",
          "2017-11-13T18:35:00+14:00",
          RAW + "1e999",
          RAW + "-1e18",
          RAW + "9223372036854775808",
          RAW + "1.5e300",
          RAW + "0");

  static final Gen<String> URL =
      Gen.frequency(
          Tuple.of(5, WORD.map(w -> "https://example.org/" + w)),
          Tuple.of(
              1,
              Gen.choose(
                  "http://localhost:1/",
                  "https://example.org/a?b=c&d=%00#frag",
                  "ftp://example.org/x",
                  "https://\u00e9xample.org/\u00fc",
                  "https://example.org/" + "a".repeat(1900))));

  static final Gen<String> BAD_URL =
      Gen.choose(
          "not a url", "://example.org", "http//example.org", "https://exa mple.org/", "\u0000");

  /** Numbers as text that are not whole numbers, or not ones anything fits. */
  static final Gen<String> BAD_NUMBER =
      Gen.choose(
          "abc",
          "1.5",
          "1e2",
          "1e999",
          "NaN",
          "Infinity",
          "-",
          "+",
          "0x10",
          "99999999999999999999",
          "2147483648",
          "-2147483649",
          "\u0663",
          "1,000",
          " ",
          "1 2",
          "\u0000",
          "--1");

  /** A cursor that is not one the server gave: noise, or a real one cut, changed or forged. */
  static Gen<String> badCursor(List<String> real) {
    Gen<String> noise =
        Gen.frequency(
            Tuple.of(3, Gen.oneOf(WORD, NASTY)),
            Tuple.of(3, WORD.map(Values::base64)),
            Tuple.of(2, text(60).map(Values::base64)),
            Tuple.of(1, Gen.choose("", "=", "====", "!!", "a", "AAAA", "____", "-_-_")));
    if (real.isEmpty()) {
      return noise;
    }
    Gen<String> cut =
        Gen.choose(real).flatMap(c -> Gen.choose(0, c.length()).map(n -> c.substring(0, n)));
    Gen<String> forged =
        random -> {
          String raw = decode(Gen.choose(real).apply(random));
          String[] parts = raw.split("\u001f", -1);
          int i = random.nextInt(parts.length);
          parts[i] =
              Gen.frequency(
                      Tuple.of(
                          3,
                          Gen.choose(
                              "",
                              "x",
                              "-1",
                              "1e999",
                              "NaN",
                              "9999999999999999999",
                              "\u0000",
                              "2017-13-45")),
                      Tuple.of(2, NASTY),
                      Tuple.of(1, text(40)))
                  .apply(random);
          String forgedRaw = String.join("\u001f", parts);
          if (random.nextInt(4) == 0) {
            forgedRaw = random.nextBoolean() ? forgedRaw + "\u001fextra" : parts[0];
          }
          return base64(forgedRaw);
        };
    return Gen.frequency(Tuple.of(2, noise), Tuple.of(2, cut), Tuple.of(4, forged));
  }

  static String base64(String raw) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String cursor) {
    try {
      return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return cursor;
    }
  }
}
