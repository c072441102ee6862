package dev.podium.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a NUL character ({@code %00}) in the address of an API request with a 400, on every
 * database alike: PostgreSQL cannot store or compare text that holds one and fails the statement,
 * so a slug or filter with one could only end in a 500. JSON bodies are held to the same rule by
 * {@link StrictJson}.
 */
@ApplicationScoped
public class NulCharacters {

  static final String MESSAGE = "must not contain a NUL character";

  @ServerRequestFilter(preMatching = true)
  public void refuse(ContainerRequestContext request) {
    UriInfo uri = request.getUriInfo();
    if (!uri.getPath().startsWith("/api/")) {
      return;
    }
    if (uri.getPath().indexOf('\0') >= 0) {
      throw ApiException.badRequest("path", MESSAGE);
    }
    for (Map.Entry<String, List<String>> param : uri.getQueryParameters().entrySet()) {
      if (param.getKey().indexOf('\0') >= 0
          || param.getValue().stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
        throw ApiException.badParameter(param.getKey().replace('\0', '?'), MESSAGE);
      }
    }
  }
}
