package dev.podium.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.podium.conference.ConferenceApi;
import dev.podium.interview.InterviewApi;
import dev.podium.speaker.SpeakerApi;
import dev.podium.talk.TalkApi;
import dev.podium.topic.TopicApi;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The records of the catalog format ({@code catalog.schema.json}). */
public final class Catalog {

  private Catalog() {}

  /** A whole catalog; every cross reference is by slug. */
  @Schema(name = "Catalog")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Document(
      @Schema(example = "1", enumeration = "1") @NotNull Integer formatVersion,
      @Schema(example = "Facts from the public QCon San Francisco resiliency topic pages.")
          @Size(max = 500)
          String source,
      List<TopicApi.@Valid Input> topics,
      List<ConferenceApi.@Valid Input> conferences,
      List<SpeakerApi.@Valid Input> speakers,
      List<TalkApi.@Valid Input> talks,
      List<InterviewApi.@Valid Input> interviews) {}

  /** What an import did, or would do with {@code dryRun}, per kind. */
  @Schema(name = "ImportCounts")
  public record Counts(
      @Schema(example = "1") int created,
      @Schema(example = "2") int updated,
      @Schema(example = "5") int unchanged) {}

  /** The answer to an import. */
  @Schema(name = "ImportResult")
  public record Result(
      @Schema(example = "false") boolean dryRun,
      @Schema(example = "{\"topics\":{\"created\":8,\"updated\":0,\"unchanged\":0}}")
          Map<String, Counts> counts) {}
}
