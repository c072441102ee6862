package dev.podium.common;

import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * Builds list responses: the page as body and a {@code Link: rel="next"} header when there is one.
 */
public final class Links {

  private Links() {}

  public static <T> RestResponse<Page<T>> page(Page<T> page, UriInfo uri) {
    return paged(page, page.page(), uri);
  }

  /** Any paged body: a {@code Link} to the next page when {@code info} has one. */
  public static <B> RestResponse<B> paged(B body, Page.Info info, UriInfo uri) {
    RestResponse.ResponseBuilder<B> ok = RestResponse.ResponseBuilder.ok(body);
    if (info.next() != null) {
      String next =
          uri.getRequestUriBuilder().replaceQueryParam("cursor", info.next()).build().toString();
      ok.header("Link", "<" + next + ">; rel=\"next\"");
    }
    return ok.build();
  }

  /** 201 Created with the address of the new resource. */
  public static <T> RestResponse<T> created(UriInfo uri, String slug, T body) {
    URI location = uri.getAbsolutePathBuilder().path(slug).build();
    return RestResponse.ResponseBuilder.<T>created(location).entity(body).build();
  }
}
