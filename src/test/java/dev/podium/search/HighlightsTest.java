package dev.podium.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class HighlightsTest {

  private final Highlights highlights = new Highlights();

  /** A passage over {@code [start, end)} of {@code content} matching each of {@code words}. */
  private static Passage passage(String content, int start, int end, String... words) {
    Passage p = new Passage();
    p.setStartOffset(start);
    p.setEndOffset(end);
    for (String word : words) {
      int at = content.indexOf(word, start);
      p.addMatch(at, at + word.length(), new BytesRef(word), 1);
    }
    return p;
  }

  private static Passage whole(String content, String... words) {
    return passage(content, 0, content.length(), words);
  }

  /** The text a reader sees: marks dropped, entities decoded. */
  private static String text(String fragment) {
    return fragment
        .replace("<mark>", "")
        .replace("</mark>", "")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
  }

  @Test
  void marksEachMatch() {
    String content = "Designing Services for Resilience Testing";
    assertThat(highlights.format(new Passage[] {whole(content, "Resilience", "Testing")}, content))
        .isEqualTo("Designing Services for <mark>Resilience</mark> <mark>Testing</mark>");
  }

  @Test
  void escapesHtmlAroundTheMarks() {
    String content = "Stop <script>alert(\"x\")</script> & 'quotes' in resilience tests.";
    assertThat(highlights.format(new Passage[] {whole(content, "resilience")}, content))
        .isEqualTo(
            "Stop &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39; in"
                + " <mark>resilience</mark> tests.");
  }

  @Test
  void escapesTheMatchedTextToo() {
    String content = "The <b>bold</b> claim";
    Passage p = new Passage();
    p.setStartOffset(0);
    p.setEndOffset(content.length());
    p.addMatch(4, 15, new BytesRef("b"), 1);
    assertThat(highlights.format(new Passage[] {p}, content))
        .isEqualTo("The <mark>&lt;b&gt;bold&lt;/b&gt;</mark> claim");
  }

  @Test
  void lineBreaksBecomeSpaces() {
    String content = "First line\nsecond\tline about chaos";
    assertThat(highlights.format(new Passage[] {whole(content, "chaos")}, content))
        .isEqualTo("First line second line about <mark>chaos</mark>");
  }

  @Test
  void passagesWithoutMatchesAreLeftOut() {
    String content = "One sentence about chaos. Another about nothing.";
    Passage matched = passage(content, 0, 25, "chaos");
    Passage empty = passage(content, 26, content.length());
    assertThat(Highlights.split(highlights.format(new Passage[] {matched, empty}, content)))
        .containsExactly("One sentence about <mark>chaos</mark>.");
    assertThat(highlights.format(new Passage[] {empty}, content)).isEmpty();
  }

  @Test
  void fragmentsOfOneFieldComeBackApart() {
    String content = "Chaos first. Then chaos again.";
    String formatted =
        highlights.format(
            new Passage[] {passage(content, 0, 12, "Chaos"), passage(content, 13, 30, "chaos")},
            content);
    assertThat(Highlights.split(formatted))
        .containsExactly("<mark>Chaos</mark> first.", "Then <mark>chaos</mark> again.");
    assertThat(Highlights.split(null)).isEmpty();
    assertThat(Highlights.split("")).isEmpty();
  }

  @Test
  void aPassageOfTheMaximumLengthIsKeptWhole() {
    String content = "chaos " + "x".repeat(Highlights.MAX - 6);
    assertThat(content).hasSize(Highlights.MAX);
    String fragment = highlights.format(new Passage[] {whole(content, "chaos")}, content);
    assertThat(text(fragment)).isEqualTo(content);
  }

  @Test
  void aLongPassageIsCutAroundItsFirstMatchAtWordBoundaries() {
    String before = "word ".repeat(60);
    String after = " more".repeat(60);
    String content = before + "resilience" + after;
    String fragment = highlights.format(new Passage[] {whole(content, "resilience")}, content);
    assertThat(fragment).contains("<mark>resilience</mark>").startsWith("…").endsWith("…");
    String text = text(fragment);
    assertThat(text).hasSizeLessThanOrEqualTo(Highlights.MAX);
    String inner = text.substring(1, text.length() - 1);
    assertThat(content).contains(inner);
    assertThat(inner).startsWith("word ").endsWith("more");
  }

  @Test
  void aLongPassageWithItsMatchAtTheStartIsCutOnlyAtTheEnd() {
    String content = "Resilience" + " matters".repeat(60);
    String fragment = highlights.format(new Passage[] {whole(content, "Resilience")}, content);
    assertThat(fragment).startsWith("<mark>Resilience</mark>").endsWith("matters…");
    assertThat(text(fragment)).hasSizeLessThanOrEqualTo(Highlights.MAX);
  }

  @Test
  void escapingDoesNotCountAgainstTheLength() {
    String content = "a & b ".repeat(30) + "chaos" + " <i> & </i>".repeat(30);
    String fragment = highlights.format(new Passage[] {whole(content, "chaos")}, content);
    assertThat(fragment).contains("<mark>chaos</mark>").doesNotContain("<i>", " & ");
    assertThat(text(fragment)).hasSizeLessThanOrEqualTo(Highlights.MAX).contains("chaos");
  }

  @Test
  void everyFragmentOfManyPassagesFits() {
    String sentence = "Chaos engineering at scale " + "with many words ".repeat(20) + ". ";
    String content = sentence.repeat(3);
    List<Passage> passages =
        List.of(
            passage(content, 0, sentence.length(), "Chaos"),
            passage(content, sentence.length(), 2 * sentence.length(), "Chaos"));
    for (String fragment :
        Highlights.split(highlights.format(passages.toArray(Passage[]::new), content))) {
      assertThat(text(fragment)).hasSizeLessThanOrEqualTo(Highlights.MAX);
      assertThat(fragment).contains("<mark>Chaos</mark>");
    }
  }
}
