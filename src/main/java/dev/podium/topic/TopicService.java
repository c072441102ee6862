package dev.podium.topic;

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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/** Reads and writes topics; owns the rules of the topic tree. */
@ApplicationScoped
public class TopicService extends ContentWriter<Topic, TopicApi.Input, TopicApi.Detail> {

  private static final String LIST = "topics";
  private final TopicRepository topics;

  public TopicService(
      TopicRepository topics, ChangeLog changes, ETags etags, References references) {
    super(changes, etags, references);
    this.topics = topics;
  }

  /** Topics by name; with {@code parent}, only the direct children of that topic. */
  public Page<TopicApi.Summary> list(String parent, PageRequest request) {
    Where filter = new Where();
    if (parent != null) {
      filter.and("p.slug = :parent", "parent", parent);
    }
    Where page = filter.copy();
    Cursor after = request.after(LIST, 2);
    if (after != null) {
      page.after("t.name", false, after.key(0), "t.slug", after.key(1));
    }
    String from = " from Topic t left join t.parent p";
    List<Topic> rows =
        page.bind(
                topics
                    .getEntityManager()
                    .createQuery(
                        "select t" + from + page.sql() + " order by t.name, t.slug", Topic.class))
            .setMaxResults(request.limit() + 1)
            .getResultList();
    long total =
        filter
            .bind(
                topics
                    .getEntityManager()
                    .createQuery("select count(*)" + from + filter.sql(), Long.class))
            .getSingleResult();
    return Page.of(
        rows, request, total, t -> Cursor.of(LIST, t.name, t.slug), TopicApi.Summary::of);
  }

  public TopicApi.Detail get(String slug) {
    return detail(require(slug));
  }

  @Override
  public TopicApi.Detail detail(Topic t) {
    Set<Long> ids = topics.withDescendants(List.of(t.slug));
    var em = topics.getEntityManager();
    long talks = topics.talkCount(ids);
    long interviews =
        em.createQuery(
                "select count(distinct x) from Interview x join x.topics tp where tp.id in :ids",
                Long.class)
            .setParameter("ids", ids)
            .getSingleResult();
    return new TopicApi.Detail(
        t.slug,
        t.name,
        t.description,
        TopicApi.Ref.of(t.parent),
        topics.children(t).stream().map(TopicApi.Ref::of).toList(),
        new TopicApi.Counts(talks, interviews));
  }

  @Override
  public String kind() {
    return "topic";
  }

  @Override
  public Topic find(String slug, boolean forUpdate) {
    return topics
        .find("slug", slug)
        .withLock(forUpdate ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE)
        .firstResult();
  }

  @Override
  public Topic newEntity() {
    return new Topic();
  }

  @Override
  public String slugOf(TopicApi.Input input) {
    return input.slug();
  }

  @Override
  protected String titleOf(TopicApi.Input input) {
    return input.name();
  }

  @Override
  protected TopicApi.Input withSlug(TopicApi.Input input, String slug) {
    return input.withSlug(slug);
  }

  @Override
  public void references(TopicApi.Input input, BiConsumer<Class<?>, String> refer) {
    refer.accept(Topic.class, input.parent());
  }

  @Override
  public void apply(Topic t, TopicApi.Input input, Inputs in) {
    t.slug = input.slug();
    t.name = input.name();
    t.description = input.description();
    Topic parent = in.ref(Topic.class, "parent", input.parent());
    for (Topic up = parent; up != null; up = up.parent) {
      if (up == t || t.slug.equals(up.slug)) {
        in.error("parent", "would make the topic its own ancestor");
        parent = null;
        break;
      }
    }
    t.parent = parent;
  }

  @Override
  public TopicApi.Input toInput(Topic t) {
    return TopicApi.Input.of(t);
  }

  @Override
  protected void requireUnreferenced(Topic t) {
    var em = topics.getEntityManager();
    new Referrers()
        .add(em, "topics", "select x.slug from Topic x where x.parent = ?1 order by x.slug", t)
        .add(
            em,
            "talks",
            "select x.slug from Talk x join x.topics tp where tp = ?1 order by x.slug",
            t)
        .add(
            em,
            "interviews",
            "select x.slug from Interview x join x.topics tp where tp = ?1 order by x.slug",
            t)
        .throwIfAny(kind(), t.slug);
  }
}
