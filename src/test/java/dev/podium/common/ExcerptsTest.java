package dev.podium.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptsTest {

  @Test
  void keepsShortTextWhole() {
    assertThat(Excerpts.of("A short abstract.")).isEqualTo("A short abstract.");
    assertThat(Excerpts.of(null)).isNull();
  }

  @Test
  void foldsWhiteSpace() {
    assertThat(Excerpts.of("  Line one.\n\nLine   two.  ")).isEqualTo("Line one. Line two.");
  }

  @Test
  void cutsLongTextAtAWordBoundaryWithAnEllipsis() {
    String text = "word ".repeat(100).strip();
    String excerpt = Excerpts.of(text);
    assertThat(excerpt).hasSizeLessThanOrEqualTo(300).endsWith("word…");
    assertThat(text).startsWith(excerpt.substring(0, excerpt.length() - 1));
  }

  @Test
  void exactly300CharactersIsNotCut() {
    String text = "a".repeat(300);
    assertThat(Excerpts.of(text)).isEqualTo(text);
  }

  @Test
  void dropsDanglingPunctuationBeforeTheEllipsis() {
    String text = "x".repeat(280) + ", " + "y".repeat(40);
    assertThat(Excerpts.of(text)).isEqualTo("x".repeat(280) + "…");
  }

  @Test
  void cutsAWordLongerThanTheLimitWithoutSplittingASurrogatePair() {
    String text = "😀".repeat(200);
    String excerpt = Excerpts.of(text);
    assertThat(excerpt).hasSizeLessThanOrEqualTo(300).endsWith("…");
    String body = excerpt.substring(0, excerpt.length() - 1);
    assertThat(Character.isHighSurrogate(body.charAt(body.length() - 1))).isFalse();
  }

  @Test
  void foldsWhiteSpaceInLongTextBeforeCuttingIt() {
    String text = "\n  Resilience\t\ttesting   at\r\nscale. ".repeat(40);
    String excerpt = Excerpts.of(text);
    assertThat(excerpt).hasSizeLessThanOrEqualTo(300).endsWith("…").doesNotContain("  ", "\n");
    assertThat(excerpt).startsWith("Resilience testing at scale. Resilience testing at scale.");
    assertThat(text.strip().replaceAll("\\s+", " "))
        .startsWith(excerpt.substring(0, excerpt.length() - 1));
  }
}
