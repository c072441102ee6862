package dev.podium.security;

import static dev.podium.Api.BASE;
import static dev.podium.Api.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.podium.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packaged application before anyone configured a key: reads work, and every write is refused
 * with a 503 problem that says why, whatever token it carries.
 */
@QuarkusTest
@TestProfile(WritesWithoutKeyTest.NoKey.class)
class WritesWithoutKeyTest {

  /** The test profile without the dev key ("NONE" is smallrye-jwt's own "not set"). */
  public static class NoKey implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("mp.jwt.verify.publickey.location", "NONE");
    }
  }

  @Test
  void readsWork() {
    given().get(BASE + "/topics/resiliency").then().statusCode(200);
  }

  @Test
  void everyWriteIsRefusedSayingWritesAreDisabled() {
    String token = Tokens.withRoles(Roles.EDITOR, Roles.ADMIN);
    var writes =
        new io.restassured.response.Response[] {
          given()
              .auth()
              .oauth2(token)
              .contentType(ContentType.JSON)
              .body("{\"name\":\"x\"}")
              .post(BASE + "/topics"),
          given().contentType(ContentType.JSON).body("{\"name\":\"x\"}").post(BASE + "/topics"),
          given().auth().oauth2(token).delete(BASE + "/topics/resiliency"),
          given()
              .auth()
              .oauth2(token)
              .contentType(ContentType.JSON)
              .body("{\"formatVersion\":1}")
              .post(BASE + "/catalog"),
          given().auth().oauth2(token).post(BASE + "/admin/reindex"),
        };
    for (var write : writes) {
      assertProblem(write, 503)
          .body("title", equalTo("Writes disabled"))
          .body("detail", containsString("no key configured to verify bearer tokens"));
    }
    given().get(BASE + "/topics/resiliency").then().statusCode(200);
  }
}
