package dev.podium.topic;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Topics by slug, and the sub-topic tree that filters on a topic include. */
@ApplicationScoped
public class TopicRepository implements PanacheRepository<Topic> {

  public Topic bySlug(String slug) {
    return find("slug", slug).firstResult();
  }

  /**
   * Talks on any of these topics, counted in the join table without reading a talk (joining the
   * talks read each of a big topic's talks: seconds at a million).
   */
  public long talkCount(Collection<Long> topicIds) {
    if (topicIds.isEmpty()) {
      return 0;
    }
    return ((Number)
            getEntityManager()
                .createNativeQuery(
                    "select count(distinct talk_id) from talk_topic where topic_id in (:topics)")
                .setParameter("topics", topicIds)
                .getSingleResult())
        .longValue();
  }

  /**
   * Whether at least {@code n} talks are on these topics, counting at most {@code n} rows of the
   * join table: what a query plan needs to know, at a fraction of an exact count of a big topic.
   */
  public boolean hasTalks(Collection<Long> topicIds, int n) {
    if (topicIds.isEmpty()) {
      return false;
    }
    return ((Number)
                getEntityManager()
                    .createNativeQuery(
                        "select count(*) from (select talk_id from talk_topic"
                            + " where topic_id in (:topics) fetch first "
                            + n
                            + " rows only) x")
                    .setParameter("topics", topicIds)
                    .getSingleResult())
            .longValue()
        >= n;
  }

  /**
   * Ids of the topics with these slugs and of all their sub-topics, in one query over the (small)
   * parent relation. Empty when no slug is known, so a filter on it matches nothing.
   */
  public Set<Long> withDescendants(Collection<String> slugs) {
    List<Object[]> rows =
        getEntityManager()
            .createQuery("select t.id, t.slug, t.parent.id from Topic t", Object[].class)
            .getResultList();
    Map<Long, List<Long>> children = new HashMap<>();
    Deque<Long> todo = new ArrayDeque<>();
    for (Object[] row : rows) {
      if (row[2] != null) {
        children.computeIfAbsent((Long) row[2], k -> new ArrayList<>()).add((Long) row[0]);
      }
      if (slugs.contains((String) row[1])) {
        todo.add((Long) row[0]);
      }
    }
    Set<Long> ids = new HashSet<>();
    while (!todo.isEmpty()) {
      Long id = todo.pop();
      if (ids.add(id)) {
        todo.addAll(children.getOrDefault(id, List.of()));
      }
    }
    return ids;
  }

  public List<Topic> children(Topic parent) {
    return list("parent = ?1 order by name, slug", parent);
  }
}
