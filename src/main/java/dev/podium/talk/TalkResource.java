package dev.podium.talk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podium.common.LimitParam;
import dev.podium.common.Links;
import dev.podium.common.Page;
import dev.podium.common.PageParams;
import dev.podium.common.Params;
import dev.podium.search.SearchService;
import dev.podium.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** HTTP for talks. */
@Path("/api/v1/talks")
@Tag(
    name = "Talks",
    description = "Presentations: abstract, speakers, level, room and time, video.")
public class TalkResource {

  private final TalkService talks;
  private final SearchService search;

  public TalkResource(TalkService talks, SearchService search) {
    this.talks = talks;
    this.search = search;
  }

  /** Similar talks (named for the OpenAPI document). */
  @Schema(name = "RelatedTalks")
  public record Related(List<TalkApi.Summary> items) {}

  @GET
  @Operation(
      operationId = "listTalks",
      summary = "List talks with filters",
      description =
          "Talks, newest first by default, a page at a time: pass `page.next` as `cursor` "
              + "for the next page. Every filter is optional and they combine; several `topic` "
              + "values match talks on any of them, and a topic matches its sub-topics.")
  @APIResponse(
      responseCode = "200",
      description = "A page of talks.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TalkApi.PageOf.class),
              examples = @ExampleObject(name = "talks", value = Examples.PAGE)))
  public RestResponse<Page<TalkApi.Summary>> list(
      @Parameter(
              description =
                  "Topic slug, repeatable (any of them); a topic matches its sub-topics too.",
              example = "[\"resiliency\"]")
          @QueryParam("topic")
          List<String> topic,
      @Parameter(description = "Speaker slug.", example = "nora-jones") @QueryParam("speaker")
          String speaker,
      @Parameter(description = "Conference slug.", example = "qcon-sf-2017")
          @QueryParam("conference")
          String conference,
      @Parameter(description = "Track slug.", example = "production-readiness") @QueryParam("track")
          String track,
      @Parameter(
              schema = @Schema(enumeration = {"talk", "keynote", "panel", "workshop", "lightning"}))
          @QueryParam("type")
          String type,
      @Parameter(schema = @Schema(enumeration = {"beginner", "intermediate", "advanced"}))
          @QueryParam("level")
          String level,
      @Parameter(
              description =
                  "Year of the talk's start, or of its conference when it has no start time.",
              schema = @Schema(type = SchemaType.INTEGER),
              example = "2018")
          @QueryParam("year")
          String year,
      @Parameter(
              description = "`upcoming` until the talk (or its conference) begins, then `past`.",
              schema = @Schema(enumeration = {"upcoming", "past"}))
          @QueryParam("status")
          String status,
      @Parameter(
              description = "Only talks with (true) or without (false) a video.",
              schema = @Schema(type = SchemaType.BOOLEAN))
          @QueryParam("hasVideo")
          String hasVideo,
      @Parameter(
              description =
                  "Order; talks without a start time come last. Default `-startsAt` (newest first).",
              schema =
                  @Schema(
                      enumeration = {"startsAt", "-startsAt", "title"},
                      defaultValue = "-startsAt"))
          @QueryParam("sort")
          String sort,
      @BeanParam PageParams paging,
      @Context UriInfo uri) {
    TalkFilter filter =
        TalkFilter.parse(
            topic, speaker, conference, track, type, level, year, status, hasVideo, sort);
    return Links.page(talks.list(filter, paging.request()), uri);
  }

  @GET
  @Path("{slug}")
  @Operation(
      operationId = "getTalk",
      summary = "Get a talk with conference, track, speakers, topics and interviews",
      description =
          "A talk with its conference and track, its speakers and topics, and the "
              + "interviews about it. `status` is derived: `upcoming` until the talk (or its "
              + "conference) begins, then `past`.")
  @APIResponse(
      responseCode = "200",
      description = "The talk.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TalkApi.Detail.class),
              examples = @ExampleObject(name = "talk", value = Examples.DETAIL)))
  public TalkApi.Detail get(
      @Parameter(example = "designing-services-resilience-testing-netflix") @PathParam("slug")
          String slug) {
    return talks.get(slug);
  }

  @GET
  @Path("{slug}/related")
  @Operation(
      operationId = "getRelatedTalks",
      summary = "Talks like this one, most similar first",
      description =
          "Talks similar to this one by their words, topics and speakers, most similar "
              + "first; never the talk itself. For a \"you may also like\" list.")
  @APIResponse(
      responseCode = "200",
      description = "Similar talks by text, topics and speakers; never the talk itself.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Related.class),
              examples = @ExampleObject(name = "related", value = Examples.RELATED)))
  public Map<String, List<JsonNode>> related(
      @Parameter(example = "designing-services-resilience-testing-netflix") @PathParam("slug")
          String slug,
      @BeanParam LimitParam limit) {
    return Map.of("items", search.related(Params.slug("slug", slug), limit.value()));
  }

  @POST
  @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
  @Operation(
      operationId = "createTalk",
      summary = "Create a talk",
      description =
          "Creates a talk from the catalog fields of a talk; without a `slug`, one is made "
              + "from the title. The conference, track, speakers and topics are named by slug: "
              + "one that does not exist is a `422`.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "talk", value = Examples.INPUT)))
  @APIResponse(
      responseCode = "201",
      description = "Created; `Location` is its address.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TalkApi.Detail.class),
              examples = @ExampleObject(name = "talk", value = Examples.DETAIL)))
  public RestResponse<TalkApi.Detail> create(
      @Valid @NotNull TalkApi.Input input, @Context UriInfo uri) {
    TalkApi.Detail created = talks.create(input);
    return Links.created(uri, created.slug(), created);
  }

  @PUT
  @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
  @Path("{slug}")
  @Operation(
      operationId = "replaceTalk",
      summary = "Replace a talk",
      description =
          "Replaces the talk with the body. Send the `ETag` you read as `If-Match`: if the "
              + "talk changed since, the answer is `412` and nothing is written.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "talk", value = Examples.INPUT)))
  @APIResponse(
      responseCode = "200",
      description = "Replaced.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TalkApi.Detail.class),
              examples = @ExampleObject(name = "talk", value = Examples.DETAIL)))
  public TalkApi.Detail replace(
      @Parameter(example = "designing-services-resilience-testing-netflix") @PathParam("slug")
          String slug,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull TalkApi.Input input) {
    return talks.replace(slug, input, ifMatch);
  }

  @DELETE
  @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
  @Path("{slug}")
  @Operation(
      operationId = "deleteTalk",
      summary = "Delete a talk no interview refers to",
      description =
          "Deletes a talk that no interview is about; otherwise `409` names the interviews. "
              + "Accepts `If-Match` like a replace.")
  @APIResponse(responseCode = "204", description = "Deleted.")
  public void delete(
      @Parameter(example = "designing-services-resilience-testing-netflix") @PathParam("slug")
          String slug,
      @HeaderParam("If-Match") String ifMatch) {
    talks.delete(slug, ifMatch);
  }
}
