package dev.podium.search;

import dev.podium.changes.ChangeLog;
import dev.podium.common.PodiumConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the index is open, built, and not too far behind the change log. While it is rebuilt
 * (at the first start, or after it was lost) it holds only part of the database and is not ready.
 */
@Readiness
@ApplicationScoped
public class SearchHealth implements HealthCheck {

  private final SearchIndex index;
  private final ChangeLog changes;
  private final PodiumConfig config;

  public SearchHealth(SearchIndex index, ChangeLog changes, PodiumConfig config) {
    this.index = index;
    this.changes = changes;
    this.config = config;
  }

  @Override
  public HealthCheckResponse call() {
    long indexed = index.lastChange();
    long behind = Math.max(0, QuarkusTransaction.requiringNew().call(changes::lastId) - indexed);
    return HealthCheckResponse.named("Search index")
        .status(index.isOpen() && !index.rebuildNeeded() && behind <= config.search().maxBehind())
        .withData("open", index.isOpen())
        .withData("rebuilding", index.rebuildNeeded())
        .withData("lastChange", indexed)
        .withData("changesBehind", behind)
        .build();
  }
}
