package dev.podium.changes;

import dev.podium.common.ApiException;
import dev.podium.common.Cursor;
import dev.podium.common.Page;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

/**
 * Appends to the change log. It joins the caller's transaction (and refuses to run without one), so
 * a change row commits or rolls back with the write it describes. Writers take the change-log lock
 * ({@link #lock()}) before they read what they change and hold it until they commit, so writes run
 * one after another and change ids are in commit order. The first append of a transaction announces
 * a {@link Committed} event that observers receive once that transaction has committed.
 */
@ApplicationScoped
public class ChangeLog implements PanacheRepository<Change> {

  public static final String UPSERT = "upsert";
  public static final String DELETE = "delete";
  private static final String FEED = "changes";
  private static final Object LOCKED = ChangeLog.class.getName() + ".locked";
  private static final Object ANNOUNCED = ChangeLog.class.getName() + ".announced";

  /** Fired at most once per transaction that appended changes; observe it AFTER_SUCCESS. */
  public record Committed() {}

  private final Clock clock;
  private final TransactionSynchronizationRegistry transaction;
  private final Event<Committed> committed;

  public ChangeLog(
      Clock clock, TransactionSynchronizationRegistry transaction, Event<Committed> committed) {
    this.clock = clock;
    this.transaction = transaction;
    this.committed = committed;
  }

  /**
   * Takes the change-log lock for the rest of the current transaction; a second call is free.
   *
   * <p>A writer takes it first, before it reads what it is about to change. It then sees every
   * write committed before it, so two imports of the same new slug cannot both decide to create it
   * (a unique-key failure at commit), and an update never overwrites a write it did not see. And no
   * writer waits for this lock while holding a row lock, which would deadlock with a writer holding
   * this lock and waiting for that row.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void lock() {
    if (transaction.getResource(LOCKED) == null) {
      getEntityManager()
          .createNativeQuery("SELECT id FROM change_log_lock WHERE id = 1 FOR UPDATE")
          .getSingleResult();
      transaction.putResource(LOCKED, Boolean.TRUE);
    }
  }

  /** Appends a change, taking the lock if the writer has not yet. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(String kind, String slug, String op) {
    lock();
    if (transaction.getResource(ANNOUNCED) == null) {
      transaction.putResource(ANNOUNCED, Boolean.TRUE);
      committed.fire(new Committed());
    }
    Change change = new Change();
    change.kind = kind;
    change.slug = slug;
    change.op = op;
    change.at = clock.instant();
    persist(change);
  }

  /** Up to {@code limit} changes after id {@code after}, oldest first. */
  public List<Change> after(long after, int limit) {
    return find("id > ?1 order by id", after).range(0, limit - 1).list();
  }

  /**
   * The feed after {@code since} (a position from an earlier answer, or null for the start). The
   * next position is always given, so a client can come back for what changes later.
   */
  public ChangeResource.Feed feed(String since, int limit) {
    long after = 0;
    if (since != null && !since.isBlank()) {
      try {
        after = Long.parseLong(Cursor.decode(since.strip(), FEED, 1, "since").key(0));
      } catch (NumberFormatException e) {
        throw ApiException.badParameter(
            "since", "is not a position of this feed; use page.next as given");
      }
    }
    List<Change> rows = after(after, limit);
    long last = rows.isEmpty() ? after : rows.get(rows.size() - 1).id;
    long left = count("id > ?1", after);
    List<ChangeResource.Item> items =
        rows.stream().map(c -> new ChangeResource.Item(c.kind, c.slug, c.op, c.at)).toList();
    return new ChangeResource.Feed(
        items, new Page.Info(limit, Cursor.of(FEED, Long.toString(last)).encode(), left));
  }

  /** The id of the newest change, 0 when there is none. */
  public long lastId() {
    Long id =
        getEntityManager()
            .createQuery("select max(c.id) from Change c", Long.class)
            .getSingleResult();
    return id == null ? 0 : id;
  }
}
