package dev.podium.speaker;

import dev.podium.changes.ChangeLog;
import dev.podium.common.ContentWriter;
import dev.podium.common.Cursor;
import dev.podium.common.ETags;
import dev.podium.common.Inputs;
import dev.podium.common.Page;
import dev.podium.common.PageRequest;
import dev.podium.common.References;
import dev.podium.common.Referrers;
import dev.podium.common.Where;
import dev.podium.interview.Interview;
import dev.podium.interview.InterviewApi;
import dev.podium.talk.Talk;
import dev.podium.talk.TalkApi;
import dev.podium.topic.TopicRepository;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads and writes speakers. */
@ApplicationScoped
public class SpeakerService extends ContentWriter<Speaker, SpeakerApi.Input, SpeakerApi.Detail> {

  private static final String LIST = "speakers";

  private final SpeakerRepository speakers;
  private final TopicRepository topics;
  private final Clock clock;

  public SpeakerService(
      SpeakerRepository speakers,
      TopicRepository topics,
      Clock clock,
      ChangeLog changes,
      ETags etags,
      References references) {
    super(changes, etags, references);
    this.speakers = speakers;
    this.topics = topics;
    this.clock = clock;
  }

  /** The repository of speakers: plain Panache, nothing of its own. */
  @ApplicationScoped
  public static class SpeakerRepository implements PanacheRepository<Speaker> {}

  /**
   * Speakers by name. {@code q} matches the start of any word of the name ("jon" finds Nora Jones);
   * {@code company} is exact but ignores case; {@code topic} keeps speakers with talks on it or its
   * sub-topics.
   */
  public Page<SpeakerApi.Summary> list(
      String q, String company, String topic, PageRequest request) {
    Where filter = new Where();
    if (q != null && !q.isBlank()) {
      String prefix = Where.literal(q.strip().toLowerCase(Locale.ROOT));
      filter.and(
          "(lower(s.name) like :q escape '!' or lower(s.name) like :qWord escape '!')",
          "q",
          prefix + "%",
          "qWord",
          "% " + prefix + "%");
    }
    if (company != null && !company.isBlank()) {
      filter.and(
          "lower(s.company) = :company", "company", company.strip().toLowerCase(Locale.ROOT));
    }
    if (topic != null) {
      Set<Long> ids = topics.withDescendants(List.of(topic));
      if (ids.isEmpty()) {
        filter.and("1 = 0");
      } else {
        filter.and(
            "s.id in (select sp.id from Talk x join x.speakers sp join x.topics tp where tp.id in :topicIds)",
            "topicIds",
            ids);
      }
    }
    Where page = filter.copy();
    Cursor after = request.after(LIST, 2);
    if (after != null) {
      page.after("s.name", false, after.key(0), "s.slug", after.key(1));
    }
    EntityManager em = speakers.getEntityManager();
    List<Speaker> rows =
        page.bind(
                em.createQuery(
                    "select s from Speaker s" + page.sql() + " order by s.name, s.slug",
                    Speaker.class))
            .setMaxResults(request.limit() + 1)
            .getResultList();
    long total =
        filter
            .bind(em.createQuery("select count(*) from Speaker s" + filter.sql(), Long.class))
            .getSingleResult();
    return Page.of(
        rows, request, total, s -> Cursor.of(LIST, s.name, s.slug), SpeakerApi.Summary::of);
  }

  public SpeakerApi.Detail get(String slug) {
    return detail(require(slug));
  }

  @Override
  public SpeakerApi.Detail detail(Speaker s) {
    EntityManager em = speakers.getEntityManager();
    Instant now = clock.instant();
    List<TalkApi.Summary> talks =
        em
            .createQuery(
                "select t from Talk t left join fetch t.conference left join fetch t.track"
                    + " where t.id in (select x.id from Talk x join x.speakers sp where sp = :s)"
                    + " order by t.startsAt desc nulls last, t.slug",
                Talk.class)
            .setParameter("s", s)
            .getResultList()
            .stream()
            .map(t -> TalkApi.Summary.of(t, now))
            .toList();
    List<InterviewApi.Summary> interviews =
        em
            .createQuery(
                "select i from Interview i where i.speaker = :s order by i.publishedOn desc nulls last, i.slug",
                Interview.class)
            .setParameter("s", s)
            .getResultList()
            .stream()
            .map(InterviewApi.Summary::of)
            .toList();
    return new SpeakerApi.Detail(
        s.slug,
        s.name,
        s.headline,
        s.company,
        s.bio,
        s.photoUrl,
        SpeakerApi.Links.of(s),
        talks,
        interviews);
  }

  @Override
  public String kind() {
    return "speaker";
  }

  @Override
  public Speaker find(String slug, boolean forUpdate) {
    return speakers
        .find("slug", slug)
        .withLock(forUpdate ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE)
        .firstResult();
  }

  @Override
  public Speaker newEntity() {
    return new Speaker();
  }

  @Override
  public String slugOf(SpeakerApi.Input input) {
    return input.slug();
  }

  @Override
  protected String titleOf(SpeakerApi.Input input) {
    return input.name();
  }

  @Override
  protected SpeakerApi.Input withSlug(SpeakerApi.Input input, String slug) {
    return input.withSlug(slug);
  }

  @Override
  public void apply(Speaker s, SpeakerApi.Input input, Inputs in) {
    s.slug = input.slug();
    s.name = input.name();
    s.headline = input.headline();
    s.company = input.company();
    s.bio = input.bio();
    s.photoUrl = input.photoUrl();
    SpeakerApi.Links links = input.links();
    s.website = links == null ? null : links.website();
    s.twitter = links == null ? null : links.twitter();
    s.mastodon = links == null ? null : links.mastodon();
    s.github = links == null ? null : links.github();
    s.linkedin = links == null ? null : links.linkedin();
  }

  @Override
  public SpeakerApi.Input toInput(Speaker s) {
    return SpeakerApi.Input.of(s);
  }

  @Override
  protected void requireUnreferenced(Speaker s) {
    EntityManager em = speakers.getEntityManager();
    new Referrers()
        .add(
            em,
            "talks",
            "select x.slug from Talk x join x.speakers sp where sp = ?1 order by x.slug",
            s)
        .add(
            em,
            "interviews",
            "select x.slug from Interview x where x.speaker = ?1 order by x.slug",
            s)
        .throwIfAny(kind(), s.slug);
  }
}
