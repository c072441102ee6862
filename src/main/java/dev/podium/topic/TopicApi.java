package dev.podium.topic;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.podium.common.Excerpts;
import dev.podium.common.Slugs;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The records topics travel in. */
public final class TopicApi {

  private TopicApi() {}

  /** A topic as other resources embed it. */
  @Schema(name = "TopicRef")
  public record Ref(
      @Schema(example = "resiliency") String slug, @Schema(example = "Resiliency") String name) {
    public static Ref of(Topic t) {
      return t == null ? null : new Ref(t.slug, t.name);
    }
  }

  /** A topic in a list. */
  @Schema(name = "TopicSummary")
  public record Summary(
      @Schema(example = "chaos-engineering") String slug,
      @Schema(example = "Chaos Engineering") String name,
      @Schema(example = "Injecting failure on purpose to learn how a system really behaves.")
          String excerpt,
      @Schema(nullable = true) Ref parent) {
    public static Summary of(Topic t) {
      return new Summary(t.slug, t.name, Excerpts.of(t.description), Ref.of(t.parent));
    }
  }

  /** How much content a topic has, its sub-topics included. */
  @Schema(name = "TopicCounts")
  public record Counts(@Schema(example = "4") long talks, @Schema(example = "2") long interviews) {}

  /** A topic with its place in the tree and how much content it has. */
  @Schema(name = "TopicDetail")
  public record Detail(
      @Schema(example = "resiliency") String slug,
      @Schema(example = "Resiliency") String name,
      @Schema(
              example =
                  "Designing, testing and operating systems that keep serving users when parts of them fail.")
          String description,
      @Schema(nullable = true) Ref parent,
      List<Ref> children,
      Counts counts) {}

  /** A topic as written: the body of POST and PUT, and an entry of a catalog. */
  @Schema(name = "TopicInput")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Input(
      @Schema(
              example = "chaos-engineering",
              description = "Made from the name when left out on create.")
          @Pattern(regexp = Slugs.PATTERN, message = "must be lowercase words joined by hyphens")
          @Size(max = Slugs.MAX)
          String slug,
      @Schema(example = "Chaos Engineering") @NotBlank @Size(max = 120) String name,
      @Schema(example = "Injecting failure on purpose to learn how a system really behaves.")
          @Size(max = 5000)
          String description,
      @Schema(example = "resiliency", description = "Slug of a broader topic.")
          @Pattern(regexp = Slugs.PATTERN, message = "must be lowercase words joined by hyphens")
          @Size(max = Slugs.MAX)
          String parent) {

    public static Input of(Topic t) {
      return new Input(t.slug, t.name, t.description, t.parent == null ? null : t.parent.slug);
    }

    public Input withSlug(String newSlug) {
      return new Input(newSlug, name, description, parent);
    }
  }

  /** A page of summaries, as the list answers it (named for the OpenAPI document). */
  @Schema(name = "TopicPage")
  public record PageOf(List<Summary> items, dev.podium.common.Page.Info page) {}
}
