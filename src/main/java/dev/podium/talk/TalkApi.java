package dev.podium.talk;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.podium.common.Excerpts;
import dev.podium.common.Slugs;
import dev.podium.conference.ConferenceApi;
import dev.podium.interview.InterviewApi;
import dev.podium.speaker.SpeakerApi;
import dev.podium.topic.TopicApi;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.URL;

/** The records talks travel in. */
public final class TalkApi {

  private TalkApi() {}

  /** The kind of session. */
  @Schema(name = "TalkType")
  public enum Type {
    talk,
    keynote,
    panel,
    workshop,
    lightning
  }

  /** Audience level. */
  @Schema(name = "Level")
  public enum Level {
    beginner,
    intermediate,
    advanced
  }

  /** A talk as an interview names it. */
  @Schema(name = "TalkRef")
  public record Ref(
      @Schema(example = "designing-services-resilience-testing-netflix") String slug,
      @Schema(example = "Designing Services for Resilience Testing @Netflix") String title) {
    public static Ref of(Talk t) {
      return t == null ? null : new Ref(t.slug, t.title);
    }
  }

  /** A talk in a list: enough for a card with a "read more" link. */
  @Schema(name = "TalkSummary")
  public record Summary(
      @Schema(example = "designing-services-resilience-testing-netflix") String slug,
      @Schema(example = "Designing Services for Resilience Testing @Netflix") String title,
      @Schema(
              nullable = true,
              example =
                  "Microservices are usually designed for availability, rarely for being tested for resilience…")
          String excerpt,
      @Schema(nullable = true) Type type,
      List<Level> levels,
      Schedule.Status status,
      @Schema(nullable = true, example = "2017-11-13T18:35:00Z") Instant startsAt,
      @Schema(nullable = true, example = "50") Integer durationMinutes,
      @Schema(nullable = true, example = "Ballroom BC") String room,
      @Schema(nullable = true) ConferenceApi.Ref conference,
      @Schema(nullable = true) ConferenceApi.TrackRef track,
      List<SpeakerApi.Summary> speakers,
      List<TopicApi.Ref> topics,
      @Schema(example = "true") boolean hasVideo) {

    public static Summary of(Talk t, Instant now) {
      return new Summary(
          t.slug,
          t.title,
          Excerpts.of(t.summary),
          typeOf(t),
          levelsOf(t),
          statusOf(t, now),
          t.startsAt,
          t.durationMinutes,
          t.room,
          ConferenceApi.Ref.of(t.conference),
          ConferenceApi.TrackRef.of(t.track),
          t.speakers.stream().map(SpeakerApi.Summary::of).toList(),
          t.topics.stream().map(TopicApi.Ref::of).toList(),
          t.videoUrl != null);
    }
  }

  /** A talk with everything a talk page shows. */
  @Schema(name = "TalkDetail")
  public record Detail(
      @Schema(example = "designing-services-resilience-testing-netflix") String slug,
      @Schema(example = "Designing Services for Resilience Testing @Netflix") String title,
      @JsonProperty("abstract")
          @Schema(nullable = true, example = "Microservices are usually designed for availability…")
          String summary,
      @Schema(nullable = true) Type type,
      List<Level> levels,
      @Schema(example = "[\"Architect\", \"Developer\"]") List<String> personas,
      List<String> learningOutcomes,
      @Schema(nullable = true, example = "en") String language,
      Schedule.Status status,
      @Schema(nullable = true, example = "2017-11-13T18:35:00Z") Instant startsAt,
      @Schema(nullable = true, example = "50") Integer durationMinutes,
      @Schema(nullable = true, example = "Ballroom BC") String room,
      @Schema(
              nullable = true,
              example = "https://www.infoq.com/presentations/netflix-resilience-testing/")
          String videoUrl,
      @Schema(nullable = true) String slidesUrl,
      @Schema(nullable = true) ConferenceApi.Ref conference,
      @Schema(nullable = true) ConferenceApi.TrackRef track,
      List<SpeakerApi.Summary> speakers,
      List<TopicApi.Ref> topics,
      List<InterviewApi.Summary> interviews) {

    public static Detail of(Talk t, List<InterviewApi.Summary> interviews, Instant now) {
      return new Detail(
          t.slug,
          t.title,
          t.summary,
          typeOf(t),
          levelsOf(t),
          t.personas,
          t.learningOutcomes,
          t.language,
          statusOf(t, now),
          t.startsAt,
          t.durationMinutes,
          t.room,
          t.videoUrl,
          t.slidesUrl,
          ConferenceApi.Ref.of(t.conference),
          ConferenceApi.TrackRef.of(t.track),
          t.speakers.stream().map(SpeakerApi.Summary::of).toList(),
          t.topics.stream().map(TopicApi.Ref::of).toList(),
          interviews);
    }
  }

  /** A talk as written: the body of POST and PUT, and an entry of a catalog. */
  @Schema(name = "TalkInput")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Input(
      @Schema(
              example = "designing-services-resilience-testing-netflix",
              description = "Made from the title when left out on create.")
          @Pattern(regexp = Slugs.PATTERN, message = "must be lowercase words joined by hyphens")
          @Size(max = Slugs.MAX)
          String slug,
      @Schema(example = "Designing Services for Resilience Testing @Netflix")
          @NotBlank
          @Size(max = 300)
          String title,
      @JsonProperty("abstract")
          @Schema(example = "Microservices are usually designed for availability…")
          @Size(max = 20000)
          String summary,
      @Schema(example = "qcon-sf-2017")
          @Pattern(regexp = Slugs.PATTERN, message = "must be a slug")
          @Size(max = Slugs.MAX)
          String conference,
      @Schema(
              example = "devops-you-build-it-you-run-it",
              description = "Slug of a track of the talk's conference.")
          @Pattern(regexp = Slugs.PATTERN, message = "must be a slug")
          @Size(max = Slugs.MAX)
          String track,
      @Schema(example = "[\"nora-jones\"]")
          List<
                  @NotBlank @Pattern(regexp = Slugs.PATTERN, message = "must be a slug")
                  @Size(max = Slugs.MAX) String>
              speakers,
      @Schema(example = "[\"resiliency\", \"chaos-engineering\"]")
          List<
                  @NotBlank @Pattern(regexp = Slugs.PATTERN, message = "must be a slug")
                  @Size(max = Slugs.MAX) String>
              topics,
      Type type,
      List<Level> levels,
      @Schema(example = "[\"Architect\", \"Developer\"]")
          List<@NotBlank @Size(max = 120) String> personas,
      List<@NotBlank @Size(max = 1000) String> learningOutcomes,
      @Schema(example = "en") @Size(max = 35) String language,
      @Schema(example = "2017-11-13T18:35:00Z") Instant startsAt,
      @Schema(example = "50") @Min(1) @Max(1440) Integer durationMinutes,
      @Schema(example = "Ballroom BC") @Size(max = 120) String room,
      @Schema(example = "https://www.infoq.com/presentations/netflix-resilience-testing/")
          @URL
          @Size(max = 2000)
          String videoUrl,
      @URL @Size(max = 2000) String slidesUrl) {

    public static Input of(Talk t) {
      return new Input(
          t.slug,
          t.title,
          t.summary,
          t.conference == null ? null : t.conference.slug,
          t.track == null ? null : t.track.slug,
          t.speakers.stream().map(s -> s.slug).toList(),
          t.topics.stream().map(s -> s.slug).toList(),
          typeOf(t),
          levelsOf(t),
          t.personas,
          t.learningOutcomes,
          t.language,
          t.startsAt,
          t.durationMinutes,
          t.room,
          t.videoUrl,
          t.slidesUrl);
    }

    public Input withSlug(String newSlug) {
      return new Input(
          newSlug,
          title,
          summary,
          conference,
          track,
          speakers,
          topics,
          type,
          levels,
          personas,
          learningOutcomes,
          language,
          startsAt,
          durationMinutes,
          room,
          videoUrl,
          slidesUrl);
    }
  }

  static Type typeOf(Talk t) {
    return t.type == null ? null : Type.valueOf(t.type);
  }

  static List<Level> levelsOf(Talk t) {
    return t.levels.stream().map(Level::valueOf).toList();
  }

  static Schedule.Status statusOf(Talk t, Instant now) {
    return Schedule.of(t.startsAt, t.conference == null ? null : t.conference.startDate, now);
  }

  /** A page of summaries, as the list answers it (named for the OpenAPI document). */
  @Schema(name = "TalkPage")
  public record PageOf(List<Summary> items, dev.podium.common.Page.Info page) {}
}
