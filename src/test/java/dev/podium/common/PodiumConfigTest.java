package dev.podium.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PodiumConfigTest {

  private final PodiumConfig.ZeroOrMore zeroOrMore = new PodiumConfig.ZeroOrMore();

  @Test
  void aCountOfZeroOrMoreIsTakenAsWritten() {
    assertThat(zeroOrMore.convert("0")).isZero();
    assertThat(zeroOrMore.convert(" 4 ")).isEqualTo(4);
  }

  @Test
  void aNegativeCountStopsTheStartSayingWhy() {
    assertThatThrownBy(() -> zeroOrMore.convert("-1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("it must be 0 or more, not -1");
    assertThatThrownBy(() -> zeroOrMore.convert("two")).isInstanceOf(NumberFormatException.class);
  }
}
