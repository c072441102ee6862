package dev.podium.interview;

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

/** HTTP for interviews. */
@Path("/api/v1/interviews")
@Tag(name = "Interviews", description = "Speaker interviews: questions and answers.")
public class InterviewResource {

  private final InterviewService interviews;

  public InterviewResource(InterviewService interviews) {
    this.interviews = interviews;
  }

  @GET
  @Operation(
      operationId = "listInterviews",
      summary = "List interviews, newest first",
      description =
          "Interviews, newest first, a page at a time: pass `page.next` as `cursor` for the "
              + "next page. Filter by `speaker`, `talk` and `topic`. A summary's excerpt is the "
              + "first question followed by the start of its answer.")
  @APIResponse(
      responseCode = "200",
      description = "A page of interviews.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = InterviewApi.PageOf.class),
              examples = @ExampleObject(name = "interviews", value = Examples.PAGE)))
  public RestResponse<Page<InterviewApi.Summary>> list(
      @Parameter(description = "Speaker slug.", example = "wes-reisz") @QueryParam("speaker")
          String speaker,
      @Parameter(description = "Slug of the talk the interview is about.") @QueryParam("talk")
          String talk,
      @Parameter(description = "Topic slug; matches its sub-topics too.", example = "resiliency")
          @QueryParam("topic")
          String topic,
      @BeanParam PageParams paging,
      @Context UriInfo uri) {
    return Links.page(
        interviews.list(
            Params.slug("speaker", speaker),
            Params.slug("talk", talk),
            Params.slug("topic", topic),
            paging.request()),
        uri);
  }

  @GET
  @Path("{slug}")
  @Operation(
      operationId = "getInterview",
      summary = "Get an interview with every question and answer",
      description =
          "An interview with its speaker, the talk it is about, and every question and "
              + "answer in order.")
  @APIResponse(
      responseCode = "200",
      description = "The interview.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = InterviewApi.Detail.class),
              examples = @ExampleObject(name = "interview", value = Examples.DETAIL)))
  public InterviewApi.Detail get(
      @Parameter(example = "living-on-the-edge-track-host-interview") @PathParam("slug")
          String slug) {
    return interviews.get(slug);
  }

  @POST
  @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
  @Operation(
      operationId = "createInterview",
      summary = "Create an interview",
      description =
          "Creates an interview from the catalog fields of an interview; without a `slug`, "
              + "one is made from the title. The speaker, talk and topics are named by slug: one "
              + "that does not exist is a `422`.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "interview", value = Examples.INPUT)))
  @APIResponse(
      responseCode = "201",
      description = "Created; `Location` is its address.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = InterviewApi.Detail.class),
              examples = @ExampleObject(name = "interview", value = Examples.DETAIL)))
  public RestResponse<InterviewApi.Detail> create(
      @Valid @NotNull InterviewApi.Input input, @Context UriInfo uri) {
    InterviewApi.Detail created = interviews.create(input);
    return Links.created(uri, created.slug(), created);
  }

  @PUT
  @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
  @Path("{slug}")
  @Operation(
      operationId = "replaceInterview",
      summary = "Replace an interview",
      description =
          "Replaces the interview with the body. Send the `ETag` you read as `If-Match`: if "
              + "the interview changed since, the answer is `412` and nothing is written.")
  @RequestBody(
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              examples = @ExampleObject(name = "interview", value = Examples.INPUT)))
  @APIResponse(
      responseCode = "200",
      description = "Replaced.",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = InterviewApi.Detail.class),
              examples = @ExampleObject(name = "interview", value = Examples.DETAIL)))
  public InterviewApi.Detail replace(
      @Parameter(example = "living-on-the-edge-track-host-interview") @PathParam("slug")
          String slug,
      @HeaderParam("If-Match") String ifMatch,
      @Valid @NotNull InterviewApi.Input input) {
    return interviews.replace(slug, input, ifMatch);
  }

  @DELETE
  @RolesAllowed({Roles.EDITOR, Roles.ADMIN})
  @Path("{slug}")
  @Operation(
      operationId = "deleteInterview",
      summary = "Delete an interview",
      description =
          "Deletes an interview; nothing refers to interviews. Accepts `If-Match` like a "
              + "replace.")
  @APIResponse(responseCode = "204", description = "Deleted.")
  public void delete(
      @Parameter(example = "living-on-the-edge-track-host-interview") @PathParam("slug")
          String slug,
      @HeaderParam("If-Match") String ifMatch) {
    interviews.delete(slug, ifMatch);
  }
}
