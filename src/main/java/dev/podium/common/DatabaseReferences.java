package dev.podium.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/** Resolves references of a single write against the database. */
@ApplicationScoped
public class DatabaseReferences implements References {

  private final EntityManager em;

  public DatabaseReferences(EntityManager em) {
    this.em = em;
  }

  @Override
  public <T> T find(Class<T> type, String slug) {
    List<T> found =
        em.createQuery("from " + type.getSimpleName() + " where slug = :slug", type)
            .setParameter("slug", slug)
            .getResultList();
    return found.isEmpty() ? null : found.get(0);
  }
}
