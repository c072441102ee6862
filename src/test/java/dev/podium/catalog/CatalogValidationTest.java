package dev.podium.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.conference.ConferenceApi;
import dev.podium.interview.InterviewApi;
import dev.podium.speaker.SpeakerApi;
import dev.podium.talk.TalkApi;
import dev.podium.topic.TopicApi;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

/** The field rules of the catalog format, as the records declare them. */
class CatalogValidationTest {

  private final Validator validator =
      Validation.byDefaultProvider()
          .configure()
          .messageInterpolator(new ParameterMessageInterpolator())
          .buildValidatorFactory()
          .getValidator();

  private Set<String> invalidPaths(Catalog.Document doc) {
    return validator.validate(doc).stream()
        .map(ConstraintViolation::getPropertyPath)
        .map(Object::toString)
        .map(p -> p.replaceAll("\\.?<[a-z ]+>", ""))
        .collect(Collectors.toSet());
  }

  private static TalkApi.Input talk(
      String slug, String title, List<String> speakers, Integer minutes) {
    return new TalkApi.Input(
        slug, title, null, null, null, speakers, null, null, null, null, null, null, null, minutes,
        null, null, null);
  }

  @Test
  void aValidDocumentHasNoViolations() {
    Catalog.Document doc =
        new Catalog.Document(
            1,
            "test",
            List.of(new TopicApi.Input("resiliency", "Resiliency", null, null)),
            List.of(
                new ConferenceApi.Input(
                    "qcon",
                    "QCon",
                    null,
                    null,
                    null,
                    null,
                    null,
                    "https://qconsf.com/",
                    List.of(new ConferenceApi.TrackInput("edge", "Edge", null)))),
            List.of(new SpeakerApi.Input("nora-jones", "Nora Jones", null, null, null, null, null)),
            List.of(talk("a-talk", "A talk", List.of("nora-jones"), 50)),
            List.of(
                new InterviewApi.Input(
                    "an-interview",
                    "An interview",
                    "nora-jones",
                    null,
                    null,
                    null,
                    null,
                    List.of(new InterviewApi.QA("Why?", "Because.")))));
    assertThat(invalidPaths(doc)).isEmpty();
  }

  @Test
  void everyBadFieldIsReportedByItsPath() {
    Catalog.Document doc =
        new Catalog.Document(
            1,
            null,
            List.of(new TopicApi.Input("Not A Slug", "", null, null)),
            List.of(
                new ConferenceApi.Input(
                    "qcon",
                    "QCon",
                    null,
                    null,
                    null,
                    null,
                    null,
                    "not a url",
                    List.of(new ConferenceApi.TrackInput(null, "Edge", null)))),
            null,
            List.of(
                talk("ok", "Fine", null, null),
                talk("bad", "x".repeat(301), List.of("Bad Ref"), 0)),
            List.of(new InterviewApi.Input("i", "I", null, null, null, null, null, List.of())));
    assertThat(invalidPaths(doc))
        .containsExactlyInAnyOrder(
            "topics[0].slug",
            "topics[0].name",
            "conferences[0].url",
            "conferences[0].tracks[0].slug",
            "talks[1].title",
            "talks[1].speakers[0]",
            "talks[1].durationMinutes",
            "interviews[0].speaker",
            "interviews[0].qa");
  }

  @Test
  void aMissingFormatVersionIsInvalid() {
    Catalog.Document doc = new Catalog.Document(null, null, null, null, null, null, null);
    assertThat(invalidPaths(doc)).containsExactly("formatVersion");
  }
}
