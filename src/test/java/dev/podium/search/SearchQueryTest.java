package dev.podium.search;

import static dev.podium.search.TestIndex.speaker;
import static dev.podium.search.TestIndex.talk;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchQueryTest {

  private static final Analyzer ENGLISH = Fields.english();
  private static final Analyzer NAMES = Fields.names();

  @Nested
  class Parse {

    @Test
    void wordsAreSplitOnWhiteSpace() {
      SearchQuery q = SearchQuery.parse("  chaos\tengineering \n netflix ");
      assertThat(q.words()).containsExactly("chaos", "engineering", "netflix");
      assertThat(q.phrases()).isEmpty();
      assertThat(q.excluded()).isEmpty();
      assertThat(q.isEmpty()).isFalse();
    }

    @Test
    void quotedTextIsAPhrase() {
      SearchQuery q = SearchQuery.parse("billing \"production migrations\" netflix");
      assertThat(q.words()).containsExactly("billing", "netflix");
      assertThat(q.phrases()).containsExactly("production migrations");
    }

    @Test
    void aPhraseEndsAWordGluedToIt() {
      SearchQuery q = SearchQuery.parse("chaos\"monkey army\"tests");
      assertThat(q.words()).containsExactly("chaos", "tests");
      assertThat(q.phrases()).containsExactly("monkey army");
    }

    @Test
    void anUnclosedQuoteRunsToTheEnd() {
      SearchQuery q = SearchQuery.parse("netflix \"resilience testing");
      assertThat(q.words()).containsExactly("netflix");
      assertThat(q.phrases()).containsExactly("resilience testing");
    }

    @Test
    void emptyQuotesAreNothing() {
      assertThat(SearchQuery.parse("\"\"").isEmpty()).isTrue();
      assertThat(SearchQuery.parse("\"   \"").isEmpty()).isTrue();
      assertThat(SearchQuery.parse("\"").isEmpty()).isTrue();
    }

    @Test
    void aLeadingMinusExcludesAWord() {
      SearchQuery q = SearchQuery.parse("resilience -netflix -expedia");
      assertThat(q.words()).containsExactly("resilience");
      assertThat(q.excluded()).containsExactly("netflix", "expedia");
    }

    @Test
    void aLeadingMinusExcludesAPhrase() {
      SearchQuery q = SearchQuery.parse("resilience -\"site reliability\"");
      assertThat(q.words()).containsExactly("resilience");
      assertThat(q.phrases()).isEmpty();
      assertThat(q.excluded()).containsExactly("site reliability");
    }

    @Test
    void aMinusInsideAWordIsText() {
      SearchQuery q = SearchQuery.parse("broken-by-design e-mail");
      assertThat(q.words()).containsExactly("broken-by-design", "e-mail");
      assertThat(q.excluded()).isEmpty();
    }

    @Test
    void aLoneMinusIsNothing() {
      assertThat(SearchQuery.parse("-").isEmpty()).isTrue();
      assertThat(SearchQuery.parse("-").excluded()).isEmpty();
      SearchQuery q = SearchQuery.parse("chaos - monkey");
      assertThat(q.words()).containsExactly("chaos", "monkey");
      assertThat(q.excluded()).isEmpty();
    }

    @Test
    void onlyExclusionsIsAnEmptyQuery() {
      SearchQuery q = SearchQuery.parse("-netflix");
      assertThat(q.isEmpty()).isTrue();
      assertThat(q.excluded()).containsExactly("netflix");
    }

    @Test
    void nothingTypedIsEmpty() {
      assertThat(SearchQuery.parse(null).isEmpty()).isTrue();
      assertThat(SearchQuery.parse("").isEmpty()).isTrue();
      assertThat(SearchQuery.parse("   ").isEmpty()).isTrue();
    }

    @Test
    void tokensWithoutLettersOrDigitsAreDropped() {
      SearchQuery q = SearchQuery.parse("chaos ::: ( ) *** -- ?!");
      assertThat(q.words()).containsExactly("chaos");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "title:chaos",
          "(chaos OR monkey) AND NOT netflix",
          "chaos*",
          "chaos~2",
          "chaos^10",
          "[a TO z]",
          "{a TO z}",
          "c:\\windows\\path",
          "/regex.*/",
          "+chaos +monkey",
          "!chaos",
          "chaos? && monkey || netflix",
          "\"unbalanced (\" ) ]",
          "-",
          "--",
          "- -\"\"",
          "\\",
          "AND OR NOT"
        })
    void querySyntaxIsPlainTextAndNeverThrows(String text) {
      assertThatCode(
              () -> {
                SearchQuery q = SearchQuery.parse(text);
                q.toQuery(ENGLISH, NAMES);
                q.toQuery(ENGLISH, NAMES, false);
              })
          .doesNotThrowAnyException();
    }

    @Test
    void operatorsAreWords() {
      assertThat(SearchQuery.parse("chaos AND monkey OR NOT netflix").words())
          .containsExactly("chaos", "AND", "monkey", "OR", "NOT", "netflix");
      assertThat(SearchQuery.parse("title:chaos").words()).containsExactly("title:chaos");
    }

    @Test
    void punctuationAroundAWordMeansTheWord() {
      Query plain = SearchQuery.parse("chaos").toQuery(ENGLISH, NAMES);
      for (String decorated :
          List.of("(chaos)", "chaos*", "+chaos", "!chaos", "chaos?", "[chaos]")) {
        assertThat(SearchQuery.parse(decorated).toQuery(ENGLISH, NAMES))
            .as(decorated)
            .isEqualTo(plain);
      }
    }
  }

  @Nested
  class Build {

    @Test
    void oddInputAlwaysBuilds() {
      for (String text :
          List.of(
              "",
              "the of and",
              "-netflix",
              "-netflix -expedia",
              "\"the of\"",
              "\"\"",
              "x".repeat(500),
              "ab ".repeat(166),
              "-ab ".repeat(125))) {
        assertThatCode(() -> SearchQuery.parse(text).toQuery(ENGLISH, NAMES))
            .as(text)
            .doesNotThrowAnyException();
      }
    }
  }

  /** What queries find, on a small index built with the application's documents. */
  @Nested
  class Matching {

    private static TestIndex index;

    @BeforeAll
    static void index() {
      index = new TestIndex();
      index
          .talk(
              talk(
                  "title-match",
                  "Circuit Breakers in Practice",
                  "A short look at failure handling.",
                  speaker("ann-lee", "Ann Lee")))
          .talk(
              talk(
                  "abstract-match",
                  "Service Design Notes",
                  "Why circuit breakers trip, and what fallbacks do then.",
                  speaker("bo-chen", "Bo Chen")))
          .talk(
              talk(
                  "phrase-reversed",
                  "Engineering for Chaos",
                  "Chaos is what we get when engineering stops.",
                  speaker("cy-diaz", "Cy Diaz")))
          .talk(
              talk(
                  "phrase-exact",
                  "Chaos Engineering at Scale",
                  "Running experiments in production.",
                  speaker("nora-jones", "Nora Jones")))
          .talk(
              talk(
                  "names-apart",
                  "Nora on Jones Street",
                  "A walk through a street market.",
                  speaker("dee-ek", "Dee Ek")))
          .talk(
              talk(
                  "kafka-only",
                  "Kafka Pipelines",
                  "Stream processing with Kafka.",
                  speaker("e-f", "Ed Fu")))
          .talk(
              talk(
                  "date-only",
                  "Release Dates",
                  "Picking a date for the release.",
                  speaker("g-h", "Gil Ho")))
          .talk(
              talk(
                  "typo-neighbour",
                  "Marimbolo Patterns",
                  "Notes on marimbolo.",
                  speaker("i-j", "Ida Jo")))
          .talk(
              talk(
                  "typo-exact",
                  "Marimbalo Patterns",
                  "Notes on marimbalo.",
                  speaker("k-l", "Kai Lu")));
    }

    @AfterAll
    static void close() throws Exception {
      index.close();
    }

    @Test
    void aTitleMatchRanksAboveAnAbstractMatch() {
      assertThat(index.search("circuit breakers")).startsWith("title-match", "abstract-match");
    }

    @Test
    void documentsWithAllWordsRankAboveThoseWithSome() {
      List<String> found = index.search("chaos production");
      assertThat(found.get(0)).isEqualTo("phrase-exact");
      assertThat(found).contains("phrase-reversed");
    }

    @Test
    void aStopWordDoesNotCostTheDocumentWithAllWordsItsPlace() throws Exception {
      // "and" is matched in names only; the talk with all three words still ranks above the one
      // with two of them in its title, as it does for the query without "and".
      try (TestIndex own = new TestIndex()) {
        own.talk(
            talk(
                "all-words",
                "Operations Notes",
                "Kafka consumer lag, measured.",
                speaker("a-b", "Ari Bo")));
        own.talk(
            talk(
                "two-words",
                "Kafka Consumers for Teams That Run Many Services in Many Regions",
                "Nothing else.",
                speaker("c-d", "Cy Do")));
        assertThat(own.search("kafka consumer lag")).startsWith("all-words");
        assertThat(own.search("kafka consumer and lag")).startsWith("all-words");
      }
    }

    @Test
    void aPhraseMustMatchInOrder() {
      assertThat(index.search("\"chaos engineering\"")).containsExactly("phrase-exact");
      assertThat(index.search("\"engineering chaos\"")).isEmpty();
    }

    @Test
    void anExcludedWordRemovesWhatContainsIt() {
      assertThat(index.search("chaos")).contains("phrase-exact", "phrase-reversed");
      assertThat(index.search("chaos -production")).containsExactly("phrase-reversed");
      assertThat(index.search("chaos -nora")).containsExactly("phrase-reversed");
    }

    @Test
    void anExcludedPhraseRemovesOnlyWhatContainsThePhrase() {
      assertThat(index.search("chaos -\"chaos engineering\"")).containsExactly("phrase-reversed");
    }

    @Test
    void onlyExclusionsMatchEverythingElse() {
      List<String> found = index.search("-chaos");
      assertThat(found).doesNotContain("phrase-exact", "phrase-reversed").contains("title-match");
    }

    @Test
    void aFullNameInOrderRanksFirst() {
      assertThat(index.search("nora jones").get(0)).isEqualTo("phrase-exact");
      assertThat(index.search("nora jones")).contains("names-apart");
    }

    @Test
    void aLongWordWithOneOrTwoTyposStillMatchesBelowAnExactMatch() {
      assertThat(index.search("marimbalo")).containsExactly("typo-exact", "typo-neighbour");
      assertThat(index.search("marimbxlo")).contains("typo-exact", "typo-neighbour");
      assertThat(index.search("marimbaxx")).containsExactly("typo-exact");
      assertThat(index.search("breakres")).contains("title-match", "abstract-match");
      assertThat(index.search("brekaers")).contains("title-match", "abstract-match");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "nora jones",
          "chaos engineering",
          "chaos production",
          "chaos -production",
          "\"chaos engineering\" nora",
          "marimbalo breakers",
          "web scraping with python",
          "-chaos"
        })
    void theQueryACountUsesFindsTheSameDocumentsAsTheRankedOne(String text) {
      SearchQuery q = SearchQuery.parse(text);
      List<String> ranked = index.slugs(q.toQuery(ENGLISH, NAMES, word -> true));
      List<String> matching =
          index.slugs(q.toMatchingQuery(ENGLISH, NAMES, word -> true, UnaryOperator.identity()));

      assertThat(matching).containsExactlyInAnyOrderElementsOf(ranked);
    }

    @Test
    void aWordTakenAsTypedMatchesOnlyItself() {
      SearchQuery q = SearchQuery.parse("marimbalo");
      assertThat(index.slugs(q.toQuery(ENGLISH, NAMES, word -> true)))
          .containsExactly("typo-exact", "typo-neighbour");
      assertThat(index.slugs(q.toQuery(ENGLISH, NAMES, word -> !word.equals("marimbalo"))))
          .containsExactly("typo-exact");
    }

    @Test
    void aTypoThatChangesTheStemStillMatches() throws Exception {
      // "reslience" stems to "reslienc", far from "resili"; the word as written is one edit away.
      try (TestIndex own = new TestIndex()) {
        own.talk(
            talk("stem-typo", "Designing for Resilience", "Recursion.", speaker("m-n", "Mo Ng")));
        assertThat(own.search("reslience")).containsExactly("stem-typo");
        assertThat(own.search("resilinece")).containsExactly("stem-typo");
        assertThat(own.search("recusrion")).containsExactly("stem-typo");
        assertThat(own.search("desinging")).containsExactly("stem-typo");
      }
    }

    @Test
    void shortWordsMatchOnlyExactly() {
      assertThat(index.search("data")).doesNotContain("date-only");
      assertThat(index.search("kafk")).isEmpty();
    }

    @Test
    void onlyStopWordsFindNothingRatherThanEverything() {
      assertThat(index.search("the of and")).isEmpty();
    }

    @Test
    void fiveHundredCharactersOfDistinctWordsStillRun() throws Exception {
      Random random = new Random(7);
      List<String> words =
          IntStream.range(0, 90)
              .mapToObj(
                  i ->
                      random
                          .ints(5 + random.nextInt(4), 'a', 'z' + 1)
                          .mapToObj(c -> String.valueOf((char) c))
                          .collect(Collectors.joining()))
              .toList();
      // The text holds each word and ten near misses of it, so every typo alternative of the
      // query expands to many terms.
      String text =
          words.stream()
              .flatMap(
                  w ->
                      IntStream.rangeClosed('a', 'j')
                          .mapToObj(c -> w.substring(0, w.length() - 1) + (char) c))
              .collect(Collectors.joining(" "));
      String q = String.join(" ", words).substring(0, 500);
      try (TestIndex own = new TestIndex()) {
        own.talk(talk("many-words", "Many Words", text, speaker("o-p", "Oz Pi")));
        own.talk(talk("other", "Other Words", "Nothing alike.", speaker("q-r", "Qi Ru")));
        assertThat(own.search(q)).startsWith("many-words");
        String allExcluded = "-" + String.join(" -", words);
        assertThat(own.search(allExcluded.substring(0, 500))).containsExactly("other");
        String allPhrases = "\"" + String.join("\" \"", words);
        assertThatCode(() -> own.search(allPhrases.substring(0, 500))).doesNotThrowAnyException();
      }
    }

    @Test
    void onlyTheFirstWordsOfALongQueryCount() {
      String twelve = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima";
      assertThat(index.search(twelve + " kafka")).doesNotContain("kafka-only");
      assertThat(index.search("kafka " + twelve)).contains("kafka-only");
      assertThat(index.search("Kafka kafka KAFKA " + twelve)).contains("kafka-only");
    }

    @Test
    void emptyInputMatchesEverything() {
      assertThat(index.search("")).hasSize(9);
      assertThat(index.search("-")).hasSize(9);
    }
  }
}
