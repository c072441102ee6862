package dev.podium.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CursorTest {

  @Test
  void roundTripsKeysWithAnyCharacters() {
    Cursor cursor = Cursor.of("talks-title", "Café: ünïcode, commas & \"quotes\"", "some-slug");
    Cursor back = Cursor.decode(cursor.encode(), "talks-title", 2);
    assertThat(back).isEqualTo(cursor);
  }

  @Test
  void isUrlSafe() {
    String token = Cursor.of("talks", "??>>//++", "x").encode();
    assertThat(token).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void refusesACursorOfAnotherList() {
    String token = Cursor.of("speakers", "Nora Jones", "nora-jones").encode();
    assertThatThrownBy(() -> Cursor.decode(token, "topics", 2))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("cursor"));
  }

  @Test
  void refusesGarbage() {
    for (String garbage : new String[] {"%%%", "not base64!", "", "AAAA"}) {
      assertThatThrownBy(() -> Cursor.decode(garbage, "talks", 2))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
  }

  @Test
  void refusesTheWrongNumberOfKeys() {
    String token = Cursor.of("talks", "a", "b", "c").encode();
    assertThatThrownBy(() -> Cursor.decode(token, "talks", 2)).isInstanceOf(ApiException.class);
  }

  @Test
  void refusesAForgedKeyWithANulCharacter() {
    String token = Cursor.of("topics", "\0", "management").encode();
    assertThatThrownBy(() -> Cursor.decode(token, "topics", 2))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
  }
}
