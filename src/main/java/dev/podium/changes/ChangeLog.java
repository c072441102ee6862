package dev.podium.changes;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Appends to the change log. It joins the caller's transaction (and refuses to run without one), so
 * a change row commits or rolls back with the write it describes.
 */
@ApplicationScoped
public class ChangeLog implements PanacheRepository<Change> {

  public static final String UPSERT = "upsert";
  public static final String DELETE = "delete";

  private final Clock clock;

  public ChangeLog(Clock clock) {
    this.clock = clock;
  }

  @Transactional(Transactional.TxType.MANDATORY)
  public void record(String kind, String slug, String op) {
    Change change = new Change();
    change.kind = kind;
    change.slug = slug;
    change.op = op;
    change.at = clock.instant();
    persist(change);
  }
}
