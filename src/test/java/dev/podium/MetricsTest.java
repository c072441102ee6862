package dev.podium;

import static dev.podium.Api.BASE;
import static dev.podium.Api.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** {@code /q/metrics}: HTTP by route template, search latency, index lag, imports, the pool. */
@QuarkusTest
class MetricsTest {

  @Test
  void httpRequestsAreCountedByRouteTemplateNeverByRawPath() {
    String slug = unique("no-such-talk");
    String nowhere = unique("nowhere");
    given().get(BASE + "/talks/" + slug).then().statusCode(404);
    given().get(BASE + "/talks").then().statusCode(200);
    for (int i = 0; i < 3; i++) {
      given().get("/" + nowhere + "/" + i).then().statusCode(404);
    }

    String metrics = Metrics.scrape();
    assertThat(
            Metrics.value(
                metrics,
                "http_server_requests_seconds_count",
                "uri=\"/api/v1/talks/{slug}\"",
                "status=\"404\""))
        .isPositive();
    assertThat(
            Metrics.value(
                metrics,
                "http_server_requests_seconds_count",
                "uri=\"/api/v1/talks\"",
                "method=\"GET\"",
                "status=\"200\""))
        .isPositive();
    assertThat(Metrics.value(metrics, "http_server_requests_seconds_count", "uri=\"NOT_FOUND\""))
        .isGreaterThanOrEqualTo(3);
    assertThat(metrics).doesNotContain(slug).doesNotContain(nowhere);
  }

  @Test
  void searchLatencyIsAHistogram() {
    given().queryParam("q", "resilience").get(BASE + "/search").then().statusCode(200);
    given().queryParam("q", "resi").get(BASE + "/search/suggest").then().statusCode(200);

    String metrics = Metrics.scrape();
    assertThat(Metrics.value(metrics, "podium_search_seconds_count")).isPositive();
    assertThat(Metrics.value(metrics, "podium_search_seconds_bucket", "le=\"+Inf\"")).isPositive();
    assertThat(metrics).containsPattern("podium_search_seconds_bucket\\{[^}]*le=\"0.001\"");
    assertThat(Metrics.value(metrics, "podium_search_suggest_seconds_count")).isPositive();
  }

  @Test
  void theIndexLagIsAGaugeThatAWriteLeavesAtZero() {
    Api.create("topics", "{\"name\":\"Metrics " + unique("topic") + "\"}");

    assertThat(Metrics.scrape()).containsPattern("(?m)^podium_search_changes_behind 0\\.0$");
  }

  @Test
  void importsAreCountedByOutcomeAndEntriesByKind() {
    String before = Metrics.scrape();
    String topic = unique("metrics-topic");
    String document =
        "{\"formatVersion\":1,\"topics\":[{\"slug\":\"" + topic + "\",\"name\":\"M\"}]}";
    String invalid =
        "{\"formatVersion\":1,\"talks\":[{\"slug\":\"t\",\"title\":\"T\",\"conference\":\"none\"}]}";

    Api.json(document).queryParam("dryRun", "true").post(BASE + "/catalog").then().statusCode(200);
    Api.json(document).post(BASE + "/catalog").then().statusCode(200);
    Api.json(invalid).post(BASE + "/catalog").then().statusCode(422);
    Api.delete("topics", topic);

    String after = Metrics.scrape();
    for (String outcome : new String[] {"checked", "committed", "rejected"}) {
      String label = "outcome=\"" + outcome + "\"";
      assertThat(Metrics.value(after, "podium_catalog_imports_total", label))
          .as(outcome)
          .isEqualTo(Metrics.value(before, "podium_catalog_imports_total", label) + 1);
    }
    String[] created = {"kind=\"topics\"", "result=\"created\""};
    assertThat(Metrics.value(after, "podium_catalog_entries_total", created))
        .isEqualTo(Metrics.value(before, "podium_catalog_entries_total", created) + 1);
  }

  @Test
  void theDatabasePoolIsMeasured() {
    String metrics = Metrics.scrape();
    assertThat(metrics)
        .contains("agroal_active_count{datasource=\"default\"")
        .contains("agroal_available_count{datasource=\"default\"")
        .contains("agroal_blocking_time_max_milliseconds{datasource=\"default\"");
  }
}
