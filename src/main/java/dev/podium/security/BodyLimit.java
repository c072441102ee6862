package dev.podium.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podium.common.ApiException;
import dev.podium.common.PodiumConfig;
import dev.podium.common.Problem;
import dev.podium.common.ProblemMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Keeps request bodies within their limit, always answering 413 as a problem: {@code
 * podium.limits.body-size} (1 MB) for a single write, {@code podium.limits.catalog-body-size} (64
 * MB) for a body marked {@link LargeBody}.
 *
 * <p>A declared {@code Content-Length} over the limit is refused before anything is read. A body
 * without one (chunked) is read through a counting stream that fails once past the limit, so
 * Jackson never parses more than it allows.
 *
 * <p>Vert.x has one limit for the whole server ({@code quarkus.http.limits.max-body-size}, set to
 * the catalog's), and answers a bare 413 without a body when it trips. So a declared length over it
 * is answered here, just before Vert.x would, with the same closed connection but a problem. For
 * chunked bodies Vert.x counts bytes as they arrive, ahead of what the counting stream has passed
 * on, so with equal limits it would always answer first: its count is switched off for the request,
 * and every body the API reads goes through the counting stream instead.
 */
@Provider
@ApplicationScoped // created on first use, once the runtime configuration is there
public class BodyLimit implements ReaderInterceptor {

  private final PodiumConfig config;
  private final ObjectMapper json;

  public BodyLimit(PodiumConfig config, ObjectMapper json) {
    this.config = config;
    this.json = json;
  }

  void install(@Observes Router router) {
    router
        .route()
        .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
        .handler(this::refuseDeclaredOverServerLimit);
    router
        .route()
        .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1)
        .handler(
            context -> {
              context.remove(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY);
              context.next();
            });
  }

  private void refuseDeclaredOverServerLimit(RoutingContext context) {
    HttpServerRequest request = context.request();
    long max = config.limits().catalogBodySize().asLongValue();
    if (declaredLength(request.getHeader(HttpHeaders.CONTENT_LENGTH)) <= max) {
      context.next();
      return;
    }
    Problem problem = ProblemMapper.of(ApiException.bodyTooLarge(describe(max)), request.path());
    byte[] body;
    try {
      body = json.writeValueAsBytes(problem);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // The body was not read, so the connection cannot carry another request.
    context
        .response()
        .setStatusCode(problem.status())
        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
        .putHeader(HttpHeaders.CONNECTION, "close")
        .endHandler(done -> request.connection().close())
        .end(io.vertx.core.buffer.Buffer.buffer(body));
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    boolean large = Arrays.stream(context.getAnnotations()).anyMatch(LargeBody.class::isInstance);
    MemorySize limit = large ? config.limits().catalogBodySize() : config.limits().bodySize();
    long max = limit.asLongValue();
    if (declaredLength(context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH.toString()))
        > max) {
      throw ApiException.bodyTooLarge(describe(max));
    }
    context.setInputStream(new Bounded(context.getInputStream(), max));
    try {
      return context.proceed();
    } catch (IOException | RuntimeException e) {
      // Jackson wraps it with the path where it stopped inside an array, and the JSON reader
      // may wrap that in turn.
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof Bounded.Exceeded) {
          throw ApiException.bodyTooLarge(describe(max));
        }
      }
      throw e;
    }
  }

  private static long declaredLength(String header) {
    if (header == null) {
      return -1;
    }
    try {
      return Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** "1 MB (1048576 bytes)": the limit as configured and exactly. */
  static String describe(long bytes) {
    long mb = 1024 * 1024;
    String rounded = bytes % mb == 0 ? bytes / mb + " MB" : bytes / 1024 + " KB";
    return rounded + " (" + bytes + " bytes)";
  }

  /** Fails the read once more than {@code max} bytes came through. */
  static final class Bounded extends FilterInputStream {

    /**
     * An IOException, not a runtime one, so that Jackson passes it on instead of wrapping it in a
     * mapping error.
     */
    static final class Exceeded extends IOException {
      Exceeded() {
        super("request body over the limit", null);
      }
    }

    private final long max;
    private long read;

    Bounded(InputStream in, long max) {
      super(in);
      this.max = max;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count(skipped);
      return skipped;
    }

    private void count(long n) throws Exceeded {
      read += n;
      if (read > max) {
        throw new Exceeded();
      }
    }
  }
}
