package dev.podium.talk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

import dev.podium.search.Indexer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A page of talk summaries costs a small fixed number of SQL statements, whatever its size. */
@QuarkusTest
class TalkListStatementsTest {

  @Inject SessionFactory sessions;
  @Inject Indexer indexer;

  private String conference;

  @BeforeEach
  void importTalks() {
    String run = UUID.randomUUID().toString().substring(0, 8);
    conference = "stmt-conf-" + run;
    List<String> talks = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      talks.add(
          """
          {"slug":"stmt-talk-%s-%d","title":"Talk %d","abstract":"About %d.","conference":"%s",
           "track":"main","speakers":["stmt-a-%s","stmt-b-%s"],"topics":["stmt-topic-%s","stmt-sub-%s"],
           "type":"talk","levels":["beginner"],"startsAt":"2030-01-01T10:00:00Z"}"""
              .formatted(run, i, i, i, conference, run, run, run, run));
    }
    String doc =
        """
        {"formatVersion":1,
         "topics":[{"slug":"stmt-topic-%s","name":"Statements"},{"slug":"stmt-sub-%s","name":"Sub","parent":"stmt-topic-%s"}],
         "conferences":[{"slug":"%s","name":"Statements","startDate":"2030-01-01","tracks":[{"slug":"main","name":"Main"}]}],
         "speakers":[{"slug":"stmt-a-%s","name":"A"},{"slug":"stmt-b-%s","name":"B"}],
         "talks":[%s]}"""
            .formatted(run, run, run, conference, run, run, String.join(",", talks));
    given()
        .contentType("application/json")
        .body(doc)
        .post("/api/v1/catalog")
        .then()
        .statusCode(200);
  }

  private long statementsFor(int limit) {
    Statistics stats = sessions.getStatistics();
    stats.clear();
    given()
        .queryParam("conference", conference)
        .queryParam("topic", "stmt-topic-" + conference.substring("stmt-conf-".length()))
        .queryParam("limit", limit)
        .get("/api/v1/talks")
        .then()
        .statusCode(200)
        .body("items", hasSize(limit))
        .body("items[0].speakers", hasSize(2))
        .body("items[0].topics", hasSize(2))
        .body("items[0].conference.slug", org.hamcrest.Matchers.equalTo(conference));
    return stats.getPrepareStatementCount();
  }

  @Test
  void aPageOfAHundredCostsNoMoreStatementsThanAPageOfFive() {
    assertThat(sessions.getStatistics().isStatisticsEnabled()).isTrue();
    // The search indexer polls the change log in the background, and the statistics would count
    // its statements too: pause the poll, and let one under way finish, while measuring.
    try (Indexer.Pause paused = indexer.pausePolling()) {
      indexer.catchUp();
      long five = statementsFor(5);
      long hundred = statementsFor(100);
      assertThat(hundred).isEqualTo(five);
      assertThat(hundred).isLessThanOrEqualTo(6);
    }
  }
}
