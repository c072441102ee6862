package dev.podium.search;

import dev.podium.changes.ChangeLog;
import dev.podium.common.DatabaseOutage;
import dev.podium.common.PodiumConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the index is open, built, and at most {@code podium.search.max-behind} changes behind
 * the change log. While it is rebuilt (at the first start, or after it was lost) it holds only part
 * of the database and is not ready.
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
    boolean ready = index.isOpen() && !index.rebuildNeeded();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("Search index")
            .withData("open", index.isOpen())
            .withData("rebuilding", index.rebuildNeeded())
            .withData("lastChange", indexed);
    long head;
    try {
      head = QuarkusTransaction.requiringNew().call(changes::lastId);
    } catch (RuntimeException e) {
      if (!DatabaseOutage.causedBy(e)) {
        throw e;
      }
      // How far behind is unknown; the database check reports the outage itself, and the
      // index still answers searches.
      return response.status(ready).withData("changesBehind", "unknown").build();
    }
    long behind = Math.max(0, head - indexed);
    return response
        .status(ready && behind <= config.search().maxBehind())
        .withData("changesBehind", behind)
        .build();
  }
}
