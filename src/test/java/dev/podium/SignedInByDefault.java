package dev.podium;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.List;

/**
 * Every HTTP test request carries a bearer token with both roles unless it names its own, so tests
 * about content need not think about authentication. Tests about authentication call {@link
 * #signOut()} first and send their own tokens, or none.
 */
public class SignedInByDefault implements QuarkusTestBeforeEachCallback {

  @Override
  public void beforeEach(QuarkusTestMethodContext context) {
    // A fresh token each time, so a long run never meets an expired one.
    RestAssured.replaceFiltersWith(new Bearer(Tokens.withRoles("editor", "admin")));
  }

  /** Requests of the current test carry no token but what they add themselves. */
  public static void signOut() {
    RestAssured.replaceFiltersWith(List.of());
  }

  private record Bearer(String token) implements Filter {
    @Override
    public Response filter(
        FilterableRequestSpecification request,
        FilterableResponseSpecification response,
        FilterContext context) {
      if (!request.getHeaders().hasHeaderWithName("Authorization")) {
        request.header("Authorization", "Bearer " + token);
      }
      return context.next(request, response);
    }
  }
}
