package dev.podium.topic;

import dev.podium.common.LimitParam;
import dev.podium.common.Links;
import dev.podium.common.Page;
import dev.podium.common.PageParams;
import dev.podium.common.Params;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** HTTP for topics and the topic page. */
@Path("/api/v1/topics")
@Tag(name = "Topics", description = "Subjects that group talks and interviews, as a tree.")
public class TopicResource {

  private final TopicService topics;
  private final TopicOverview overview;

  public TopicResource(TopicService topics, TopicOverview overview) {
    this.topics = topics;
    this.overview = overview;
  }

  @GET
  @Operation(
      operationId = "listTopics",
      summary = "List topics by name",
      description =
          "Topics by name, a page at a time: pass `page.next` as `cursor` for the next "
              + "page. With `parent`, only that topic's direct children.")
  @APIResponse(
      responseCode = "200",
      description = "A page of topics.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TopicApi.PageOf.class),
              examples = @ExampleObject(name = "topics", value = Examples.PAGE)))
  public RestResponse<Page<TopicApi.Summary>> list(
      @Parameter(description = "Only the direct children of this topic.", example = "resiliency")
          @QueryParam("parent")
          String parent,
      @BeanParam PageParams paging,
      @Context UriInfo uri) {
    return Links.page(topics.list(Params.slug("parent", parent), paging.request()), uri);
  }

  @GET
  @Path("{slug}")
  @Operation(
      operationId = "getTopic",
      summary = "Get a topic with its parent, children and counts",
      description =
          "A topic with its parent and children, and how many talks and interviews are on "
              + "it or on one of its sub-topics.")
  @APIResponse(
      responseCode = "200",
      description = "The topic.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TopicApi.Detail.class),
              examples = @ExampleObject(name = "resiliency", value = Examples.DETAIL)))
  public TopicApi.Detail get(@Parameter(example = "resiliency") @PathParam("slug") String slug) {
    return topics.get(slug);
  }

  @GET
  @Path("{slug}/overview")
  @Operation(
      operationId = "getTopicOverview",
      summary = "The topic page: presentations, past presentations and interviews",
      description =
          "Everything a topic page shows, in one call. `presentations` are the talks on the "
              + "topic or a sub-topic at the reference conference (`conference`, by default the "
              + "latest conference with talks on the topic); `pastPresentations` are those of "
              + "earlier conferences, newest first; `interviews` are the interviews on the topic, "
              + "newest first. Items are summaries with excerpts; `limit` caps each of the three lists.")
  @APIResponse(
      responseCode = "200",
      description = "Everything a topic page shows.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TopicOverview.View.class),
              examples = @ExampleObject(name = "resiliency", value = Examples.OVERVIEW)))
  public TopicOverview.View overview(
      @Parameter(example = "resiliency") @PathParam("slug") String slug,
      @Parameter(
              description =
                  "Reference conference of `presentations`; default: the latest with talks on the topic.",
              example = "qcon-sf-2019")
          @QueryParam("conference")
          String conference,
      @BeanParam LimitParam limit) {
    return overview.of(slug, Params.slug("conference", conference), limit.value());
  }

  @POST
  @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
  @Operation(
      operationId = "createTopic",
      summary = "Create a topic",
      description =
          "Creates a topic from the catalog fields of a topic; without a `slug`, one is "
              + "made from the name. A `parent` that does not exist is a `422`, a slug already "
              + "taken a `409`.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "topic", value = Examples.INPUT)))
  @APIResponse(
      responseCode = "201",
      description = "Created; `Location` is its address.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TopicApi.Detail.class),
              examples = @ExampleObject(name = "topic", value = Examples.DETAIL)))
  public RestResponse<TopicApi.Detail> create(
      @Valid @NotNull TopicApi.Input input, @Context UriInfo uri) {
    TopicApi.Detail created = topics.create(input);
    return Links.created(uri, created.slug(), created);
  }

  @PUT
  @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
  @Path("{slug}")
  @Operation(
      operationId = "replaceTopic",
      summary = "Replace a topic",
      description =
          "Replaces the topic with the body; a `slug` in the body must be the one in the "
              + "path. Send the `ETag` you read as `If-Match`: if the topic changed since, the "
              + "answer is `412` and nothing is written.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "topic", value = Examples.INPUT)))
  @APIResponse(
      responseCode = "200",
      description = "Replaced.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = TopicApi.Detail.class),
              examples = @ExampleObject(name = "topic", value = Examples.DETAIL)))
  public TopicApi.Detail replace(
      @Parameter(example = "chaos-engineering") @PathParam("slug") String slug,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull TopicApi.Input input) {
    return topics.replace(slug, input, ifMatch);
  }

  @DELETE
  @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
  @Path("{slug}")
  @Operation(
      operationId = "deleteTopic",
      summary = "Delete a topic nothing refers to",
      description =
          "Deletes a topic that no sub-topic, talk or interview refers to; otherwise `409` "
              + "names what still does. Accepts `If-Match` like a replace.")
  @APIResponse(responseCode = "204", description = "Deleted.")
  public void delete(
      @Parameter(example = "chaos-engineering") @PathParam("slug") String slug,
      @HeaderParam("If-Match") String ifMatch) {
    topics.delete(slug, ifMatch);
  }
}
