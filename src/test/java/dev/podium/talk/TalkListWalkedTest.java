package dev.podium.talk;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;

/**
 * Every test of the talk list again, with each page by status or year walked along the index of its
 * order, as a list of more than {@code podium.talks.sorted-up-to} matches is (see {@code
 * TalkService.where}): both ways of writing those filters must find the same talks.
 */
@QuarkusTest
@TestProfile(TalkListWalkedTest.Walked.class)
class TalkListWalkedTest extends TalkResourceTest {

  public static class Walked implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("podium.talks.sorted-up-to", "0");
    }
  }
}
