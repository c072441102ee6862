package dev.podium.interview;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.podium.common.Excerpts;
import dev.podium.common.Slugs;
import dev.podium.speaker.SpeakerApi;
import dev.podium.talk.TalkApi;
import dev.podium.topic.TopicApi;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The records interviews travel in. */
public final class InterviewApi {

  private InterviewApi() {}

  /** One question and its answer. */
  @Schema(name = "QuestionAnswer")
  public record QA(
      @Schema(example = "What are your areas of expertise?") @NotBlank @Size(max = 2000)
          String question,
      @Schema(example = "Edge computing.") @NotBlank @Size(max = 50000) String answer) {}

  /**
   * An interview in a list: its excerpt is the first question followed by the start of its answer,
   * the way a topic page shows it above "Read Full Interview".
   */
  @Schema(name = "InterviewSummary")
  public record Summary(
      @Schema(example = "living-on-the-edge-track-host-interview") String slug,
      @Schema(example = "Living on the Edge: an interview with the track host") String title,
      @Schema(
              example =
                  "What are your areas of expertise? What have you been working on? Edge computing. Asked what it means…")
          String excerpt,
      @Schema(nullable = true, example = "2019-10-22") LocalDate publishedOn,
      SpeakerApi.Summary speaker,
      @Schema(nullable = true) TalkApi.Ref talk,
      List<TopicApi.Ref> topics) {

    public static Summary of(Interview i) {
      return new Summary(
          i.slug,
          i.title,
          excerpt(i),
          i.publishedOn,
          SpeakerApi.Summary.of(i.speaker),
          TalkApi.Ref.of(i.talk),
          i.topics.stream().map(TopicApi.Ref::of).toList());
    }

    static String excerpt(Interview i) {
      if (i.qa.isEmpty()) {
        return Excerpts.of(i.intro);
      }
      Interview.QuestionAnswer first = i.qa.get(0);
      return Excerpts.of(first.question + " " + first.answer);
    }
  }

  /** An interview with every question and answer. */
  @Schema(name = "InterviewDetail")
  public record Detail(
      @Schema(example = "living-on-the-edge-track-host-interview") String slug,
      @Schema(example = "Living on the Edge: an interview with the track host") String title,
      @Schema(nullable = true) String intro,
      @Schema(nullable = true, example = "2019-10-22") LocalDate publishedOn,
      SpeakerApi.Summary speaker,
      @Schema(nullable = true) TalkApi.Ref talk,
      List<TopicApi.Ref> topics,
      List<QA> qa) {

    public static Detail of(Interview i) {
      return new Detail(
          i.slug,
          i.title,
          i.intro,
          i.publishedOn,
          SpeakerApi.Summary.of(i.speaker),
          TalkApi.Ref.of(i.talk),
          i.topics.stream().map(TopicApi.Ref::of).toList(),
          i.qa.stream().map(q -> new QA(q.question, q.answer)).toList());
    }
  }

  /** An interview as written: the body of POST and PUT, and an entry of a catalog. */
  @Schema(name = "InterviewInput")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Input(
      @Schema(
              example = "living-on-the-edge-track-host-interview",
              description = "Made from the title when left out on create.")
          @Pattern(regexp = Slugs.PATTERN, message = "must be lowercase words joined by hyphens")
          @Size(max = Slugs.MAX)
          String slug,
      @Schema(example = "Living on the Edge: an interview with the track host")
          @NotBlank
          @Size(max = 300)
          String title,
      @Schema(example = "wes-reisz")
          @NotNull
          @Pattern(regexp = Slugs.PATTERN, message = "must be a slug")
          @Size(max = Slugs.MAX)
          String speaker,
      @Schema(example = "designing-services-resilience-testing-netflix")
          @Pattern(regexp = Slugs.PATTERN, message = "must be a slug")
          @Size(max = Slugs.MAX)
          String talk,
      @Schema(example = "2019-10-22") LocalDate publishedOn,
      @Schema(example = "[\"edge-computing\", \"resiliency\"]")
          List<
                  @NotBlank @Pattern(regexp = Slugs.PATTERN, message = "must be a slug")
                  @Size(max = Slugs.MAX) String>
              topics,
      @Size(max = 5000) String intro,
      @NotEmpty List<@Valid @NotNull QA> qa) {

    public static Input of(Interview i) {
      return new Input(
          i.slug,
          i.title,
          i.speaker.slug,
          i.talk == null ? null : i.talk.slug,
          i.publishedOn,
          i.topics.stream().map(t -> t.slug).toList(),
          i.intro,
          i.qa.stream().map(q -> new QA(q.question, q.answer)).toList());
    }

    public Input withSlug(String newSlug) {
      return new Input(newSlug, title, speaker, talk, publishedOn, topics, intro, qa);
    }
  }

  /** A page of summaries, as the list answers it (named for the OpenAPI document). */
  @Schema(name = "InterviewPage")
  public record PageOf(List<Summary> items, dev.podium.common.Page.Info page) {}
}
