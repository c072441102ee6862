package dev.podium.changes;

import dev.podium.common.ApiException;
import dev.podium.common.Cursor;
import dev.podium.common.Page;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.Session;

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
  // Rows of one recordAll statement batch.
  private static final int BATCH = 1000;

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
    announce();
    Change change = new Change();
    change.kind = kind;
    change.slug = slug;
    change.op = op;
    change.at = clock.instant();
    persist(change);
  }

  /** A change to append: {@code op} on the {@code kind} of this slug. */
  public record Entry(String kind, String slug, String op) {}

  /**
   * Appends changes in this order, as one batch of inserts: a catalog import appends one for each
   * entry it writes, and the ids the database gives keep Hibernate from batching them (one
   * statement each was a tenth of an import of 37,000 talks).
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public void recordAll(List<Entry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    announce();
    OffsetDateTime at = clock.instant().atOffset(ZoneOffset.UTC);
    getEntityManager()
        .unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement insert =
                  connection.prepareStatement(
                      "INSERT INTO change_log (kind, slug, op, at) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < entries.size(); i++) {
                  Entry entry = entries.get(i);
                  insert.setString(1, entry.kind());
                  insert.setString(2, entry.slug());
                  insert.setString(3, entry.op());
                  insert.setObject(4, at);
                  insert.addBatch();
                  if ((i + 1) % BATCH == 0 || i == entries.size() - 1) {
                    insert.executeBatch();
                  }
                }
              }
            });
  }

  /** Takes the lock, and has the transaction's commit announced once. */
  private void announce() {
    lock();
    if (transaction.getResource(ANNOUNCED) == null) {
      transaction.putResource(ANNOUNCED, Boolean.TRUE);
      committed.fire(new Committed());
    }
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
