package dev.podium.common;

import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A JPQL {@code where} clause built from optional filters, with its named parameters. */
public final class Where {

  private final List<String> clauses = new ArrayList<>();
  private final Map<String, Object> params = new LinkedHashMap<>();

  /** Adds a clause with its parameters given as name, value pairs. */
  public Where and(String clause, Object... nameValues) {
    clauses.add(clause);
    for (int i = 0; i < nameValues.length; i += 2) {
      params.put((String) nameValues[i], nameValues[i + 1]);
    }
    return this;
  }

  /** Adds a parameter that the order by clause uses. */
  public Where param(String name, Object value) {
    params.put(name, value);
    return this;
  }

  /**
   * Adds the keyset condition "after this position" for an order by {@code expr} (ascending or
   * descending) then by the unique {@code slug} ascending.
   */
  public Where after(String expr, boolean descending, Object key, String slugExpr, String slug) {
    // "expr >= key and (...)" rather than only "expr > key or (expr = key and ...)": the same rows,
    // but a bound that lets an index on (expr, slug) start at the cursor instead of the list's top.
    String op = descending ? "<" : ">";
    return and(
        "("
            + expr
            + " "
            + op
            + "= :afterKey and ("
            + expr
            + " "
            + op
            + " :afterKey or "
            + slugExpr
            + " > :afterSlug))",
        "afterKey",
        key,
        "afterSlug",
        slug);
  }

  /**
   * Keeps rows of {@code entity} (aliased {@code alias}) on any of these topics; no topic at all
   * matches nothing.
   */
  public Where onTopics(String entity, String alias, java.util.Collection<Long> topicIds) {
    if (topicIds.isEmpty()) {
      return and("1 = 0");
    }
    // "id in (...)" rather than a correlated "exists": H2 then reads the rows of these topics
    // through the join table's index instead of testing every row of the entity.
    return and(
        alias
            + ".id in (select x.id from "
            + entity
            + " x join x.topics tp where tp.id in :topicIds)",
        "topicIds",
        topicIds);
  }

  /**
   * The filter of {@link #onTopics}, tested on each row through the join table's key instead: for a
   * list with many matches, which then walks an index in its order and stops after a page rather
   * than reading every match to sort it.
   */
  public Where onTopicsOfEach(String alias, java.util.Collection<Long> topicIds) {
    if (topicIds.isEmpty()) {
      return and("1 = 0");
    }
    // "tp.id + 0": no index of the topic serves the test, so the database reads each row's own
    // few topics by its key. H2 otherwise chose by its sampled statistics, and once read every row
    // of the topics for each talk (30 s for a page of a topic of 250,000 talks).
    return and(
        "exists (select 1 from " + alias + ".topics tp where tp.id + 0 in :topicIds)",
        "topicIds",
        topicIds);
  }

  public Where copy() {
    Where copy = new Where();
    copy.clauses.addAll(clauses);
    copy.params.putAll(params);
    return copy;
  }

  public String sql() {
    return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
  }

  public <T> TypedQuery<T> bind(TypedQuery<T> query) {
    params.forEach(query::setParameter);
    return query;
  }

  /** A LIKE pattern that matches {@code text} literally, escaped with '!'. */
  public static String literal(String text) {
    return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
  }
}
