package dev.podium.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jose4j.jwt.consumer.InvalidJwtException;

/** The one place where failures become RFC 9457 problems. Nothing internal reaches a client. */
public class ProblemMapper {

  private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

  @ServerExceptionMapper
  public Response api(ApiException e, UriInfo uri) {
    Response problem = problem(e.status(), e.title(), e.getMessage(), uri, e.errors());
    // A body refused as too large is not read to its end; don't keep the connection for more.
    if (e.status() == 413) {
      return Response.fromResponse(problem).header("Connection", "close").build();
    }
    return e.retryAfter() > 0
        ? Response.fromResponse(problem).header("Retry-After", e.retryAfter()).build()
        : problem;
  }

  /** The problem for {@code e} at {@code path}, for answers written outside JAX-RS. */
  public static Problem of(ApiException e, String path) {
    return new Problem("about:blank", e.title(), e.status(), e.getMessage(), path, e.errors());
  }

  /** A request that needs a role came without a bearer token. */
  @ServerExceptionMapper
  public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
    return challenged(
        problem(
            401,
            "Authentication required",
            "This request needs a bearer token: send Authorization: Bearer <JWT>.",
            uri,
            List.of()),
        BEARER);
  }

  /** A bearer token that is malformed, expired, wrongly signed or from another issuer. */
  @ServerExceptionMapper
  public Response invalidToken(AuthenticationFailedException e, UriInfo uri) {
    // Only "expired" is worth telling apart: it is the one a client fixes without asking anyone.
    String why =
        expired(e)
            ? "The bearer token has expired"
            : "The bearer token is malformed or not issued by an issuer this server trusts";
    return challenged(
        problem(401, "Invalid token", why + "; get a new one.", uri, List.of()),
        BEARER + ", error=\"invalid_token\", error_description=\"" + why + "\"");
  }

  /** A valid bearer token without any of the roles the operation allows. */
  @ServerExceptionMapper
  public Response forbidden(ForbiddenException e, UriInfo uri, ResourceInfo resource) {
    RolesAllowed allowed =
        resource == null || resource.getResourceMethod() == null
            ? null
            : resource.getResourceMethod().getAnnotation(RolesAllowed.class);
    String needed =
        allowed == null ? "" : " It needs the role " + String.join(" or ", allowed.value()) + ".";
    return challenged(
        problem(
            403,
            "Forbidden",
            "The bearer token is valid but does not grant a role that may do this." + needed,
            uri,
            List.of()),
        BEARER + ", error=\"insufficient_scope\"");
  }

  @ServerExceptionMapper
  public Response validation(ConstraintViolationException e, UriInfo uri) {
    List<Problem.FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<?> v : e.getConstraintViolations()) {
      // Only request bodies are declared @NotNull: a missing one is the body "$" itself.
      boolean missingBody =
          v.getInvalidValue() == null
              && v.getConstraintDescriptor().getAnnotation()
                  instanceof jakarta.validation.constraints.NotNull
              && !field(v.getPropertyPath()).startsWith("$");
      errors.add(
          missingBody
              ? new Problem.FieldError("$", "a JSON body is required")
              : new Problem.FieldError(field(v.getPropertyPath()), v.getMessage()));
    }
    errors.sort(Comparator.comparing(Problem.FieldError::field));
    return problem(400, "Invalid request", "The request has invalid fields.", uri, errors);
  }

  @ServerExceptionMapper
  public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
    return json(e, "is not a known field", uri);
  }

  @ServerExceptionMapper
  public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
    return json(e, "has the wrong type or format", uri);
  }

  @ServerExceptionMapper
  public Response malformedJson(JsonProcessingException e, UriInfo uri) {
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return json(mapping, "is invalid", uri);
    }
    return problem(400, "Malformed JSON", "The request body is not valid JSON.", uri, List.of());
  }

  @ServerExceptionMapper
  public Response http(WebApplicationException e, UriInfo uri) {
    int status = e.getResponse().getStatus();
    if (status >= 500) {
      return unexpected(e, uri);
    }
    if (e.getCause() instanceof JsonProcessingException json) {
      return malformedJson(json, uri);
    }
    Response.Status known = Response.Status.fromStatusCode(status);
    String title = known == null ? "Client error" : known.getReasonPhrase();
    return problem(status, title, detailFor(status), uri, List.of());
  }

  @ServerExceptionMapper
  public Response unexpected(Throwable e, UriInfo uri) {
    if (DatabaseOutage.causedBy(e)) {
      return unavailable(
          e, uri, "The database cannot be reached right now; try again shortly.", "unavailable");
    }
    if (DatabaseOutage.timedOut(e)) {
      return unavailable(
          e,
          uri,
          "Another write, such as a catalog import, held up this one too long; nothing was"
              + " changed. Try again shortly.",
          "busy");
    }
    LOG.errorf(e, "Unexpected failure on %s", uri.getPath());
    return problem(
        500,
        "Internal error",
        "Something went wrong on our side; the failure is logged.",
        uri,
        List.of());
  }

  private static final String BEARER = "Bearer realm=\"podium\"";

  private static Response challenged(Response problem, String challenge) {
    return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
  }

  private static boolean expired(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InvalidJwtException jwt && jwt.hasExpired()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The database cannot be reached, or was too busy to answer in time: the client may retry
   * shortly, nothing is broken here.
   */
  private Response unavailable(Throwable e, UriInfo uri, String detail, String why) {
    LOG.warnf("Database %s on %s: %s", why, uri.getPath(), rootMessage(e));
    return Response.fromResponse(problem(503, "Service unavailable", detail, uri, List.of()))
        .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS)
        .build();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private Response json(JsonMappingException e, String message, UriInfo uri) {
    String field = jsonPath(e.getPath());
    return problem(
        400,
        "Invalid request",
        field + " " + message + ".",
        uri,
        List.of(new Problem.FieldError(field, message)));
  }

  static String jsonPath(List<JsonMappingException.Reference> path) {
    StringBuilder out = new StringBuilder("$");
    for (JsonMappingException.Reference ref : path) {
      if (ref.getFieldName() != null) {
        out.append('.').append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        out.append('[').append(ref.getIndex()).append(']');
      }
    }
    return out.toString();
  }

  /** "create.input.qa[0].answer" becomes "$.qa[0].answer"; a bare parameter keeps its name. */
  static String field(Path path) {
    List<Path.Node> nodes = new ArrayList<>();
    path.forEach(nodes::add);
    if (nodes.size() == 2 && nodes.get(1).getKind() == jakarta.validation.ElementKind.PARAMETER) {
      return nodes.get(1).getName();
    }
    StringBuilder out = new StringBuilder("$");
    for (Path.Node node : nodes) {
      switch (node.getKind()) {
        case METHOD, PARAMETER, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {}
        default -> {
          if (node.getIndex() != null) {
            out.append('[').append(node.getIndex()).append(']');
          } else if (node.getKey() != null) {
            out.append('[').append(node.getKey()).append(']');
          }
          if (node.getName() != null && !node.getName().startsWith("<")) {
            out.append('.').append(node.getName());
          }
        }
      }
    }
    return out.toString();
  }

  private static String detailFor(int status) {
    return switch (status) {
      case 404 -> "There is nothing at this address.";
      case 405 -> "This address does not accept that method.";
      case 406 -> "Only application/json can be served.";
      case 413 -> "The request body is too large.";
      case 415 -> "Send the body as application/json.";
      default -> "The request cannot be served.";
    };
  }

  static Response problem(
      int status, String title, String detail, UriInfo uri, List<Problem.FieldError> errors) {
    Problem body =
        new Problem(
            "about:blank", title, status, detail, uri == null ? null : uri.getPath(), errors);
    return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
  }
}
