package dev.podium.common;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Documents, in one place, what every operation of the API can answer besides success: the problem
 * responses (as {@code application/problem+json}, each with an example), {@code 304} and the
 * caching headers on reads, the conditional headers on writes, 401, 403 and 503 on the operations
 * that need a bearer token and an empty security requirement on reads, which need none. The rules
 * are those of the one exception mapper and the one caching filter, so the document cannot drift
 * from them operation by operation. (It also moves the enum of a repeatable parameter onto its
 * items, where the annotations cannot put it.) It runs at build time, after the other filters, so a
 * start serves the finished document rather than filtering one.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD, priority = -1)
public class ProblemResponses implements OASFilter {

  private static final String PROBLEM_REF = "#/components/schemas/Problem";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
      return;
    }
    openAPI
        .getPaths()
        .getPathItems()
        .forEach(
            (path, item) -> {
              if (path.startsWith("/api/")) {
                item.getOperations().forEach((method, op) -> describe(path, method, op));
              }
            });
  }

  private void describe(String path, PathItem.HttpMethod method, Operation op) {
    boolean item = path.endsWith("}") || path.endsWith("/overview");
    boolean list = method == PathItem.HttpMethod.GET && !item;
    Map<String, String> problems = new TreeMap<>();
    switch (method) {
      case GET -> {
        if (list || path.endsWith("/overview") || path.endsWith("/catalog")) {
          problems.put("400", "A query parameter is malformed (bad enum, number, slug or cursor).");
        }
        if (item || path.endsWith("/catalog")) {
          problems.put("404", "Nothing has this slug.");
        }
        op.getResponses().addAPIResponse("304", notModified());
        withCachingHeaders(op.getResponses().getAPIResponse("200"));
        op.addParameter(header("If-None-Match", "Answer 304 when this tag is still current."));
        // Reads are public; an empty requirement says so, rather than leaving it to be guessed.
        op.setSecurity(new ArrayList<>());
      }
      case POST -> {
        problems.put("400", "The body is malformed or has invalid fields; `errors` names them.");
        problems.put("409", "Something with this slug already exists.");
        problems.put("413", "The body is too large.");
        problems.put("415", "The body is not application/json.");
        problems.put("422", "The body refers to something that does not exist; `errors` names it.");
      }
      case PUT -> {
        problems.put("400", "The body is malformed or has invalid fields; `errors` names them.");
        problems.put("404", "Nothing has this slug.");
        problems.put("409", "The change would remove something still referenced.");
        problems.put("412", "`If-Match` does not name the current representation.");
        problems.put("413", "The body is too large.");
        problems.put("415", "The body is not application/json.");
        problems.put("422", "The body refers to something that does not exist; `errors` names it.");
      }
      case DELETE -> {
        problems.put("404", "Nothing has this slug.");
        problems.put("409", "Something still refers to it; the problem names what.");
        problems.put("412", "`If-Match` does not name the current representation.");
      }
      default -> {}
    }
    if (path.endsWith("/catalog") && method == PathItem.HttpMethod.POST) {
      problems.remove("409");
      problems.put(
          "422",
          "An entry is invalid; `errors` lists every bad entry by JSON path. Nothing was written.");
    }
    if (op.getParameters() != null) {
      op.getParameters().stream()
          .filter(p -> "If-Match".equals(p.getName()))
          .forEach(
              p -> p.description("Only change it if this is still its current `ETag` (else 412)."));
    }
    if (op.getParameters() != null) {
      op.getParameters().forEach(ProblemResponses::enumOnItems);
    }
    if (list) {
      APIResponse ok = op.getResponses().getAPIResponse("200");
      if (ok != null) {
        ok.addHeader(
            "Link",
            OASFactory.createHeader()
                .description("`<url>; rel=\"next\"` when there is a next page.")
                .schema(string()));
      }
    }
    if (op.getSecurity() != null && !op.getSecurity().isEmpty()) {
      // Quarkus marks the operations with @RolesAllowed, with bare 401 and 403 answers.
      problems.put(
          "401",
          "No bearer token, or one that is malformed, expired or not from a trusted issuer.");
      problems.put("403", "The bearer token is valid but lacks the role this needs.");
    }
    problems.put("500", "An unexpected failure; the detail is generic and the cause is logged.");
    problems.put(
        "503",
        op.getSecurity() != null && !op.getSecurity().isEmpty()
            ? "The database cannot be reached right now, or another write (a catalog import)"
                + " held this one up too long: try again after `Retry-After` seconds. Or writes"
                + " are disabled: the server has no key to verify bearer tokens."
            : path.endsWith("/search")
                ? "Too many searches are running and this one waited its longest for its turn"
                    + " (`podium.search.max-wait`): try again after `Retry-After` seconds."
                : "The database cannot be reached right now; try again after `Retry-After`"
                    + " seconds.");
    problems.forEach(
        (status, description) -> {
          APIResponse existing = op.getResponses().getAPIResponse(status);
          // Replaces the bare "Bad Request" that SmallRye adds for validated bodies.
          if (existing == null || existing.getContent() == null) {
            op.getResponses()
                .addAPIResponse(
                    status, problem(Integer.parseInt(status), method, description, path));
          }
          if (status.equals("503")) {
            op.getResponses()
                .getAPIResponse(status)
                .addHeader(
                    "Retry-After",
                    OASFactory.createHeader()
                        .description("Seconds to wait before trying again.")
                        .schema(
                            OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER))));
          }
        });
  }

  /**
   * A repeatable parameter ({@code ?type=talk&type=speaker}) is an array whose items take the
   * enum's values; the annotations can only put the enum on the array itself.
   */
  private static void enumOnItems(Parameter parameter) {
    Schema schema = parameter.getSchema();
    if (schema != null
        && schema.getEnumeration() != null
        && schema.getItems() != null
        && schema.getType() != null
        && schema.getType().contains(Schema.SchemaType.ARRAY)) {
      schema.getItems().setEnumeration(schema.getEnumeration());
      schema.setEnumeration(null);
    }
  }

  private static APIResponse problem(
      int status, PathItem.HttpMethod method, String description, String path) {
    // A map, not JSON text: an example value is the body itself, so tools validate it against the
    // Problem schema (a string would be an example of a string).
    Map<String, Object> example = new LinkedHashMap<>();
    example.put("type", "about:blank");
    example.put("title", title(status, method, path));
    example.put("status", status);
    example.put("detail", description.replace("`", ""));
    example.put("instance", path);
    MediaType media =
        OASFactory.createMediaType()
            .schema(OASFactory.createSchema().ref(PROBLEM_REF))
            .addExample(status + "", OASFactory.createExample().value(example));
    return OASFactory.createAPIResponse()
        .description(description)
        .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media));
  }

  /** The title the exception mapper gives this answer (see ApiException and ProblemMapper). */
  private static String title(int status, PathItem.HttpMethod method, String path) {
    boolean catalogImport = path.endsWith("/catalog") && method == PathItem.HttpMethod.POST;
    return switch (status) {
      case 400 -> method == PathItem.HttpMethod.GET ? "Invalid parameter" : "Invalid request";
      case 401 -> "Authentication required";
      case 403 -> "Forbidden";
      case 404 -> "Not found";
      case 409 -> "Conflict";
      case 412 -> "Precondition failed";
      case 413 -> "Request Entity Too Large";
      case 415 -> "Unsupported Media Type";
      case 422 -> catalogImport ? "Invalid catalog" : "Unknown reference";
      case 503 -> path.endsWith("/search") ? "Busy" : "Service unavailable";
      default -> "Internal error";
    };
  }

  private static APIResponse notModified() {
    return withCachingHeaders(
        OASFactory.createAPIResponse()
            .description("Not modified: the `If-None-Match` tag is current."));
  }

  private static APIResponse withCachingHeaders(APIResponse response) {
    if (response != null) {
      Schema string = string();
      response.addHeader(
          "ETag",
          OASFactory.createHeader().description("Tag of this representation.").schema(string));
      response.addHeader(
          "Cache-Control",
          OASFactory.createHeader().description("public, short max-age.").schema(string));
    }
    return response;
  }

  private static Parameter header(String name, String description) {
    return OASFactory.createParameter()
        .name(name)
        .in(Parameter.In.HEADER)
        .description(description)
        .schema(string());
  }

  private static Schema string() {
    return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING));
  }
}
