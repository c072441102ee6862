package dev.podium.common;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The {@code limit} of an answer that is not paged by cursor (related talks, the overview, …). */
public class LimitParam {

  @QueryParam("limit")
  @Parameter(
      description = "How many items, 1 to 100.",
      schema =
          @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20"),
      example = "20")
  public String limit;

  /** The limit asked for, or the default; a {@code 400} naming {@code limit} when out of range. */
  public int value() {
    return Params.limit(limit);
  }
}
