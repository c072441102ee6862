package dev.podium.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Gives every successful GET (and HEAD) of the API an {@code ETag} and {@code Cache-Control}, and
 * answers {@code 304} when {@code If-None-Match} names the current tag. The body is serialized once
 * here and handed on as bytes, and kept by the {@link ResponseCache}.
 */
public class HttpCaching {

  private final ETags etags;
  private final PodiumConfig config;
  private final ResponseCache responses;

  public HttpCaching(ETags etags, PodiumConfig config, ResponseCache responses) {
    this.etags = etags;
    this.config = config;
    this.responses = responses;
  }

  @ServerResponseFilter
  public void cache(ContainerRequestContext request, ContainerResponseContext response) {
    String method = request.getMethod();
    if (!("GET".equals(method) || "HEAD".equals(method))
        || response.getStatus() != 200
        || response.getEntity() == null
        || !request.getUriInfo().getPath().startsWith("/api/")) {
      return;
    }
    byte[] body = etags.json(response.getEntity());
    String tag = ETags.of(body);
    if ("GET".equals(method)) {
      responses.store(tag, response.getHeaderString("Link"), body);
    }
    response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
    response
        .getHeaders()
        .putSingle(HttpHeaders.CACHE_CONTROL, "public, max-age=" + config.cacheMaxAge());
    if (ETags.matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
      response.setStatus(304);
      response.setEntity(null);
    } else {
      response.setEntity(body, response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
    }
  }
}
