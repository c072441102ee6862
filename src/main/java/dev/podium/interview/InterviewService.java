package dev.podium.interview;

import dev.podium.changes.ChangeLog;
import dev.podium.common.ContentWriter;
import dev.podium.common.Cursor;
import dev.podium.common.ETags;
import dev.podium.common.Inputs;
import dev.podium.common.Page;
import dev.podium.common.PageRequest;
import dev.podium.common.References;
import dev.podium.common.Where;
import dev.podium.speaker.Speaker;
import dev.podium.talk.Talk;
import dev.podium.topic.Topic;
import dev.podium.topic.TopicRepository;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.function.BiConsumer;

/** Reads and writes interviews. */
@ApplicationScoped
public class InterviewService
    extends ContentWriter<Interview, InterviewApi.Input, InterviewApi.Detail> {

  private static final LocalDate UNDATED = LocalDate.of(1000, 1, 1);
  private static final String LIST = "interviews";
  private static final String ORDER = "coalesce(i.publishedOn, :undated)";

  private final InterviewRepository interviews;
  private final TopicRepository topics;

  public InterviewService(
      InterviewRepository interviews,
      TopicRepository topics,
      ChangeLog changes,
      ETags etags,
      References references) {
    super(changes, etags, references);
    this.interviews = interviews;
    this.topics = topics;
  }

  /** The repository of interviews: plain Panache, nothing of its own. */
  @ApplicationScoped
  public static class InterviewRepository implements PanacheRepository<Interview> {}

  /** Newest first; undated interviews last. */
  public Page<InterviewApi.Summary> list(
      String speaker, String talk, String topic, PageRequest request) {
    Where filter = new Where();
    if (speaker != null) {
      filter.and("i.speaker.slug = :speaker", "speaker", speaker);
    }
    if (talk != null) {
      filter.and("i.talk.slug = :talk", "talk", talk);
    }
    if (topic != null) {
      filter.onTopics("Interview", "i", topics.withDescendants(List.of(topic)));
    }
    Where page = filter.copy().param("undated", UNDATED);
    Cursor after = request.after(LIST, 2);
    if (after != null) {
      page.after(ORDER, true, after.date(0), "i.slug", after.key(1));
    }
    List<Interview> rows = fetch(page, request.limit() + 1);
    long total =
        filter
            .bind(
                interviews
                    .getEntityManager()
                    .createQuery("select count(*) from Interview i" + filter.sql(), Long.class))
            .getSingleResult();
    return Page.of(
        rows,
        request,
        total,
        i -> Cursor.of(LIST, (i.publishedOn == null ? UNDATED : i.publishedOn).toString(), i.slug),
        InterviewApi.Summary::of);
  }

  /** Interviews on these topics, newest first. */
  public List<InterviewApi.Summary> onTopics(Collection<Long> topicIds, int limit) {
    Where w = new Where().param("undated", UNDATED);
    w.onTopics("Interview", "i", topicIds);
    return fetch(w, limit).stream().map(InterviewApi.Summary::of).toList();
  }

  private List<Interview> fetch(Where where, int max) {
    EntityManager em = interviews.getEntityManager();
    return where
        .bind(
            em.createQuery(
                "select i from Interview i" + where.sql() + " order by " + ORDER + " desc, i.slug",
                Interview.class))
        .setMaxResults(max)
        .getResultList();
  }

  public InterviewApi.Detail get(String slug) {
    return detail(require(slug));
  }

  @Override
  public InterviewApi.Detail detail(Interview i) {
    return InterviewApi.Detail.of(i);
  }

  @Override
  public String kind() {
    return "interview";
  }

  @Override
  public Interview find(String slug, boolean forUpdate) {
    return interviews
        .find("slug", slug)
        .withLock(forUpdate ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE)
        .firstResult();
  }

  @Override
  public Interview newEntity() {
    return new Interview();
  }

  @Override
  public String slugOf(InterviewApi.Input input) {
    return input.slug();
  }

  @Override
  protected String titleOf(InterviewApi.Input input) {
    return input.title();
  }

  @Override
  protected InterviewApi.Input withSlug(InterviewApi.Input input, String slug) {
    return input.withSlug(slug);
  }

  @Override
  public void references(InterviewApi.Input input, BiConsumer<Class<?>, String> refer) {
    refer.accept(Speaker.class, input.speaker());
    refer.accept(Talk.class, input.talk());
    Inputs.each(input.topics(), slug -> refer.accept(Topic.class, slug));
  }

  @Override
  public void apply(Interview i, InterviewApi.Input input, Inputs in) {
    i.slug = input.slug();
    i.title = input.title();
    i.speaker = in.ref(Speaker.class, "speaker", input.speaker());
    i.talk = in.ref(Talk.class, "talk", input.talk());
    i.publishedOn = input.publishedOn();
    i.intro = input.intro();
    Inputs.replaceIfChanged(i.topics, in.refs(Topic.class, "topics", input.topics()));
    List<InterviewApi.QA> qa = input.qa() == null ? List.of() : input.qa();
    List<InterviewApi.QA> current =
        i.qa.stream().map(q -> new InterviewApi.QA(q.question, q.answer)).toList();
    if (!current.equals(qa)) {
      i.qa.clear();
      qa.forEach(q -> i.qa.add(new Interview.QuestionAnswer(q.question(), q.answer())));
    }
  }

  @Override
  public InterviewApi.Input toInput(Interview i) {
    return InterviewApi.Input.of(i);
  }

  @Override
  protected void requireUnreferenced(Interview i) {
    // Nothing refers to an interview.
  }
}
