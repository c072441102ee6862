package dev.podium.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;

/**
 * Answers repeated anonymous GETs of the API from memory, without a database query, and
 * revalidations ({@code If-None-Match}) with a 304 from the stored tag.
 *
 * <p>Every answer is stored with the change-log position the search indexer had applied when the
 * request arrived, and served only while that is still the position: the indexer applies each
 * committed write before the write's response returns (so this instance never serves what it
 * changed), and polls what other instances wrote every half second. An answer is served only while
 * the indexer has confirmed the log within {@link #FRESH}, and not since a poll failed, so while
 * the database is unreachable every request goes to it and gets its 503. Entries also expire after
 * {@code podium.cache-max-age}, what {@code Cache-Control} already allows any cache to keep them,
 * since the status of a talk (upcoming, past) turns with the clock.
 *
 * <p>A request with credentials, for a type other than JSON, or of another method goes its usual
 * way. The key is the host (the {@code Link} header names it) and the URI as sent.
 */
@ApplicationScoped
public class ResponseCache {

  /** How recently the indexer must have read the log for a stored answer to be served. */
  static final Duration FRESH = Duration.ofSeconds(2);

  // After the CORS, security and header filters (negative orders), before Quarkus REST.
  private static final int ORDER = -1;
  // Where a request that missed carries what it needs to be stored, for HttpCaching.
  private static final String TICKET = "podium.response-cache";
  // Where Quarkus REST leaves the matched template, for the access log and the HTTP metrics.
  private static final String TEMPLATE = "UrlPathTemplate";
  private static final String JSON = "application/json";

  /** An answer as sent: route template, entity tag, {@code Link} header (or null), body. */
  record Entry(long position, String template, String etag, String link, Buffer body) {}

  private record Ticket(String key, long position) {}

  private final Cache<String, Entry> entries;
  private final CurrentVertxRequest current;
  private final String cacheControl;
  private final boolean enabled;
  // The change-log position of the index, and when the indexer last confirmed it (nanoTime).
  private volatile long position = -1;
  private volatile long confirmedAt;

  public ResponseCache(PodiumConfig config, CurrentVertxRequest current) {
    this.current = current;
    this.enabled = config.responseCache().enabled();
    this.cacheControl = "public, max-age=" + config.cacheMaxAge();
    this.entries =
        Caffeine.newBuilder()
            .maximumWeight(config.responseCache().maxSize().asLongValue())
            .<String, Entry>weigher((key, e) -> 2 * key.length() + e.body().length() + 256)
            .expireAfterWrite(Duration.ofSeconds(config.cacheMaxAge()))
            .build();
  }

  void install(@Observes Router router) {
    if (enabled) {
      router.route(HttpMethod.GET, "/api/*").order(ORDER).handler(this::serve);
    }
  }

  /**
   * The indexer has applied the change log up to {@code change}: answers stored before a newer
   * change are dropped.
   */
  public void confirmed(long change) {
    if (change != position) {
      position = change;
      entries.invalidateAll();
    }
    confirmedAt = System.nanoTime();
  }

  /**
   * The indexer failed to read the log (the database unreachable): nothing is served until it
   * confirms the log again, rather than for what is left of {@link #FRESH}.
   */
  public void unconfirmed() {
    confirmedAt = System.nanoTime() - 2 * FRESH.toNanos();
  }

  private void serve(RoutingContext rc) {
    HttpServerRequest request = rc.request();
    if (!cacheable(request)) {
      rc.next();
      return;
    }
    String key = request.host() + ' ' + request.uri();
    long at = position;
    // Before the indexer first confirmed the log (at = -1) nothing is served or kept.
    Entry hit =
        at >= 0 && System.nanoTime() - confirmedAt < FRESH.toNanos()
            ? entries.getIfPresent(key)
            : null;
    if (hit != null && hit.position() == at) {
      answer(rc, hit);
    } else {
      rc.put(TICKET, new Ticket(key, at));
      rc.next();
    }
  }

  private static boolean cacheable(HttpServerRequest request) {
    if (request.headers().contains(HttpHeaders.AUTHORIZATION)) {
      return false;
    }
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return accept == null
        || accept.contains(JSON)
        || accept.contains("*/*")
        || accept.contains("application/*");
  }

  private void answer(RoutingContext rc, Entry hit) {
    if (rc.request() instanceof HttpServerRequestInternal internal) {
      internal.context().putLocal(TEMPLATE, hit.template());
    }
    HttpServerResponse response = rc.response();
    response.putHeader(HttpHeaders.ETAG, hit.etag());
    response.putHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
    if (hit.link() != null) {
      response.putHeader("Link", hit.link());
    }
    if (ETags.matches(rc.request().getHeader(HttpHeaders.IF_NONE_MATCH), hit.etag())) {
      response.setStatusCode(304).end();
    } else {
      response.putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(hit.body());
    }
  }

  /**
   * Keeps a 200 answer of a request that missed, if the index has not moved since the request
   * arrived. Called by {@link HttpCaching} with the body it serialized.
   */
  void store(String etag, String link, byte[] body) {
    RoutingContext rc = current.getCurrent();
    Ticket ticket = rc == null ? null : rc.get(TICKET);
    if (ticket == null || ticket.position() < 0 || ticket.position() != position) {
      return;
    }
    Object template =
        rc.request() instanceof HttpServerRequestInternal internal
            ? internal.context().getLocal(TEMPLATE)
            : null;
    entries.put(
        ticket.key(),
        new Entry(
            ticket.position(),
            template == null ? rc.request().path() : template.toString(),
            etag,
            link,
            Buffer.buffer(body)));
  }
}
