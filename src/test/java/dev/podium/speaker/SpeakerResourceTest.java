package dev.podium.speaker;

import static dev.podium.Api.BASE;
import static dev.podium.Api.assertBadParameter;
import static dev.podium.Api.assertConditionalRequests;
import static dev.podium.Api.assertProblem;
import static dev.podium.Api.create;
import static dev.podium.Api.json;
import static dev.podium.Api.list;
import static dev.podium.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.podium.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
class SpeakerResourceTest {

  private static final String SPEAKERS = BASE + "/speakers";

  static String speaker(String slug, String name, String company) {
    return """
        {"slug": "%s", "name": "%s", "headline": "Engineer", "company": "%s",
         "bio": "Builds things.", "photoUrl": "https://img.example.org/%s.png"}
        """
        .formatted(slug, name, company, slug);
  }

  @Test
  void listsSpeakersByNameWithTheirCompany() {
    given()
        .queryParam("company", "netflix")
        .get(SPEAKERS)
        .then()
        .statusCode(200)
        .header("Link", nullValue())
        .body("items.slug", contains("allen-wang", "nora-jones", "sangeeta-handa"))
        .body("items[1].name", equalTo("Nora Jones"))
        .body("items[1].headline", equalTo("Senior Chaos Engineer"))
        .body("items[1].company", equalTo("Netflix"))
        .body("items[1]", hasKey("photoUrl"))
        .body("page.total", equalTo(3));
  }

  @Test
  void qMatchesTheStartOfAnyWordOfTheName() {
    String company = unique("company");
    String ada = create("speakers", speaker(unique("ada"), "Ada Lovelace", company));
    String adam = create("speakers", speaker(unique("adam"), "Adam Smith", company));
    String grace = create("speakers", speaker(unique("grace"), "Grace Brewster Hopper", company));
    create("speakers", speaker(unique("percent"), "100% Sure", company));

    assertThat(list(SPEAKERS, Map.of("company", company, "q", "ada"))).containsExactly(ada, adam);
    assertThat(list(SPEAKERS, Map.of("company", company, "q", "LOVE"))).containsExactly(ada);
    assertThat(list(SPEAKERS, Map.of("company", company, "q", "hop"))).containsExactly(grace);
    assertThat(list(SPEAKERS, Map.of("company", company, "q", "grace brew")))
        .containsExactly(grace);
    assertThat(list(SPEAKERS, Map.of("company", company, "q", "ace"))).isEmpty();
    assertThat(list(SPEAKERS, Map.of("company", company, "q", "_da"))).isEmpty();
    assertThat(list(SPEAKERS, Map.of("company", company, "q", "%"))).isEmpty();
    assertThat(list(SPEAKERS, Map.of("q", "jon", "company", "Netflix")))
        .containsExactly("nora-jones");
  }

  @Test
  void topicKeepsSpeakersWithTalksOnItOrItsSubTopics() {
    assertThat(list(SPEAKERS, Map.of("topic", "resiliency")))
        .containsExactly(
            "allen-wang", "nora-jones", "sahar-samiei", "sangeeta-handa", "willie-wheeler");
    assertThat(list(SPEAKERS, Map.of("topic", "chaos-engineering"))).containsExactly("nora-jones");
    assertThat(list(SPEAKERS, Map.of("topic", "resiliency", "company", "EXPEDIA")))
        .containsExactly("sahar-samiei", "willie-wheeler");
    // Wes Reisz only gave an interview on edge computing, no talk.
    assertThat(list(SPEAKERS, Map.of("topic", "edge-computing"))).isEmpty();
    assertThat(list(SPEAKERS, Map.of("topic", unique("no-such-topic")))).isEmpty();
  }

  @Test
  void followingTheCursorsGivesEverySpeakerOnce() {
    String company = unique("company");
    String[] names = {"Eve Adams", "Bob Brown", "Dan Dune", "Bob Brown", "Carol King"};
    for (String name : names) {
      create("speakers", speaker(unique(name.toLowerCase().replace(' ', '-')), name, company));
    }

    Api.Walk walk = Api.walk(SPEAKERS, Map.of("company", company), 2);

    assertThat(walk.total()).isEqualTo(5);
    assertThat(walk.pages()).isEqualTo(3);
    assertThat(walk.slugs()).doesNotHaveDuplicates().hasSize(5);
    assertThat(walk.slugs())
        .extracting(slug -> slug.substring(0, slug.indexOf('-')))
        .containsExactly("bob", "bob", "carol", "dan", "eve");
  }

  @ParameterizedTest
  @CsvSource({
    "limit, 0",
    "limit, 101",
    "limit, abc",
    "topic, Resiliency",
    "topic, resiliency/",
    "cursor, %%%",
  })
  void malformedParametersAreRejected(String name, String value) {
    assertBadParameter(SPEAKERS, name, value);
  }

  @Test
  void detailShowsTalksAndInterviews() {
    given()
        .get(SPEAKERS + "/sangeeta-handa")
        .then()
        .statusCode(200)
        .body("name", equalTo("Sangeeta Handa"))
        .body("company", equalTo("Netflix"))
        .body("bio", startsWith("Led the move of the billing infrastructure"))
        .body("links", nullValue())
        .body("talks.slug", contains("building-resilience-production-migrations"))
        .body("talks[0].conference.slug", equalTo("qcon-sf-2018"))
        .body("talks[0].excerpt", endsWith("…"))
        .body("interviews.slug", contains("building-resilience-production-migrations-interview"))
        .body("interviews[0].excerpt", startsWith("What's the focus of the work"));
    given()
        .get(SPEAKERS + "/wes-reisz")
        .then()
        .body("talks", empty())
        .body("interviews.slug", contains("living-on-the-edge-track-host-interview"));
  }

  @Test
  void anUnknownSpeakerIsNotFound() {
    assertProblem(given().get(SPEAKERS + "/no-such-speaker"), 404)
        .body("detail", containsString("no-such-speaker"));
  }

  @Test
  void createAnswers201WithTheLocationOfTheNewSpeaker() {
    String slug = unique("speaker");
    String body =
        """
        {"slug": "%s", "name": "Linus Links", "links": {"website": "https://linus.example.org/",
         "github": "linus", "mastodon": "@linus@example.org"}}
        """
            .formatted(slug);

    Response created = json(body).post(SPEAKERS);

    created
        .then()
        .statusCode(201)
        .header("Location", endsWith(SPEAKERS + "/" + slug))
        .body("slug", equalTo(slug));
    given()
        .get(created.header("Location"))
        .then()
        .statusCode(200)
        .body("name", equalTo("Linus Links"))
        .body("links.website", equalTo("https://linus.example.org/"))
        .body("links.github", equalTo("linus"))
        .body("links.mastodon", equalTo("@linus@example.org"))
        .body("links", not(hasKey("twitter")))
        .body("talks", empty())
        .body("interviews", empty());
  }

  @Test
  void createMakesTheSlugFromTheNameWhenItIsLeftOut() {
    String word = unique("x");

    json("{\"name\": \"José Ñúñez " + word + "\"}")
        .post(SPEAKERS)
        .then()
        .statusCode(201)
        .body("slug", equalTo("jose-nunez-" + word));
  }

  @Test
  void createWithATakenSlugIsAConflict() {
    assertProblem(json(speaker("nora-jones", "Another Nora", "Acme")).post(SPEAKERS), 409)
        .body("detail", containsString("nora-jones"));
    given().get(SPEAKERS + "/nora-jones").then().body("name", equalTo("Nora Jones"));
  }

  @Test
  void invalidFieldsAreNamedByTheirJsonPath() {
    String body =
        """
        {"slug": "-bad-", "name": "", "photoUrl": "nope", "links": {"website": "not a url"}}
        """;

    assertProblem(
        json(body).post(SPEAKERS), 400, "$.slug", "$.name", "$.photoUrl", "$.links.website");
    assertProblem(json("{\"name\": \"" + "n".repeat(201) + "\"}").post(SPEAKERS), 400, "$.name");
  }

  @Test
  void unknownFieldsAndMalformedJsonAreBadRequests() {
    assertProblem(json("{\"name\": \"X\", \"age\": 42}").post(SPEAKERS), 400, "$.age");
    assertProblem(
        json("{\"name\": \"X\", \"links\": {\"myspace\": \"x\"}}").post(SPEAKERS),
        400,
        "$.links.myspace");
    assertProblem(json("{name: 'X'}").post(SPEAKERS), 400);
  }

  @Test
  void putReplacesTheWholeSpeaker() {
    String slug = create("speakers", speaker(unique("speaker"), "Before", "Acme"));

    json("{\"name\": \"After\", \"company\": \"Initech\"}")
        .put(SPEAKERS + "/" + slug)
        .then()
        .statusCode(200)
        .body("name", equalTo("After"));

    given()
        .get(SPEAKERS + "/" + slug)
        .then()
        .body("slug", equalTo(slug))
        .body("company", equalTo("Initech"))
        .body("headline", nullValue())
        .body("bio", nullValue())
        .body("photoUrl", nullValue());
  }

  @Test
  void putWithAnotherSlugInTheBodyIsRejected() {
    String slug = create("speakers", speaker(unique("speaker"), "Fixed", "Acme"));

    assertProblem(
        json(speaker(unique("other"), "Fixed", "Acme")).put(SPEAKERS + "/" + slug), 400, "$.slug");
  }

  @Test
  void putAndDeleteOfAnUnknownSpeakerAreNotFound() {
    assertProblem(
        json(speaker("no-such-speaker", "X", "Y")).put(SPEAKERS + "/no-such-speaker"), 404);
    assertProblem(given().delete(SPEAKERS + "/no-such-speaker"), 404);
  }

  @Test
  void deleteRemovesTheSpeaker() {
    String slug = create("speakers", speaker(unique("speaker"), "Leaving", "Acme"));

    given().delete(SPEAKERS + "/" + slug).then().statusCode(204);

    assertProblem(given().get(SPEAKERS + "/" + slug), 404);
  }

  @Test
  void aSpeakerWithTalksOrInterviewsIsNotDeleted() {
    assertProblem(given().delete(SPEAKERS + "/nora-jones"), 409)
        .body("detail", containsString("talks designing-services-resilience-testing-netflix"));
    assertProblem(given().delete(SPEAKERS + "/wes-reisz"), 409)
        .body("detail", containsString("interviews living-on-the-edge-track-host-interview"));
    assertProblem(given().delete(SPEAKERS + "/sangeeta-handa"), 409)
        .body("detail", containsString("talks building-resilience-production-migrations"))
        .body(
            "detail",
            containsString("interviews building-resilience-production-migrations-interview"));
    given().get(SPEAKERS + "/nora-jones").then().statusCode(200);
  }

  @Test
  void conditionalRequestsFollowTheETag() {
    String slug = create("speakers", speaker(unique("speaker"), "Tagged", "Acme"));

    assertConditionalRequests(SPEAKERS + "/" + slug, speaker(slug, "Tagged again", "Acme"));
  }
}
