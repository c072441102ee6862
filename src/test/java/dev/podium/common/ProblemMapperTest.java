package dev.podium.common;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PessimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * A write that waited too long for a lock, as one queued behind a long catalog import does once
 * H2's {@code LOCK_TIMEOUT} (or PostgreSQL's {@code lock_timeout}) runs out, answers 503 with
 * {@code Retry-After} like a database outage, not a 500: nothing was written and trying again
 * helps.
 */
class ProblemMapperTest {

  private static final UriInfo TALKS =
      (UriInfo)
          Proxy.newProxyInstance(
              UriInfo.class.getClassLoader(),
              new Class<?>[] {UriInfo.class},
              (proxy, method, args) -> method.getName().equals("getPath") ? "/api/v1/talks" : null);

  @Test
  void aLockTimeoutIsAServiceUnavailableProblemWithRetryAfter() {
    Response answer =
        new ProblemMapper()
            .unexpected(
                new PessimisticLockException(
                    "could not execute statement",
                    new SQLException("Timeout trying to lock table \"CHANGE_ORDER\"", "HYT00")),
                TALKS);

    assertThat(answer.getStatus()).isEqualTo(503);
    assertThat(answer.getHeaderString("Retry-After")).isEqualTo("5");
    assertThat(answer.getMediaType()).hasToString(Problem.MEDIA_TYPE);
    Problem problem = (Problem) answer.getEntity();
    assertThat(problem.title()).isEqualTo("Service unavailable");
    assertThat(problem.detail())
        .containsIgnoringCase("try again shortly")
        .contains("nothing was changed");
    assertThat(problem.instance()).isEqualTo("/api/v1/talks");
  }

  @Test
  void anyOtherFailureIsStillAnInternalError() {
    Response answer = new ProblemMapper().unexpected(new IllegalStateException("bug"), TALKS);
    assertThat(answer.getStatus()).isEqualTo(500);
    assertThat(answer.getHeaderString("Retry-After")).isNull();
  }
}
