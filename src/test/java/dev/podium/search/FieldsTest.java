package dev.podium.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class FieldsTest {

  private final Analyzer english = Fields.english();
  private final Analyzer names = Fields.names();

  @Test
  void englishFoldsAccentsAndCase() {
    assertThat(tokens(english, "Résilience")).isEqualTo(tokens(english, "resilience"));
    assertThat(tokens(english, "NAÏVE Café")).isEqualTo(tokens(english, "naive cafe"));
  }

  @Test
  void englishStemsTheFormsOfAWordToOneStem() {
    List<String> stems = tokens(english, "resilience resiliency resilient Résilience");
    assertThat(stems).hasSize(4).containsOnly(stems.get(0));
    assertThat(tokens(english, "migrations migration migrating")).containsOnly("migrat");
    assertThat(tokens(english, "testing tested tests")).containsOnly("test");
  }

  @Test
  void englishDropsStopWordsAndPossessives() {
    assertThat(tokens(english, "The state of the art and a talk"))
        .containsExactly("state", "art", "talk");
    assertThat(tokens(english, "Netflix's")).containsExactly("netflix");
    assertThat(tokens(english, "Expedia’s Journey")).first().isEqualTo("expedia");
    assertThat(tokens(english, "the of and to")).isEmpty();
  }

  @Test
  void englishSplitsOnPunctuationAndKeepsNumbers() {
    assertThat(tokens(english, "Tracing @Netflix: 130 million"))
        .containsExactly("trace", "netflix", "130", "million");
  }

  @Test
  void namesAreFoldedAndLowercasedButNeverStemmed() {
    assertThat(tokens(names, "Jones")).containsExactly("jones");
    assertThat(tokens(names, "Nora Jones")).containsExactly("nora", "jones");
    assertThat(tokens(names, "Łukasz Langa")).containsExactly("lukasz", "langa");
    assertThat(tokens(names, "Zdeněk Němec")).containsExactly("zdenek", "nemec");
    assertThat(tokens(names, "Running Testing")).containsExactly("running", "testing");
  }

  @Test
  void namesKeepStopWords() {
    assertThat(tokens(names, "The Who")).containsExactly("the", "who");
  }

  @Test
  void normalizingATermFoldsItWithoutStemming() {
    assertThat(english.normalize(Fields.TITLE, "Résilience")).isEqualTo(new BytesRef("resilience"));
    assertThat(names.normalize(Fields.NAMES, "JONES")).isEqualTo(new BytesRef("jones"));
  }

  @Test
  void eachFieldIsAnalyzedByItsAnalyzer() {
    Analyzer perField = Fields.perField();
    assertThat(tokens(perField, Fields.NAMES, "Jones Testing")).containsExactly("jones", "testing");
    assertThat(tokens(perField, Fields.SUGGEST, "Resilience Testing"))
        .containsExactly("resilience", "testing");
    assertThat(tokens(perField, Fields.TITLE, "Resilience Testing"))
        .containsExactly("resili", "test");
    assertThat(tokens(perField, Fields.BODY, "the Testing")).containsExactly("test");
    assertThat(tokens(perField, Fields.TOPICS, "Chaos Engineering"))
        .containsExactly("chao", "engin");
  }

  @Test
  void titlesTopicsAndNamesWeighMoreThanAbstractsAndBios() {
    float body = Fields.SEARCHED.get(Fields.BODY);
    assertThat(Fields.SEARCHED.get(Fields.TITLE)).isGreaterThan(body);
    assertThat(Fields.SEARCHED.get(Fields.TOPICS)).isGreaterThan(body);
    assertThat(Fields.SEARCHED.get(Fields.NAMES)).isGreaterThan(body);
  }

  @Test
  void facetsAreTypeTopicYearAndConferenceWithTopicsMultiValued() {
    assertThat(Fields.FACETS)
        .containsExactly(Fields.TYPE, Fields.TOPIC, Fields.YEAR, Fields.CONFERENCE);
    assertThat(Fields.facets().getDimConfig(Fields.TOPIC).multiValued).isTrue();
  }

  private static List<String> tokens(Analyzer analyzer, String text) {
    return tokens(analyzer, "any", text);
  }

  private static List<String> tokens(Analyzer analyzer, String field, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        out.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
