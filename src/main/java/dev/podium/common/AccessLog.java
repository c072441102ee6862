package dev.podium.common;

import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * One log line per request: method, route template, status, duration and, where it differs from the
 * template, the path, e.g. {@code GET /api/v1/talks/{slug} 200 4 ms
 * /api/v1/talks/chaos-engineering}. The template is the one the HTTP metrics are tagged with, so
 * log lines and metrics group alike. No header is logged (so no bearer token), nor the query
 * string. Health probes and metric scrapes ({@code /q/}) are logged at DEBUG only, so a probe every
 * few seconds does not drown the log.
 */
@ApplicationScoped
public class AccessLog {

  private static final Logger LOG = Logger.getLogger("dev.podium.access");
  // Where Quarkus REST leaves the matched template for the metrics and tracing of a request.
  private static final String TEMPLATE = "UrlPathTemplate";

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(AccessLog::timed);
  }

  private static void timed(RoutingContext rc) {
    long start = System.nanoTime();
    rc.addEndHandler(done -> log(rc, (System.nanoTime() - start) / 1_000_000));
    rc.next();
  }

  private static void log(RoutingContext rc, long millis) {
    String path = rc.request().path();
    Logger.Level level = path.startsWith("/q/") ? Logger.Level.DEBUG : Logger.Level.INFO;
    if (!LOG.isEnabled(level)) {
      return;
    }
    Object template =
        rc.request() instanceof HttpServerRequestInternal internal
            ? internal.context().getLocal(TEMPLATE)
            : null;
    String route = template == null ? path : template.toString();
    LOG.logf(
        level,
        "%s %s %d %d ms%s",
        rc.request().method(),
        route,
        rc.response().getStatusCode(),
        millis,
        route.equals(path) ? "" : " " + path);
  }
}
