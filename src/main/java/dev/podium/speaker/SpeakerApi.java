package dev.podium.speaker;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.podium.common.Slugs;
import dev.podium.interview.InterviewApi;
import dev.podium.talk.TalkApi;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.validator.constraints.URL;

/** The records speakers travel in. */
public final class SpeakerApi {

  private SpeakerApi() {}

  /** A speaker in a list and as talks and interviews embed them. */
  @Schema(name = "SpeakerSummary")
  public record Summary(
      @Schema(example = "nora-jones") String slug,
      @Schema(example = "Nora Jones") String name,
      @Schema(nullable = true, example = "Senior Chaos Engineer") String headline,
      @Schema(nullable = true, example = "Netflix") String company,
      @Schema(nullable = true) String photoUrl) {
    public static Summary of(Speaker s) {
      return s == null ? null : new Summary(s.slug, s.name, s.headline, s.company, s.photoUrl);
    }
  }

  /** Where to find a speaker elsewhere. */
  @Schema(name = "SpeakerLinks")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Links(
      @Schema(example = "https://example.org/nora") @URL @Size(max = 2000) String website,
      @Schema(example = "nora_js") @Size(max = 200) String twitter,
      @Size(max = 200) String mastodon,
      @Schema(example = "norajones") @Size(max = 200) String github,
      @URL @Size(max = 2000) String linkedin) {
    static Links of(Speaker s) {
      if (s.website == null
          && s.twitter == null
          && s.mastodon == null
          && s.github == null
          && s.linkedin == null) {
        return null;
      }
      return new Links(s.website, s.twitter, s.mastodon, s.github, s.linkedin);
    }
  }

  /** A speaker with their talks and interviews. */
  @Schema(name = "SpeakerDetail")
  public record Detail(
      @Schema(example = "nora-jones") String slug,
      @Schema(example = "Nora Jones") String name,
      @Schema(nullable = true, example = "Senior Chaos Engineer") String headline,
      @Schema(nullable = true, example = "Netflix") String company,
      @Schema(
              nullable = true,
              example = "Works on making software delivery and architecture more efficient…")
          String bio,
      @Schema(nullable = true) String photoUrl,
      @Schema(nullable = true) Links links,
      List<TalkApi.Summary> talks,
      List<InterviewApi.Summary> interviews) {}

  /** A speaker as written: the body of POST and PUT, and an entry of a catalog. */
  @Schema(name = "SpeakerInput")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record Input(
      @Schema(example = "nora-jones", description = "Made from the name when left out on create.")
          @Pattern(regexp = Slugs.PATTERN, message = "must be lowercase words joined by hyphens")
          @Size(max = Slugs.MAX)
          String slug,
      @Schema(example = "Nora Jones") @NotBlank @Size(max = 200) String name,
      @Schema(example = "Senior Chaos Engineer") @Size(max = 300) String headline,
      @Schema(example = "Netflix") @Size(max = 200) String company,
      @Schema(example = "Works on making software delivery and architecture more efficient.")
          @Size(max = 10000)
          String bio,
      @URL @Size(max = 2000) String photoUrl,
      @Valid Links links) {

    public static Input of(Speaker s) {
      return new Input(s.slug, s.name, s.headline, s.company, s.bio, s.photoUrl, Links.of(s));
    }

    public Input withSlug(String newSlug) {
      return new Input(newSlug, name, headline, company, bio, photoUrl, links);
    }
  }

  /** A page of summaries, as the list answers it (named for the OpenAPI document). */
  @Schema(name = "SpeakerPage")
  public record PageOf(List<Summary> items, dev.podium.common.Page.Info page) {}
}
