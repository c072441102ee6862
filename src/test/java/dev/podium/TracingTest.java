package dev.podium;

import static dev.podium.Api.BASE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With tracing switched on, a request is one trace: its server span, its searches, its SQL. */
@QuarkusTest
@TestProfile(TracingTest.On.class)
class TracingTest {

  /** Tracing on, as QUARKUS_OTEL_SDK_DISABLED=false does for the packaged service. */
  public static class On implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "50ms");
    }
  }

  private static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");
  private static final AttributeKey<String> DB_STATEMENT = AttributeKey.stringKey("db.statement");

  @Inject InMemorySpanExporter spans;

  @BeforeEach
  void forgetEarlierSpans() {
    spans.reset();
  }

  @Test
  void aSearchIsASpanInsideItsRequest() {
    given().queryParam("q", "resilience").get(BASE + "/search").then().statusCode(200);

    SpanData server = awaitSpan(s -> s.getKind() == SpanKind.SERVER);
    SpanData search = awaitSpan(s -> s.getName().equals("search"));
    assertThat(server.getName()).isEqualTo("GET /api/v1/search");
    assertThat(search.getTraceId()).isEqualTo(server.getTraceId());
    assertThat(search.getParentSpanId()).isEqualTo(server.getSpanId());
  }

  @Test
  void databaseStatementsAreSpansInsideTheirRequest() {
    given().get(BASE + "/talks").then().statusCode(200);

    SpanData server = awaitSpan(s -> s.getKind() == SpanKind.SERVER);
    SpanData statement =
        awaitSpan(
            s ->
                s.getTraceId().equals(server.getTraceId())
                    && s.getKind() == SpanKind.CLIENT
                    && s.getAttributes().get(DB_SYSTEM) != null);
    assertThat(server.getName()).isEqualTo("GET /api/v1/talks");
    assertThat(statement.getAttributes().get(DB_STATEMENT)).startsWith("select ");
  }

  private SpanData awaitSpan(Predicate<SpanData> wanted) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> first(spans.getFinishedSpanItems(), wanted), Optional::isPresent)
        .orElseThrow();
  }

  private static Optional<SpanData> first(List<SpanData> spans, Predicate<SpanData> wanted) {
    return spans.stream().filter(wanted).findFirst();
  }
}
