package dev.podium.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

  @Test
  void acceptsTheContractPattern() {
    assertThat(Slugs.isValid("qcon-sf-2019")).isTrue();
    assertThat(Slugs.isValid("a")).isTrue();
    assertThat(Slugs.isValid("Qcon")).isFalse();
    assertThat(Slugs.isValid("double--hyphen")).isFalse();
    assertThat(Slugs.isValid("-leading")).isFalse();
    assertThat(Slugs.isValid("trailing-")).isFalse();
    assertThat(Slugs.isValid("with space")).isFalse();
    assertThat(Slugs.isValid("a".repeat(121))).isFalse();
    assertThat(Slugs.isValid(null)).isFalse();
  }

  @Test
  void makesSlugsFromTitles() {
    assertThat(Slugs.of("Designing Services for Resilience Testing @Netflix"))
        .isEqualTo("designing-services-for-resilience-testing-netflix");
    assertThat(Slugs.of("Café & Résumé 2.0")).isEqualTo("cafe-resume-2-0");
    assertThat(Slugs.of("  Expedia’s Journey  ")).isEqualTo("expedia-s-journey");
  }

  @Test
  void givesNothingForTextWithoutLettersOrDigits() {
    assertThat(Slugs.of("!!! ---")).isNull();
    assertThat(Slugs.of("日本語")).isNull();
    assertThat(Slugs.of(null)).isNull();
  }

  @Test
  void cutsLongTitlesAtAWordWithinTheLimit() {
    String slug = Slugs.of("word ".repeat(60));
    assertThat(slug).hasSizeLessThanOrEqualTo(120).endsWith("word");
    assertThat(Slugs.isValid(slug)).isTrue();
  }
}
