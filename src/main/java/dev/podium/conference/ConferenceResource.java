package dev.podium.conference;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** HTTP for conferences. */
@Path("/api/v1/conferences")
@Tag(name = "Conferences", description = "Editions of conference series, with their tracks.")
public class ConferenceResource {

  private final ConferenceService conferences;

  public ConferenceResource(ConferenceService conferences) {
    this.conferences = conferences;
  }

  @GET
  @Operation(
      operationId = "listConferences",
      summary = "List conferences, newest first",
      description =
          "Conferences, newest first, a page at a time: pass `page.next` as `cursor` for "
              + "the next page. Filter by `series`, `year` and `status` (`upcoming` until the "
              + "first day begins, then `past`).")
  @APIResponse(
      responseCode = "200",
      description = "A page of conferences.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ConferenceApi.PageOf.class),
              examples = @ExampleObject(name = "conferences", value = Examples.PAGE)))
  public RestResponse<Page<ConferenceApi.Summary>> list(
      @Parameter(description = "Series name, any case.", example = "QCon San Francisco")
          @QueryParam("series")
          String series,
      @Parameter(
              description = "Year the conference starts in.",
              schema = @Schema(type = SchemaType.INTEGER),
              example = "2019")
          @QueryParam("year")
          String year,
      @Parameter(
              description = "`upcoming` until the conference begins, then `past`.",
              schema = @Schema(enumeration = {"upcoming", "past"}))
          @QueryParam("status")
          String status,
      @BeanParam PageParams paging,
      @Context UriInfo uri) {
    return Links.page(
        conferences.list(
            series == null || series.isBlank() ? null : series.strip(),
            Params.year(year),
            Params.oneOf("status", status, "upcoming", "past"),
            paging.request()),
        uri);
  }

  @GET
  @Path("{slug}")
  @Operation(
      operationId = "getConference",
      summary = "Get a conference with its tracks and talk count",
      description = "A conference with its tracks in order and how many talks it has.")
  @APIResponse(
      responseCode = "200",
      description = "The conference.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ConferenceApi.Detail.class),
              examples = @ExampleObject(name = "qcon-sf-2018", value = Examples.DETAIL)))
  public ConferenceApi.Detail get(
      @Parameter(example = "qcon-sf-2018") @PathParam("slug") String slug) {
    return conferences.get(slug);
  }

  @POST
  @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
  @Operation(
      operationId = "createConference",
      summary = "Create a conference",
      description =
          "Creates a conference and its tracks from the catalog fields of a conference; "
              + "without a `slug`, one is made from the name. A slug already taken is a `409`.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "conference", value = Examples.INPUT)))
  @APIResponse(
      responseCode = "201",
      description = "Created; `Location` is its address.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ConferenceApi.Detail.class),
              examples = @ExampleObject(name = "conference", value = Examples.DETAIL)))
  public RestResponse<ConferenceApi.Detail> create(
      @Valid @NotNull ConferenceApi.Input input, @Context UriInfo uri) {
    ConferenceApi.Detail created = conferences.create(input);
    return Links.created(uri, created.slug(), created);
  }

  @PUT
  @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
  @Path("{slug}")
  @Operation(
      operationId = "replaceConference",
      summary = "Replace a conference and its tracks",
      description =
          "Replaces the conference and its tracks with the body. A track that talks still "
              + "refer to cannot be removed (`409`). Send the `ETag` you read as `If-Match`: if "
              + "the conference changed since, the answer is `412` and nothing is written.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "conference", value = Examples.INPUT)))
  @APIResponse(
      responseCode = "200",
      description = "Replaced.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = ConferenceApi.Detail.class),
              examples = @ExampleObject(name = "conference", value = Examples.DETAIL)))
  public ConferenceApi.Detail replace(
      @Parameter(example = "qcon-sf-2018") @PathParam("slug") String slug,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull ConferenceApi.Input input) {
    return conferences.replace(slug, input, ifMatch);
  }

  @DELETE
  @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
  @Path("{slug}")
  @Operation(
      operationId = "deleteConference",
      summary = "Delete a conference that has no talks",
      description =
          "Deletes a conference that has no talks; otherwise `409` names them. Accepts "
              + "`If-Match` like a replace.")
  @APIResponse(responseCode = "204", description = "Deleted.")
  public void delete(
      @Parameter(example = "qcon-sf-2018") @PathParam("slug") String slug,
      @HeaderParam("If-Match") String ifMatch) {
    conferences.delete(slug, ifMatch);
  }
}
