package dev.podium.security;

import dev.podium.common.ApiException;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Secure by default: while no key to verify bearer tokens is configured, as in a packaged
 * application nobody has pointed at an identity provider yet, every write to the API is refused
 * with 503 before anything else looks at it, and reads go on as usual.
 *
 * <p>503 rather than 401: no token could make the write succeed, so a 401 would send clients (and
 * libraries that refresh tokens on 401) after a credential that cannot help. The server is missing
 * a dependency, its identity provider, which is what 503 says.
 */
@ApplicationScoped
public class WriteAccess {

  private static final Logger LOG = Logger.getLogger(WriteAccess.class);

  /** The settings any one of which gives smallrye-jwt a key to verify signatures with. */
  static final List<String> KEY_SETTINGS =
      List.of(
          "mp.jwt.verify.publickey.location",
          "mp.jwt.verify.publickey",
          "smallrye.jwt.verify.key.location");

  /** What smallrye-jwt itself takes for "not set" (its default value for these settings). */
  private static final String UNSET = "NONE";

  private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final boolean keyConfigured;

  public WriteAccess(Config config) {
    this.keyConfigured =
        KEY_SETTINGS.stream()
            .anyMatch(
                name ->
                    config
                        .getOptionalValue(name, String.class)
                        .filter(v -> !v.isBlank() && !UNSET.equals(v))
                        .isPresent());
  }

  void announce(@Observes StartupEvent start) {
    if (!keyConfigured) {
      LOG.warn(
          "No key to verify bearer tokens is configured: every write answers 503 and reads work."
              + " Set MP_JWT_VERIFY_PUBLICKEY_LOCATION (a PEM file or a JWKS URL) and"
              + " MP_JWT_VERIFY_ISSUER to enable writes.");
    }
  }

  public boolean writesEnabled() {
    return keyConfigured;
  }

  @ServerRequestFilter(preMatching = true)
  public void refuseWritesWithoutKey(ContainerRequestContext request) {
    if (!keyConfigured
        && WRITES.contains(request.getMethod())
        && request.getUriInfo().getPath().startsWith("/api/")) {
      throw ApiException.writesDisabled();
    }
  }
}
