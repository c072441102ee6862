package dev.podium.changes;

import dev.podium.common.LimitParam;
import dev.podium.common.Page;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public change feed: what changed since a point, oldest first, for incremental sync. */
@Path("/api/v1/changes")
@Tag(
    name = "Changes",
    description = "What changed since a point, for static site builders and offline apps.")
public class ChangeResource {

  private final ChangeLog changes;

  public ChangeResource(ChangeLog changes) {
    this.changes = changes;
  }

  /** One change. */
  @Schema(name = "ChangeItem")
  public record Item(
      @Schema(
              example = "talk",
              enumeration = {"topic", "conference", "speaker", "talk", "interview"})
          String kind,
      @Schema(example = "designing-services-resilience-testing-netflix") String slug,
      @Schema(
              example = "upsert",
              enumeration = {"upsert", "delete"})
          String op,
      @Schema(example = "2026-11-27T10:15:30Z") Instant at) {}

  /** A page of the feed. */
  @Schema(name = "ChangePage")
  public record Feed(List<Item> items, Page.Info page) {}

  private static final String EXAMPLE =
      """
      {"items":[{"kind":"talk","slug":"designing-services-resilience-testing-netflix","op":"upsert","at":"2026-11-27T10:15:30Z"}],
       "page":{"limit":100,"next":"Y2hhbmdlcx8xNw","total":1}}
      """;

  @GET
  @Operation(
      operationId = "listChanges",
      summary = "What changed since a point, oldest first",
      description =
          "The change feed, oldest first, for a static site builder or an offline app: each "
              + "item names the `kind` and `slug` that was created or updated (`upsert`) or "
              + "deleted. Keep `page.next` and ask again with it as `since` later.")
  @APIResponse(
      responseCode = "200",
      description =
          "Changes after `since`. `page.next` is always given: pass it as `since` to get what changes later;"
              + " fewer items than `limit` means you are up to date. `total` counts what is left after `since`.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Feed.class),
              examples = @ExampleObject(name = "changes", value = EXAMPLE)))
  public Feed list(
      @Parameter(description = "`page.next` of an earlier answer; absent for the whole history.")
          @QueryParam("since")
          String since,
      @BeanParam LimitParam limit) {
    return changes.feed(since, limit.value());
  }
}
