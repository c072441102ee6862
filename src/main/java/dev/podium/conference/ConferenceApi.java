package dev.podium.conference;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.podium.common.Slugs;
import dev.podium.talk.Schedule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.URL;

/** The records conferences and tracks travel in. */
public final class ConferenceApi {

  private ConferenceApi() {}

  /** A conference as other resources embed it. */
  @Schema(name = "ConferenceRef")
  public record Ref(
      @Schema(example = "qcon-sf-2019") String slug,
      @Schema(example = "QCon San Francisco 2019") String name,
      @Schema(nullable = true, example = "2019-11-11") LocalDate startDate) {
    public static Ref of(Conference c) {
      return c == null ? null : new Ref(c.slug, c.name, c.startDate);
    }
  }

  /** A track as a talk names it. */
  @Schema(name = "TrackRef")
  public record TrackRef(
      @Schema(example = "production-readiness") String slug,
      @Schema(example = "Production Readiness: Building Resilient Systems") String name) {
    public static TrackRef of(Track t) {
      return t == null ? null : new TrackRef(t.slug, t.name);
    }
  }

  /** A conference in a list. */
  @Schema(name = "ConferenceSummary")
  public record Summary(
      @Schema(example = "qcon-sf-2019") String slug,
      @Schema(example = "QCon San Francisco 2019") String name,
      @Schema(nullable = true, example = "QCon San Francisco") String series,
      @Schema(nullable = true, example = "2019-11-11") LocalDate startDate,
      @Schema(nullable = true, example = "2019-11-15") LocalDate endDate,
      @Schema(nullable = true, example = "San Francisco") String city,
      @Schema(nullable = true, example = "United States") String country,
      Schedule.Status status) {
    public static Summary of(Conference c, Instant now) {
      return new Summary(
          c.slug,
          c.name,
          c.series,
          c.startDate,
          c.endDate,
          c.city,
          c.country,
          Schedule.of(c.startDate, now));
    }
  }

  /** A track of a conference, as its detail shows it and as it is written. */
  @Schema(name = "Track")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record TrackInput(
      @Schema(example = "production-readiness")
          @NotNull
          @Pattern(regexp = Slugs.PATTERN, message = "must be lowercase words joined by hyphens")
          @Size(max = Slugs.MAX)
          String slug,
      @Schema(example = "Production Readiness: Building Resilient Systems")
          @NotBlank
          @Size(max = 200)
          String name,
      @Size(max = 5000) String description) {
    public static TrackInput of(Track t) {
      return new TrackInput(t.slug, t.name, t.description);
    }
  }

  /** A conference with its tracks and how many talks it has. */
  @Schema(name = "ConferenceDetail")
  public record Detail(
      @Schema(example = "qcon-sf-2019") String slug,
      @Schema(example = "QCon San Francisco 2019") String name,
      @Schema(nullable = true, example = "QCon San Francisco") String series,
      @Schema(nullable = true, example = "2019-11-11") LocalDate startDate,
      @Schema(nullable = true, example = "2019-11-15") LocalDate endDate,
      @Schema(nullable = true, example = "San Francisco") String city,
      @Schema(nullable = true, example = "United States") String country,
      @Schema(nullable = true, example = "https://qconsf.com/") String url,
      Schedule.Status status,
      List<TrackInput> tracks,
      @Schema(example = "1") long talkCount) {}

  /** A conference as written: the body of POST and PUT, and an entry of a catalog. */
  @Schema(name = "ConferenceInput")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Input(
      @Schema(example = "qcon-sf-2019", description = "Made from the name when left out on create.")
          @Pattern(regexp = Slugs.PATTERN, message = "must be lowercase words joined by hyphens")
          @Size(max = Slugs.MAX)
          String slug,
      @Schema(example = "QCon San Francisco 2019") @NotBlank @Size(max = 200) String name,
      @Schema(example = "QCon San Francisco") @Size(max = 120) String series,
      @Schema(example = "2019-11-11") LocalDate startDate,
      @Schema(example = "2019-11-15") LocalDate endDate,
      @Schema(example = "San Francisco") @Size(max = 120) String city,
      @Schema(example = "United States") @Size(max = 120) String country,
      @Schema(example = "https://qconsf.com/") @URL @Size(max = 2000) String url,
      List<@Valid @NotNull TrackInput> tracks) {

    public static Input of(Conference c) {
      return new Input(
          c.slug,
          c.name,
          c.series,
          c.startDate,
          c.endDate,
          c.city,
          c.country,
          c.url,
          c.tracks.stream().map(TrackInput::of).toList());
    }

    public Input withSlug(String newSlug) {
      return new Input(newSlug, name, series, startDate, endDate, city, country, url, tracks);
    }
  }

  /** A page of summaries, as the list answers it (named for the OpenAPI document). */
  @Schema(name = "ConferencePage")
  public record PageOf(List<Summary> items, dev.podium.common.Page.Info page) {}
}
