package dev.podium.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details body, the shape of every 4xx and 5xx answer. */
@Schema(
    name = "Problem",
    description = "RFC 9457 problem details.",
    requiredProperties = {"type", "title", "status"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
    @Schema(example = "about:blank") String type,
    @Schema(example = "Not found") String title,
    @Schema(example = "404") int status,
    @Schema(example = "No talk with slug 'no-such-talk'.") String detail,
    @Schema(example = "/api/v1/talks/no-such-talk") String instance,
    List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One invalid input: the field (a JSON path for bodies, a name for parameters) and why. */
  public record FieldError(
      @Schema(example = "title") String field,
      @Schema(example = "must not be blank") String message) {}
}
