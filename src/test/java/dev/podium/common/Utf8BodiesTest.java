package dev.podium.common;

import static dev.podium.Api.BASE;
import static dev.podium.Api.assertProblem;
import static dev.podium.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A body that is not well-formed UTF-8 is a 400 problem and changes nothing. Found by the fuzzing
 * suite: an overlong {@code C0 99} in a JSON string was read as U+0019 and the write succeeded.
 */
@QuarkusTest
class Utf8BodiesTest {

  private static byte[] bytes(String before, String hex, String after) {
    byte[] a = before.getBytes(StandardCharsets.UTF_8);
    byte[] b = HexFormat.of().parseHex(hex);
    byte[] c = after.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[a.length + b.length + c.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    System.arraycopy(c, 0, out, a.length + b.length, c.length);
    return out;
  }

  @Test
  void anOverlongSequenceInABodyIsRefusedAndNothingIsCreated() {
    String slug = unique("utf8");
    byte[] body = bytes("{\"slug\":\"" + slug + "\",\"name\":\"a", "c099", "b\"}");
    assertProblem(
            given().contentType("application/json").body(body).post(BASE + "/topics"), 400, "$")
        .body("errors[0].message", equalTo("is not valid UTF-8"));
    assertProblem(given().get(BASE + "/topics/" + slug), 404);
  }

  @Test
  void aWellFormedBodyInEveryLengthOfSequencePasses() {
    String slug = unique("utf8");
    given()
        .contentType("application/json")
        .body(
            ("{\"slug\":\"" + slug + "\",\"name\":\"a \u00e9 \u20ac \uD83D\uDE00 \uDBFF\uDFFF\"}")
                .getBytes(StandardCharsets.UTF_8))
        .post(BASE + "/topics")
        .then()
        .statusCode(201)
        .body("name", equalTo("a \u00e9 \u20ac \uD83D\uDE00 \uDBFF\uDFFF"));
    given().delete(BASE + "/topics/" + slug).then().statusCode(204);
  }

  /** Overlong forms, surrogates, above U+10FFFF, bytes that never occur, cut sequences. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "c099",
        "c1bf",
        "e08080",
        "eda080",
        "f4908080",
        "f5",
        "ff",
        "80",
        "e282",
        "e2",
        "f09f98"
      })
  void malformedSequencesFailTheRead(String hex) {
    assertThatThrownBy(() -> readAll(bytes("ok ", hex, "")))
        .isInstanceOf(Utf8Bodies.Checked.Malformed.class);
  }

  @Test
  void sequencesSplitAcrossReadsAreChecked() throws IOException {
    byte[] emoji = "x\uD83D\uDE00y".getBytes(StandardCharsets.UTF_8);
    try (InputStream in = new Utf8Bodies.Checked(new ByteArrayInputStream(emoji))) {
      int n = 0;
      while (in.read() >= 0) {
        n++;
      }
      assertThat(n).isEqualTo(emoji.length);
    }
  }

  private static void readAll(byte[] bytes) throws IOException {
    try (InputStream in = new Utf8Bodies.Checked(new ByteArrayInputStream(bytes))) {
      in.readAllBytes();
    }
  }
}
