package dev.podium.common;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The paging parameters every list takes. */
public class PageParams {

  @QueryParam("limit")
  @Parameter(
      description = "Items per page, 1 to 100.",
      schema =
          @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"),
      example = "20")
  public String limit;

  @QueryParam("cursor")
  @Parameter(description = "Where to go on: `page.next` of the previous page, as given.")
  public String cursor;

  public PageRequest request() {
    return PageRequest.of(limit, cursor);
  }
}
