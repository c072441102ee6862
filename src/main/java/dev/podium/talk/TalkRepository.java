package dev.podium.talk;

import dev.podium.common.Where;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Talks with the conference and track they show fetched in the same query; speakers and topics
 * arrive by batch fetching, so a page costs a fixed number of statements.
 */
@ApplicationScoped
public class TalkRepository implements PanacheRepository<Talk> {

  public Talk bySlug(String slug) {
    return find("slug", slug).firstResult();
  }

  public List<Talk> fetch(Where where, String orderBy, int max) {
    return where
        .bind(
            getEntityManager()
                .createQuery(
                    "select t from Talk t left join fetch t.conference c left join fetch t.track tr"
                        + where.sql()
                        + " order by "
                        + orderBy,
                    Talk.class))
        .setMaxResults(max)
        .getResultList();
  }

  /**
   * The talks {@code where} keeps, counted up to {@code n}: whether they are fewer than {@code n},
   * and how many, for the cost of at most {@code n} rows rather than of all of them. {@code
   * indexed} is the column of an index that serves {@code where}, read in its order.
   */
  public long countUpTo(Where where, String indexed, long n) {
    return where
        .bind(
            getEntityManager()
                .createQuery(
                    "select count(*) from (select t.id as id from Talk t"
                        + where.sql()
                        + " order by "
                        + indexed
                        + " limit "
                        + n
                        + ") x",
                    Long.class))
        .getSingleResult();
  }

  /**
   * The talks {@code where} keeps. Written {@code count(*)}: Hibernate writes {@code count(t)} as a
   * count of the ids, which PostgreSQL 15 cannot take from an index of the filtered column alone,
   * so it read every matching row of the table (2.7 times as long for most of a million talks).
   */
  public long count(Where where) {
    return where
        .bind(
            getEntityManager().createQuery("select count(*) from Talk t" + where.sql(), Long.class))
        .getSingleResult();
  }
}
