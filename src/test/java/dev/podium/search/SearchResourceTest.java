package dev.podium.search;

import static dev.podium.search.Api.hits;
import static dev.podium.search.Api.search;
import static dev.podium.search.Api.slugs;
import static dev.podium.search.Api.word;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The search contract on the demo data (QCon San Francisco resiliency talks): ranking, typos,
 * answers, facets, filters, paging and errors. Other tests may have added content (a pyvideo
 * import, say), so assertions compare demo documents with each other or filter to them, never count
 * the whole index.
 */
@QuarkusTest
class SearchResourceTest {

  static final String DESIGNING = "designing-services-resilience-testing-netflix";
  static final String MONITORING = "monitoring-tracing-netflix-streaming-data-infrastructure";
  static final String EXPEDIA = "expedia-journey-toward-site-resiliency";
  static final String MIGRATIONS = "building-resilience-production-migrations";
  static final List<String> RESILIENCY_TALKS = List.of(DESIGNING, MONITORING, EXPEDIA, MIGRATIONS);

  private final Api api = new Api();

  @AfterEach
  void deleteCreated() {
    api.deleteCreated();
  }

  /** Position of a hit in the list, failing when it is not there. */
  private static int rank(List<String> hits, String hit) {
    assertThat(hits).contains(hit);
    return hits.indexOf(hit);
  }

  @Nested
  class Ranking {

    @Test
    void aTitleMatchRanksAboveAnAbstractMatch() {
      List<String> talks = slugs(search("netflix", "type", "talk", "limit", 100));
      assertThat(rank(talks, DESIGNING)).isLessThan(rank(talks, MIGRATIONS));
      assertThat(rank(talks, MONITORING)).isLessThan(rank(talks, MIGRATIONS));
    }

    @Test
    void aTopicNameRanksAboveTheTrackAndAudience() {
      // Expedia's talk is on the DevOps topic; Nora Jones's is in a DevOps track, for DevOps
      // engineers.
      List<String> talks = slugs(search("devops", "type", "talk", "limit", 100));
      assertThat(rank(talks, EXPEDIA)).isLessThan(rank(talks, DESIGNING));
    }

    @Test
    void titlesAndTopicNamesRankAboveAbstractsAndBios() {
      String w = word();
      JsonNode speaker =
          api.create(
              "speakers",
              Map.of(
                  "slug",
                  Api.slug("speaker"),
                  "name",
                  "Bio Person",
                  "bio",
                  "Writes on " + w + "."));
      JsonNode inTitle = api.talk("The " + w + " Handbook", "A plain abstract.");
      JsonNode inAbstract = api.talk("A Plain Title", "Everything about " + w + " in practice.");
      JsonNode topic = api.topic(w + " Studies", null);
      List<String> hits = hits(search(w));
      String title = "talk:" + inTitle.path("slug").asText();
      String abstractHit = "talk:" + inAbstract.path("slug").asText();
      String topicHit = "topic:" + topic.path("slug").asText();
      String bio = "speaker:" + speaker.path("slug").asText();
      assertThat(hits).hasSize(4);
      for (String strong : List.of(title, topicHit)) {
        assertThat(rank(hits, strong)).isLessThan(rank(hits, abstractHit));
        assertThat(rank(hits, strong)).isLessThan(rank(hits, bio));
      }
    }

    @Test
    void documentsWithAllWordsRankAboveThoseWithSome() {
      // Expedia's talk is all about resilience but never mentions Netflix.
      List<String> talks =
          slugs(search("resilience netflix", "type", "talk", "topic", "resiliency", "limit", 100));
      for (String withBoth : List.of(DESIGNING, MONITORING, MIGRATIONS)) {
        assertThat(rank(talks, withBoth)).isLessThan(rank(talks, EXPEDIA));
      }
      // A title that repeats one word ranks first for that word alone, not for both.
      String one = word();
      String two = word();
      String strong = api.talk(one + ": " + one + " and " + one, null).path("slug").asText();
      String both =
          api.talk("Notes", "On " + one + ", and a little on " + two + ".").path("slug").asText();
      assertThat(slugs(search(one))).containsExactly(strong, both);
      assertThat(slugs(search(one + " " + two))).containsExactly(both, strong);
    }

    @Test
    void aQuotedPhraseMustMatchInOrder() {
      List<String> hits = hits(search("\"production migrations\"", "limit", 100));
      assertThat(hits)
          .contains(
              "talk:" + MIGRATIONS,
              "interview:building-resilience-production-migrations-interview",
              "topic:migrations")
          .doesNotContain("talk:" + DESIGNING, "talk:" + EXPEDIA, "talk:" + MONITORING);
      assertThat(hits(search("\"migrations production\"", "topic", "resiliency"))).isEmpty();
    }

    @Test
    void aMinusExcludesAWordOrAPhrase() {
      assertThat(slugs(search("resilience", "type", "talk", "topic", "resiliency")))
          .containsAll(RESILIENCY_TALKS);
      assertThat(slugs(search("resilience -netflix", "type", "talk", "topic", "resiliency")))
          .contains(EXPEDIA)
          .doesNotContain(DESIGNING, MONITORING, MIGRATIONS);
      assertThat(
              slugs(
                  search(
                      "resilience -\"production migrations\"",
                      "type",
                      "talk",
                      "topic",
                      "resiliency")))
          .contains(DESIGNING, MONITORING, EXPEDIA)
          .doesNotContain(MIGRATIONS);
      assertThat(slugs(search("-netflix", "type", "talk", "topic", "resiliency")))
          .contains(EXPEDIA)
          .doesNotContain(DESIGNING, MONITORING, MIGRATIONS);
    }

    @Test
    void aSpeakersFullNameFindsTheirTalksFirst() {
      Map<String, String> talkOf =
          Map.of(
              "Nora Jones", DESIGNING,
              "sangeeta handa", MIGRATIONS,
              "Allen Wang", MONITORING,
              "Willie Wheeler", EXPEDIA,
              "SAHAR SAMIEI", EXPEDIA);
      talkOf.forEach(
          (name, talk) -> {
            JsonNode talks = search(name, "type", "talk", "limit", 100);
            assertThat(slugs(talks)).as(name).contains(talk);
            JsonNode first = talks.path("items").get(0).path("summary");
            assertThat(first.path("speakers").findValuesAsText("name"))
                .as(name + " gives the first talk found")
                .anyMatch(n -> n.equalsIgnoreCase(name));
          });
      assertThat(hits(search("Nora Jones")).subList(0, 2))
          .containsExactlyInAnyOrder("talk:" + DESIGNING, "speaker:nora-jones");
    }
  }

  @Nested
  class Typos {

    /** The talks with the word "resilience" itself (the fourth is only on the topic). */
    private static final List<String> SAYING_RESILIENCE = List.of(DESIGNING, EXPEDIA, MIGRATIONS);

    @ParameterizedTest
    @ValueSource(strings = {"resilence", "reslience", "resilienec", "rezilience", "resiliense"})
    void aLongWordWithOneTypoFindsItsDocuments(String typo) {
      assertThat(slugs(search(typo, "type", "talk", "topic", "resiliency", "limit", 100)))
          .containsAll(SAYING_RESILIENCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"reslienec", "resilaince", "rezilinece", "rseilienec"})
    void aLongWordWithTwoTyposFindsItsDocuments(String typo) {
      assertThat(slugs(search(typo, "type", "talk", "topic", "resiliency", "limit", 100)))
          .containsAll(SAYING_RESILIENCE);
    }

    @Test
    void typosInTitleWordsFindTheTalkFirst() {
      Map<String, String> talkOf =
          Map.of(
              "monitorign", MONITORING,
              "desinging", DESIGNING,
              "mgiratoins", MIGRATIONS,
              "expdeia", EXPEDIA);
      talkOf.forEach(
          (typo, talk) ->
              assertThat(slugs(search(typo, "type", "talk", "topic", "resiliency")).get(0))
                  .as(typo)
                  .isEqualTo(talk));
    }

    @Test
    void aTypoRanksBelowAnExactMatch() {
      String exact = "zephyrine";
      String oneAway = "zephyrane";
      String twoAway = "zephyrono";
      JsonNode a = api.talk("Patterns of " + exact, null);
      JsonNode b = api.talk("Patterns of " + oneAway, null);
      JsonNode c = api.talk("Patterns of " + twoAway, null);
      String as = a.path("slug").asText();
      String bs = b.path("slug").asText();
      String cs = c.path("slug").asText();
      List<String> found = slugs(search(exact, "type", "talk"));
      assertThat(found).startsWith(as).contains(bs, cs);
      assertThat(found.indexOf(bs)).isLessThan(found.indexOf(cs));
      assertThat(slugs(search(oneAway, "type", "talk"))).startsWith(bs).contains(as);
    }

    @Test
    void shortWordsNeedToBeExact() {
      // "edge" has four letters: "edgy" or "hedge" are not typos of it.
      String w = word();
      JsonNode talk = api.talk(w + " Edgy Ideas", null);
      assertThat(slugs(search("edge " + w, "type", "talk"))).contains(talk.path("slug").asText());
      assertThat(slugs(search("edge", "type", "talk"))).doesNotContain(talk.path("slug").asText());
    }

    @Test
    void aTypoHitIsHighlightedWhereItMatched() {
      JsonNode hit =
          search("reslience", "type", "talk", "topic", "resiliency").path("items").get(0);
      assertThat(hit.path("highlights").toString()).containsIgnoringCase("<mark>resilien");
    }
  }

  @Nested
  class WhatUsersType {

    @ParameterizedTest
    @ValueSource(
        strings = {
          ":",
          "(",
          ")",
          "*",
          "~",
          "^",
          "[",
          "]",
          "{",
          "}",
          "\\",
          "/",
          "+",
          "!",
          "?",
          "\"",
          "-",
          "--",
          "&&",
          "||",
          "AND",
          "OR",
          "NOT",
          "title:resilience",
          "resilience~2",
          "resilience^10",
          "[a TO z]",
          "{a TO z}",
          "(resilience OR chaos) AND NOT netflix",
          "\"unclosed resilience",
          "resil*",
          "?esilience",
          "/.*/",
          "\\\"",
          "%",
          "%25",
          "<script>",
          "' OR 1=1 --",
          "😀 resilience",
          "résilience",
          "ＲＥＳＩＬＩＥＮＣＥ"
        })
    void querySyntaxIsTextAndNeverAnError(String q) {
      JsonNode result = search(q, "limit", 5);
      assertThat(result.path("items").isArray()).isTrue();
      assertThat(result.path("page").path("total").asLong()).isNotNegative();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "(resilience)",
          "resilience*",
          "+resilience",
          "!resilience",
          "resilience?",
          "[resilience]",
          "{resilience}",
          "\"resilience\"",
          "resilience\\",
          "Résilience",
          "RESILIENCE"
        })
    void punctuationAroundAWordFindsWhatTheWordFinds(String q) {
      List<String> plain = hits(search("resilience", "topic", "resiliency", "limit", 100));
      assertThat(hits(search(q, "topic", "resiliency", "limit", 100)))
          .containsExactlyInAnyOrderElementsOf(plain);
    }

    @Test
    void fiveHundredCharactersAreAnsweredAndMoreAreA400NamingQ() {
      String q =
          ("resilience netflix chaos migrations " + "abcdefghij ".repeat(50)).substring(0, 500);
      search(q);
      StringBuilder words = new StringBuilder();
      for (int i = 0; words.length() < 500; i++) {
        words.append(word()).append(i % 7 == 0 ? " -" : " ");
      }
      search(words.substring(0, 500));
      given()
          .queryParam("q", "x".repeat(501))
          .get("/api/v1/search")
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("status", equalTo(400))
          .body("errors[0].field", equalTo("q"));
    }

    @Test
    void anEmptyQueryListsEverything() {
      JsonNode all = search("", "type", "topic", "topic", "resiliency", "limit", 100);
      assertThat(slugs(all)).contains("resiliency", "chaos-engineering", "migrations");
      JsonNode talks = search(Map.of("type", "talk", "topic", "resiliency", "limit", 100));
      assertThat(slugs(talks)).containsAll(RESILIENCY_TALKS);
    }
  }

  @Nested
  class Answers {

    @Test
    void everyHitHasTypeSlugTitleScoreHighlightsAndSummary() {
      for (String q :
          List.of(
              "resilience",
              "netflix",
              "chaos engineering",
              "reslience",
              "Nora Jones",
              "\"production migrations\"")) {
        JsonNode items = search(q, "limit", 100).path("items");
        assertThat(items.size()).as(q).isPositive();
        for (JsonNode hit : items) {
          String where = q + " → " + hit.path("slug").asText();
          assertThat(hit.path("type").asText())
              .as(where)
              .isIn("talk", "speaker", "interview", "topic");
          assertThat(hit.path("slug").asText()).as(where).isNotBlank();
          assertThat(hit.path("title").asText()).as(where).isNotBlank();
          assertThat(hit.path("score").isNumber()).as(where).isTrue();
          assertThat(hit.path("score").asDouble()).as(where).isPositive();
          assertThat(hit.path("summary").path("slug").asText())
              .as(where)
              .isEqualTo(hit.path("slug").asText());
          assertThat(hit.path("highlights").size()).as(where + " has highlights").isPositive();
          hit.path("highlights")
              .forEach(fragments -> fragments.forEach(f -> checkFragment(where, f.asText())));
        }
      }
    }

    /** A fragment marks what matched, escapes the rest, and shows at most 200 characters. */
    private static void checkFragment(String where, String fragment) {
      assertThat(fragment).as(where).contains("<mark>").contains("</mark>");
      String text = fragment.replace("<mark>", "").replace("</mark>", "");
      assertThat(text).as(where).doesNotContain("<", ">");
      String decoded =
          text.replace("&lt;", "<")
              .replace("&gt;", ">")
              .replace("&quot;", "\"")
              .replace("&#39;", "'")
              .replace("&amp;", "&");
      assertThat(decoded.length()).as(where + ": " + fragment).isLessThanOrEqualTo(200);
    }

    @Test
    void highlightsAreEscapedAroundTheMarks() {
      String w = word();
      String summary =
          "Never trust <script>alert(\"owned\")</script> & friends: 'quotes' matter in "
              + w
              + " work. "
              + "Long text follows to make the abstract longer than one fragment can show. "
                  .repeat(6);
      JsonNode talk = api.talk("Escaping " + w, summary);
      JsonNode hit = search(w).path("items").get(0);
      assertThat(hit.path("slug").asText()).isEqualTo(talk.path("slug").asText());
      assertThat(hit.path("highlights").path("title").get(0).asText())
          .isEqualTo("Escaping <mark>" + w + "</mark>");
      String body = hit.path("highlights").path("body").get(0).asText();
      assertThat(body)
          .contains(
              "&lt;script&gt;alert(&quot;owned&quot;)&lt;/script&gt; &amp; friends: &#39;quotes&#39;")
          .contains("<mark>" + w + "</mark>")
          .doesNotContain("<script>");
      checkFragment(w, body);
    }

    @Test
    void aLongAbstractIsCutToFragmentsOfAtMost200Characters() {
      String w = word();
      String summary =
          "Opening words of a long abstract, "
              + "with padding sentences, ".repeat(30)
              + "then "
              + w
              + " in the middle, "
              + "and more padding ".repeat(30)
              + ".";
      api.talk("Long " + w, summary);
      JsonNode hit = search(w).path("items").get(0);
      String body = hit.path("highlights").path("body").get(0).asText();
      assertThat(body).startsWith("…").endsWith("…").contains("<mark>" + w + "</mark>");
      checkFragment(w, body);
    }

    @Test
    void aTalkHitCarriesTheSummaryTheTalkListServes() {
      for (String conference : List.of("qcon-sf-2017", "qcon-sf-2018", "qcon-sf-2019")) {
        JsonNode list = Api.get("/api/v1/talks", Map.of("conference", conference, "limit", 100));
        for (JsonNode listed : list.path("items")) {
          String slug = listed.path("slug").asText();
          JsonNode hit =
              find(search(listed.path("title").asText(), "type", "talk", "limit", 100), slug);
          assertThat(hit.path("summary")).as(slug).isEqualTo(listed);
          assertThat(hit.path("title").asText()).isEqualTo(listed.path("title").asText());
        }
      }
    }

    @Test
    void aSpeakerTopicOrInterviewHitCarriesItsSummary() {
      JsonNode nora = find(search("Nora Jones", "type", "speaker"), "nora-jones");
      assertThat(nora.path("summary").path("name").asText()).isEqualTo("Nora Jones");
      assertThat(nora.path("summary").path("company").asText()).isEqualTo("Netflix");
      JsonNode chaos = find(search("chaos engineering", "type", "topic"), "chaos-engineering");
      assertThat(chaos.path("summary").path("parent").path("slug").asText())
          .isEqualTo("resiliency");
      JsonNode interview =
          find(
              search("living on the edge", "type", "interview"),
              "living-on-the-edge-track-host-interview");
      JsonNode detail =
          Api.get("/api/v1/interviews/living-on-the-edge-track-host-interview", Map.of());
      assertThat(interview.path("summary").path("title")).isEqualTo(detail.path("title"));
      assertThat(interview.path("summary").path("speaker").path("slug").asText())
          .isEqualTo("wes-reisz");
    }

    private static JsonNode find(JsonNode result, String slug) {
      for (JsonNode hit : result.path("items")) {
        if (hit.path("slug").asText().equals(slug)) {
          return hit;
        }
      }
      throw new AssertionError(slug + " not among " + slugs(result));
    }
  }

  @Nested
  class Facets {

    @Test
    void facetsCountTheWholeResultNotThePage() {
      for (String q : List.of("resilience", "netflix", "chaos", "")) {
        JsonNode one = search(q, "limit", 1, "topic", "resiliency");
        JsonNode all = search(q, "limit", 100, "topic", "resiliency");
        assertThat(one.path("items")).hasSize(1);
        assertThat(one.path("facets")).as(q).isEqualTo(all.path("facets"));
        assertThat(one.path("page").path("total")).isEqualTo(all.path("page").path("total"));
        assertThat(all.path("estimated").isBoolean()).isTrue();
        assertThat(all.path("estimated").asBoolean()).as("counted exactly").isFalse();
        assertThat(all.path("page").path("next").isNull()).isTrue();
        assertThat(all.path("facets").path("type"))
            .as(q)
            .isEqualTo(Api.JSON.valueToTree(countTypes(all)));
      }
    }

    @Test
    void facetsOfTalksCountTheirTopicsYearsAndConferences() {
      for (String q : List.of("resilience", "netflix", "")) {
        JsonNode result = search(q, "type", "talk", "topic", "resiliency", "limit", 100);
        assertThat(result.path("facets")).as(q).isEqualTo(expectedTalkFacets(result));
      }
    }

    @Test
    void theFourDimensionsAreAlwaysThere() {
      JsonNode none = search(word());
      assertThat(none.path("items")).isEmpty();
      assertThat(none.path("page").path("total").asInt()).isZero();
      for (String dim : List.of("type", "topic", "year", "conference")) {
        assertThat(none.path("facets").has(dim)).as(dim).isTrue();
        assertThat(none.path("facets").path(dim)).as(dim).isEmpty();
      }
    }
  }

  @Nested
  class Filters {

    @Test
    void typeNarrowsHitsAndFacets() {
      JsonNode talks = search("resilience", "type", "talk", "limit", 100);
      assertThat(hits(talks)).isNotEmpty().allMatch(h -> h.startsWith("talk:"));
      assertThat(talks.path("facets").path("type"))
          .isEqualTo(
              Api.JSON.valueToTree(Map.of("talk", talks.path("page").path("total").asInt())));
    }

    @Test
    void typeIsRepeatable() {
      JsonNode both =
          search(Map.of("q", "resilience", "type", List.of("talk", "topic"), "limit", 100));
      assertThat(hits(both))
          .allMatch(h -> h.startsWith("talk:") || h.startsWith("topic:"))
          .anyMatch(h -> h.startsWith("talk:"))
          .anyMatch(h -> h.startsWith("topic:"));
      assertThat(both.path("facets").path("type"))
          .isEqualTo(Api.JSON.valueToTree(countTypes(both)));
      assertThat(both.path("facets").path("type").size()).isEqualTo(2);
    }

    @Test
    void aTopicFilterIncludesItsSubTopics() {
      JsonNode topics = search("", "type", "topic", "topic", "resiliency", "limit", 100);
      assertThat(slugs(topics))
          .containsExactlyInAnyOrder("resiliency", "chaos-engineering", "migrations");
      // A talk only on Chaos Engineering is found under Resiliency, its parent.
      String w = word();
      JsonNode talk =
          api.talk("Game days with " + w, null, List.of(), List.of("chaos-engineering"));
      String slug = talk.path("slug").asText();
      assertThat(slugs(search(w, "topic", "resiliency"))).containsExactly(slug);
      assertThat(slugs(search(w, "topic", "chaos-engineering"))).containsExactly(slug);
      assertThat(slugs(search(w, "topic", "migrations"))).isEmpty();
      JsonNode facets = search(w, "topic", "resiliency").path("facets");
      assertThat(facets.path("topic"))
          .isEqualTo(Api.JSON.valueToTree(Map.of("chaos-engineering", 1)));
    }

    @Test
    void conferenceYearAndSpeakerNarrowHitsAndFacets() {
      check(
          Map.of("q", "resilience", "type", "talk", "conference", "qcon-sf-2017"),
          r -> {
            assertThat(slugs(r))
                .contains(DESIGNING, EXPEDIA)
                .doesNotContain(MIGRATIONS, MONITORING);
            r.path("items")
                .forEach(
                    h ->
                        assertThat(h.at("/summary/conference/slug").asText())
                            .isEqualTo("qcon-sf-2017"));
            assertThat(r.path("facets")).isEqualTo(expectedTalkFacets(r));
            assertThat(fieldNames(r.path("facets").path("conference")))
                .containsExactly("qcon-sf-2017");
          });
      check(
          Map.of("q", "resilience", "year", "2018"),
          r -> {
            assertThat(hits(r))
                .contains(
                    "talk:" + MIGRATIONS,
                    "interview:building-resilience-production-migrations-interview")
                .doesNotContain("talk:" + DESIGNING);
            assertThat(fieldNames(r.path("facets").path("year"))).containsExactly("2018");
            assertThat(r.path("facets").path("year").path("2018").asInt())
                .isEqualTo(r.path("items").size());
          });
      check(
          Map.of("q", "resilience", "speaker", "nora-jones"),
          r -> {
            assertThat(hits(r))
                .contains("talk:" + DESIGNING, "speaker:nora-jones")
                .doesNotContain("talk:" + EXPEDIA);
            for (JsonNode hit : r.path("items")) {
              if (hit.path("type").asText().equals("talk")) {
                assertThat(hit.path("summary").path("speakers").findValuesAsText("slug"))
                    .contains("nora-jones");
              }
            }
          });
      check(
          Map.of(
              "q", "",
              "type", "talk",
              "topic", "resiliency",
              "year", "2019",
              "conference", "qcon-sf-2019",
              "speaker", "allen-wang"),
          r -> {
            assertThat(slugs(r)).contains(MONITORING);
            assertThat(r.path("facets")).isEqualTo(expectedTalkFacets(r));
            assertThat(fieldNames(r.path("facets").path("topic")))
                .contains("resiliency", "observability", "stream-processing");
          });
      check(
          Map.of("q", "resilience", "conference", "qcon-sf-2018", "year", "2017"),
          r -> assertThat(hits(r)).isEmpty());
    }

    private void check(Map<String, ?> params, Consumer<JsonNode> expectations) {
      Map<String, Object> all = new LinkedHashMap<>(params);
      all.put("limit", 100);
      JsonNode result = search(all);
      expectations.accept(result);
      assertThat(result.path("facets").path("type"))
          .isEqualTo(Api.JSON.valueToTree(countTypes(result)));
      assertThat(result.path("page").path("total").asInt()).isEqualTo(result.path("items").size());
    }

    @Test
    void anUnknownFilterValueFindsNothing() {
      assertThat(hits(search("resilience", "topic", "no-such-topic"))).isEmpty();
      assertThat(hits(search("resilience", "speaker", "no-such-speaker"))).isEmpty();
      assertThat(hits(search("resilience", "year", "1999"))).isEmpty();
    }
  }

  @Nested
  class Paging {

    @Test
    void everyHitIsVisitedOnceInAStableOrderWhateverTheLimit() {
      for (String q : List.of("resilience netflix", "resilience")) {
        List<String> whole = hits(search(q, "limit", 100));
        assertThat(whole.size()).isBetween(2, 99);
        for (int limit = 1; limit <= whole.size() + 1; limit++) {
          assertThat(walk(Map.of("q", q), limit)).as(q + " by " + limit).isEqualTo(whole);
        }
      }
    }

    @Test
    void equalScoresArePagedWithoutLossOrRepeat() {
      // Without words every topic scores the same: the tie is broken by id.
      Map<String, Object> params = Map.of("q", "", "type", "topic");
      List<String> byHundred = walk(params, 100);
      assertThat(byHundred).hasSizeGreaterThanOrEqualTo(8).doesNotHaveDuplicates();
      assertThat(walk(params, 3)).isEqualTo(byHundred);
      assertThat(walk(params, 7)).isEqualTo(byHundred);
    }

    @Test
    void aFilterMostHitsMatchPagesTheWholeOrderWithTheOthersLeftOut() {
      // Talks and speakers are most of the catalog, so their pages are kept from the hits of the
      // words alone; a single type is kept by searching words and type together.
      for (String q : List.of("resilience", "resilience netflix")) {
        List<String> whole = hits(search(q, "limit", 100));
        List<String> talksAndSpeakers =
            whole.stream().filter(h -> h.startsWith("talk:") || h.startsWith("speaker:")).toList();
        assertThat(talksAndSpeakers).hasSizeGreaterThan(3).hasSizeLessThan(whole.size());
        for (int limit : List.of(1, 2, 5, 100)) {
          assertThat(walk(Map.of("q", q, "type", List.of("talk", "speaker")), limit))
              .as(q + " by " + limit)
              .isEqualTo(talksAndSpeakers);
        }
        assertThat(walk(Map.of("q", q, "type", "speaker"), 2))
            .isEqualTo(whole.stream().filter(h -> h.startsWith("speaker:")).toList());
      }
    }

    @Test
    void theNextPageIsLinked() {
      var response =
          given()
              .queryParam("q", "resilience")
              .queryParam("limit", 1)
              .get("/api/v1/search")
              .then()
              .statusCode(200)
              .extract();
      String next = response.path("page.next");
      assertThat(next).isNotBlank();
      assertThat(response.header("Link")).contains("cursor=" + next).contains("rel=\"next\"");
    }

    /** All hits, page by page, with {@code limit} per page. */
    private List<String> walk(Map<String, ?> params, int limit) {
      List<String> seen = new ArrayList<>();
      String cursor = null;
      for (int pages = 0; pages < 1000; pages++) {
        Map<String, Object> page = new HashMap<>(params);
        page.put("limit", limit);
        if (cursor != null) {
          page.put("cursor", cursor);
        }
        JsonNode result = search(page);
        assertThat(result.path("items").size()).isLessThanOrEqualTo(limit);
        seen.addAll(hits(result));
        JsonNode next = result.path("page").path("next");
        if (next.isNull()) {
          assertThat(seen).hasSize(result.path("page").path("total").asInt());
          return seen;
        }
        assertThat(result.path("items").size()).isEqualTo(limit);
        cursor = next.asText();
      }
      throw new AssertionError("more than 1000 pages");
    }
  }

  @Nested
  class BadParameters {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "limit=0",
          "limit=101",
          "limit=-1",
          "limit=ten",
          "limit=1.5",
          "cursor=not-a-cursor",
          "cursor=%21%21%21",
          "cursor=c2VhcmNoHw",
          "cursor=c2VhcmNoH3p6H3RhbGs6eA",
          "type=video",
          "type=talk&type=podcast",
          "type=TALK",
          "year=abc",
          "year=0",
          "year=10000",
          "year=2018.5",
          "topic=Not%20A%20Slug",
          "conference=qcon_sf",
          "speaker=Nora%20Jones"
        })
    void areA400ProblemNamingTheParameter(String query) {
      String name = query.substring(query.lastIndexOf('&') + 1, query.lastIndexOf('='));
      given()
          .urlEncodingEnabled(false)
          .get("/api/v1/search?q=resilience&" + query)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("status", equalTo(400))
          .body("instance", equalTo("/api/v1/search"))
          .body("errors[0].field", equalTo(name));
    }

    @Test
    void aCursorOfAnotherListIsA400() {
      String talksCursor =
          Api.get("/api/v1/talks", Map.of("limit", 1)).path("page").path("next").asText();
      assertThat(talksCursor).isNotBlank();
      given()
          .queryParam("q", "resilience")
          .queryParam("cursor", talksCursor)
          .get("/api/v1/search")
          .then()
          .statusCode(400)
          .body("errors[0].field", equalTo("cursor"));
    }
  }

  static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Hits per type, as the type facet should count them. */
  static Map<String, Integer> countTypes(JsonNode result) {
    Map<String, Integer> counts = new TreeMap<>();
    result.path("items").forEach(h -> counts.merge(h.path("type").asText(), 1, Integer::sum));
    return counts;
  }

  /** The facets a page of talk hits should have, counted from their summaries. */
  static JsonNode expectedTalkFacets(JsonNode result) {
    Map<String, Map<String, Integer>> facets = new LinkedHashMap<>();
    for (String dim : List.of("type", "topic", "year", "conference")) {
      facets.put(dim, new TreeMap<>());
    }
    for (JsonNode hit : result.path("items")) {
      JsonNode talk = hit.path("summary");
      facets.get("type").merge("talk", 1, Integer::sum);
      talk.path("topics")
          .forEach(t -> facets.get("topic").merge(t.path("slug").asText(), 1, Integer::sum));
      Integer year =
          talk.hasNonNull("startsAt")
              ? Instant.parse(talk.path("startsAt").asText()).atZone(ZoneOffset.UTC).getYear()
              : talk.path("conference").hasNonNull("startDate")
                  ? LocalDate.parse(talk.path("conference").path("startDate").asText()).getYear()
                  : null;
      if (year != null) {
        facets.get("year").merge(year.toString(), 1, Integer::sum);
      }
      if (talk.path("conference").hasNonNull("slug")) {
        facets
            .get("conference")
            .merge(talk.path("conference").path("slug").asText(), 1, Integer::sum);
      }
    }
    return Api.JSON.valueToTree(facets);
  }
}
