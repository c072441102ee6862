package dev.podium.topic;

import dev.podium.common.ApiException;
import dev.podium.conference.Conference;
import dev.podium.conference.ConferenceApi;
import dev.podium.interview.InterviewApi;
import dev.podium.interview.InterviewService;
import dev.podium.talk.TalkApi;
import dev.podium.talk.TalkService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The topic page in one answer: the topic's talks at a reference conference, those of earlier
 * conferences, and its interviews. Sub-topics count as the topic.
 */
@ApplicationScoped
public class TopicOverview {

  private final TopicService topicService;
  private final TopicRepository topics;
  private final TalkService talks;
  private final InterviewService interviews;

  public TopicOverview(
      TopicService topicService,
      TopicRepository topics,
      TalkService talks,
      InterviewService interviews) {
    this.topicService = topicService;
    this.topics = topics;
    this.talks = talks;
    this.interviews = interviews;
  }

  /** What a topic page shows. */
  @Schema(name = "TopicOverview")
  public record View(
      TopicApi.Detail topic,
      @Schema(nullable = true, description = "The reference conference of `presentations`.")
          ConferenceApi.Ref conference,
      List<TalkApi.Summary> presentations,
      List<TalkApi.Summary> pastPresentations,
      List<InterviewApi.Summary> interviews) {}

  /**
   * @param conferenceSlug the reference conference; null for the latest conference with talks on
   *     the topic
   * @param limit the most items in each section
   */
  public View of(String slug, String conferenceSlug, int limit) {
    Topic topic = topicService.require(slug);
    Set<Long> ids = topics.withDescendants(List.of(slug));
    Conference reference =
        conferenceSlug == null ? talks.latestConferenceOn(ids) : conference(conferenceSlug);
    List<TalkApi.Summary> current =
        reference == null ? List.of() : talks.onTopicsAt(ids, reference, limit);
    List<TalkApi.Summary> past =
        reference == null || reference.startDate == null
            ? List.of()
            : talks.onTopicsBefore(ids, reference, limit);
    return new View(
        topicService.detail(topic),
        ConferenceApi.Ref.of(reference),
        current,
        past,
        interviews.onTopics(ids, limit));
  }

  private Conference conference(String slug) {
    List<Conference> found =
        topics
            .getEntityManager()
            .createQuery("from Conference where slug = :slug", Conference.class)
            .setParameter("slug", slug)
            .getResultList();
    if (found.isEmpty()) {
      throw ApiException.notFound("conference", slug);
    }
    return found.get(0);
  }
}
