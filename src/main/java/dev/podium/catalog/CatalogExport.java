package dev.podium.catalog;

import dev.podium.common.ApiException;
import dev.podium.conference.Conference;
import dev.podium.conference.ConferenceApi;
import dev.podium.interview.Interview;
import dev.podium.interview.InterviewApi;
import dev.podium.speaker.Speaker;
import dev.podium.speaker.SpeakerApi;
import dev.podium.talk.Talk;
import dev.podium.talk.TalkApi;
import dev.podium.topic.Topic;
import dev.podium.topic.TopicApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Exports the catalog: everything, or one conference with all that its talks refer to. */
@ApplicationScoped
public class CatalogExport {

  private final EntityManager em;

  public CatalogExport(EntityManager em) {
    this.em = em;
  }

  @Transactional
  public Catalog.Document export(String conferenceSlug) {
    return conferenceSlug == null ? everything() : conference(conferenceSlug);
  }

  private Catalog.Document everything() {
    return document(
        em.createQuery("from Topic order by id", Topic.class).getResultList(),
        em.createQuery("from Conference order by id", Conference.class).getResultList(),
        em.createQuery("from Speaker order by id", Speaker.class).getResultList(),
        em.createQuery(
                "select t from Talk t left join fetch t.conference left join fetch t.track order by t.id",
                Talk.class)
            .getResultList(),
        em.createQuery("from Interview order by id", Interview.class).getResultList());
  }

  /**
   * One conference, its talks, their speakers and topics (with every ancestor, so parents resolve),
   * and the interviews about those talks with their speakers and topics: a document that imports on
   * its own.
   */
  private Catalog.Document conference(String slug) {
    List<Conference> conference =
        em.createQuery("from Conference where slug = :slug", Conference.class)
            .setParameter("slug", slug)
            .getResultList();
    if (conference.isEmpty()) {
      throw ApiException.notFound("conference", slug);
    }
    List<Talk> talks =
        em.createQuery(
                "select t from Talk t left join fetch t.conference left join fetch t.track"
                    + " where t.conference = :c order by t.id",
                Talk.class)
            .setParameter("c", conference.get(0))
            .getResultList();
    List<Interview> interviews =
        talks.isEmpty()
            ? List.of()
            : em.createQuery(
                    "from Interview i where i.talk in :talks order by i.id", Interview.class)
                .setParameter("talks", talks)
                .getResultList();
    Set<Speaker> speakers = new LinkedHashSet<>();
    Set<Topic> topics = new LinkedHashSet<>();
    talks.forEach(t -> speakers.addAll(t.speakers));
    talks.forEach(t -> topics.addAll(t.topics));
    interviews.forEach(i -> speakers.add(i.speaker));
    interviews.forEach(i -> topics.addAll(i.topics));
    for (Topic topic : List.copyOf(topics)) {
      for (Topic up = topic.parent; up != null && topics.add(up); up = up.parent) {
        // every ancestor, once
      }
    }
    return document(
        byId(topics, t -> t.id), conference, byId(speakers, s -> s.id), talks, interviews);
  }

  private static <T> List<T> byId(Set<T> items, java.util.function.Function<T, Long> id) {
    List<T> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparing(id));
    return sorted;
  }

  private Catalog.Document document(
      List<Topic> topics,
      List<Conference> conferences,
      List<Speaker> speakers,
      List<Talk> talks,
      List<Interview> interviews) {
    return new Catalog.Document(
        1,
        source(),
        topics.stream().map(TopicApi.Input::of).toList(),
        conferences.stream().map(ConferenceApi.Input::of).toList(),
        speakers.stream().map(SpeakerApi.Input::of).toList(),
        talks.stream().map(TalkApi.Input::of).toList(),
        interviews.stream().map(InterviewApi.Input::of).toList());
  }

  /** The sources that imports named, in the order they came; null when none named one. */
  private String source() {
    List<String> sources =
        em.createQuery(
                "select i.source from ImportRecord i where i.source is not null group by i.source"
                    + " order by min(i.id)",
                String.class)
            .getResultList();
    String joined = String.join(" | ", sources);
    return joined.isEmpty() ? null : joined.length() > 500 ? joined.substring(0, 500) : joined;
  }
}
