package dev.podium.speaker;

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

/** HTTP for speakers. */
@Path("/api/v1/speakers")
@Tag(name = "Speakers", description = "People who give talks and interviews.")
public class SpeakerResource {

  private final SpeakerService speakers;

  public SpeakerResource(SpeakerService speakers) {
    this.speakers = speakers;
  }

  @GET
  @Operation(
      operationId = "listSpeakers",
      summary = "List speakers by name",
      description =
          "Speakers by name, a page at a time: pass `page.next` as `cursor` for the next "
              + "page. `q` matches the start of any word of the name (for a type-ahead); "
              + "`company` and `topic` (speakers with a talk on it) narrow the list.")
  @APIResponse(
      responseCode = "200",
      description = "A page of speakers.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SpeakerApi.PageOf.class),
              examples = @ExampleObject(name = "speakers", value = Examples.PAGE)))
  public RestResponse<Page<SpeakerApi.Summary>> list(
      @Parameter(description = "Start of any word of the name, any case.", example = "jon")
          @QueryParam("q")
          String q,
      @Parameter(description = "Company, any case.", example = "Netflix") @QueryParam("company")
          String company,
      @Parameter(
              description = "Speakers with talks on this topic or its sub-topics.",
              example = "resiliency")
          @QueryParam("topic")
          String topic,
      @BeanParam PageParams paging,
      @Context UriInfo uri) {
    if (q != null && q.length() > 200) {
      throw dev.podium.common.ApiException.badParameter("q", "must be at most 200 characters");
    }
    return Links.page(
        speakers.list(q, company, Params.slug("topic", topic), paging.request()), uri);
  }

  @GET
  @Path("{slug}")
  @Operation(
      operationId = "getSpeaker",
      summary = "Get a speaker with their talks and interviews",
      description = "A speaker with the summaries of their talks and interviews.")
  @APIResponse(
      responseCode = "200",
      description = "The speaker.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SpeakerApi.Detail.class),
              examples = @ExampleObject(name = "nora-jones", value = Examples.DETAIL)))
  public SpeakerApi.Detail get(@Parameter(example = "nora-jones") @PathParam("slug") String slug) {
    return speakers.get(slug);
  }

  @POST
  @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
  @Operation(
      operationId = "createSpeaker",
      summary = "Create a speaker",
      description =
          "Creates a speaker from the catalog fields of a speaker; without a `slug`, one is "
              + "made from the name. A slug already taken is a `409`.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "speaker", value = Examples.INPUT)))
  @APIResponse(
      responseCode = "201",
      description = "Created; `Location` is its address.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SpeakerApi.Detail.class),
              examples = @ExampleObject(name = "speaker", value = Examples.DETAIL)))
  public RestResponse<SpeakerApi.Detail> create(
      @Valid @NotNull SpeakerApi.Input input, @Context UriInfo uri) {
    SpeakerApi.Detail created = speakers.create(input);
    return Links.created(uri, created.slug(), created);
  }

  @PUT
  @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
  @Path("{slug}")
  @Operation(
      operationId = "replaceSpeaker",
      summary = "Replace a speaker",
      description =
          "Replaces the speaker with the body; talks and interviews that show the speaker "
              + "change with it (and so do their `ETag`s). Send the `ETag` you read as "
              + "`If-Match`: if the speaker changed since, the answer is `412` and nothing is "
              + "written.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "speaker", value = Examples.INPUT)))
  @APIResponse(
      responseCode = "200",
      description = "Replaced.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = SpeakerApi.Detail.class),
              examples = @ExampleObject(name = "speaker", value = Examples.DETAIL)))
  public SpeakerApi.Detail replace(
      @Parameter(example = "nora-jones") @PathParam("slug") String slug,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull SpeakerApi.Input input) {
    return speakers.replace(slug, input, ifMatch);
  }

  @DELETE
  @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
  @Path("{slug}")
  @Operation(
      operationId = "deleteSpeaker",
      summary = "Delete a speaker with no talks or interviews",
      description =
          "Deletes a speaker who gives no talk and has no interview; otherwise `409` names "
              + "them. Accepts `If-Match` like a replace.")
  @APIResponse(responseCode = "204", description = "Deleted.")
  public void delete(
      @Parameter(example = "nora-jones") @PathParam("slug") String slug,
      @HeaderParam("If-Match") String ifMatch) {
    speakers.delete(slug, ifMatch);
  }
}
