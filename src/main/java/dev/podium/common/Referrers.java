package dev.podium.common;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;

/** Names what still refers to something a client wants to delete, for the 409 problem. */
public final class Referrers {

  private static final int SHOWN = 5;

  private final List<String> parts = new ArrayList<>();

  /**
   * Adds the slugs that {@code jpql} (selecting slugs, with one positional parameter) finds, as
   * "talks a, b (and 3 more)".
   */
  public Referrers add(EntityManager em, String label, String jpql, Object param) {
    List<String> slugs =
        em.createQuery(jpql, String.class)
            .setParameter(1, param)
            .setMaxResults(SHOWN + 1)
            .getResultList();
    if (!slugs.isEmpty()) {
      long total =
          slugs.size() <= SHOWN
              ? slugs.size()
              : em.createQuery(
                      jpql.replaceFirst("select (\\w+)\\.slug", "select count($1)")
                          // A count has no order; databases refuse one by a column not counted.
                          .replaceFirst("\\s+order by .*$", ""),
                      Long.class)
                  .setParameter(1, param)
                  .getSingleResult();
      String shown = String.join(", ", slugs.subList(0, Math.min(SHOWN, slugs.size())));
      parts.add(label + " " + shown + (total > SHOWN ? " (and " + (total - SHOWN) + " more)" : ""));
    }
    return this;
  }

  /** Throws 409 naming the referrers, if there are any. */
  public void throwIfAny(String kind, String slug) {
    if (!parts.isEmpty()) {
      throw ApiException.conflict(
          "The "
              + kind
              + " '"
              + slug
              + "' is still referenced by "
              + String.join("; ", parts)
              + ".");
    }
  }
}
