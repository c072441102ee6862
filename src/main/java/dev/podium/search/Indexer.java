package dev.podium.search;

import dev.podium.changes.Change;
import dev.podium.changes.ChangeLog;
import dev.podium.common.DatabaseOutage;
import dev.podium.common.PodiumConfig;
import dev.podium.common.ResponseCache;
import dev.podium.interview.Interview;
import dev.podium.speaker.Speaker;
import dev.podium.talk.Talk;
import dev.podium.topic.Topic;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.jboss.logging.Logger;

/**
 * Applies the change log to the index, in order, on one thread. A committed write wakes it at once
 * and waits for it, so the write is searchable when its response returns; polling brings in what
 * other instances wrote. What a change touches is re-read from the database and upserted by id (or
 * deleted when it is gone), so applying a change twice is harmless.
 */
@ApplicationScoped
public class Indexer {

  private static final Logger LOG = Logger.getLogger(Indexer.class);
  // Changes applied together: what several of them touch is re-indexed once.
  private static final int BATCH = 50_000;
  private static final int CHUNK = 500;
  // Documents a writer thread takes at a time: small enough that the threads finish a chunk
  // together, although a flush of the writer's buffer stalls one of them for a while.
  private static final int SLICE = 25;
  private static final int IN_FLIGHT = 2 * CHUNK / SLICE;
  private static final Duration WAIT = Duration.ofSeconds(60);
  // Rebuilding or catching up on a large database can outlast the default transaction timeout
  // (a few minutes on a busy machine); a timed-out read would fail and be retried forever.
  private static final int READ_TIMEOUT_SECONDS = 1800;
  // Within the 30 s a container runtime allows between SIGTERM and SIGKILL.
  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  private final SearchIndex index;
  private final SearchDocuments documents;
  private final ChangeLog changes;
  private final EntityManager em;
  private final Clock clock;
  private final PodiumConfig config;
  private final ResponseCache responses;
  // Indexes after commits, polls, rebuilds: one thread, so changes apply in order.
  private final ScheduledExecutorService worker =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "podium-indexer"));
  // Analysing and inverting documents is most of indexing, and IndexWriter takes documents from
  // several threads at once: a chunk is written on every core while the worker reads the next one
  // from the database.
  private final ExecutorService writers =
      Executors.newFixedThreadPool(
          Runtime.getRuntime().availableProcessors(), Indexer::writerThread);
  // Slices being written, oldest first; at most two chunks' worth, so memory holds three chunks.
  // Worker thread only. The worker waits for all of them at the end of a batch of changes, before
  // the next batch, which may touch the same documents again, and before a commit.
  private final Deque<Future<?>> writing = new ArrayDeque<>();
  // The newest change id seen in the log; written by the worker, read by the metrics gauge.
  private volatile long logHead;
  private volatile boolean databaseLost;
  private volatile boolean pollingPaused;

  public Indexer(
      SearchIndex index,
      SearchDocuments documents,
      ChangeLog changes,
      EntityManager em,
      Clock clock,
      PodiumConfig config,
      ResponseCache responses,
      MeterRegistry metrics) {
    this.index = index;
    this.documents = documents;
    this.changes = changes;
    this.em = em;
    this.clock = clock;
    this.config = config;
    this.responses = responses;
    Gauge.builder("podium.search.changes.behind", this, Indexer::changesBehind)
        .description("Changes in the log that the search index does not hold yet")
        .register(metrics);
  }

  /**
   * Starts catching up without waiting for it: after a crash with many changes not yet indexed, or
   * with the index to be rebuilt, that can take minutes, and a start that timed out waiting would
   * fail every time. Readiness reports the index behind until it has caught up. Polling follows it
   * on the same thread.
   */
  void onStart(@Observes StartupEvent event) {
    worker.execute(
        () -> {
          try {
            catchUpNow();
          } catch (IOException | RuntimeException e) {
            LOG.error("Catching up the search index at start failed; polling will retry", e);
          }
        });
    long every = config.search().pollInterval().toMillis();
    worker.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
  }

  /** After a transaction that wrote changes has committed: index them before answering. */
  void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChangeLog.Committed event) {
    try {
      await(worker.submit(this::catchUpNow));
    } catch (RuntimeException e) {
      // The write is committed and stays so; the next poll indexes it.
      LOG.warn("Indexing after a commit failed; polling will retry", e);
    }
  }

  /**
   * Picks up what other instances wrote: runs on the worker, a poll interval after the previous
   * poll ended. (Quarkus' scheduler runs nothing more often than once a second, which would leave
   * little of the 2 s in which another instance's write is to be searchable.) It never throws, as
   * that would end the polling: while the database is unreachable it says so once in the log, and
   * resumes where the index stopped when the database is back.
   */
  private void poll() {
    if (pollingPaused) {
      return;
    }
    try {
      catchUpNow();
      if (databaseLost) {
        databaseLost = false;
        LOG.info("The database is reachable again; the search index is catching up");
      }
    } catch (IOException | RuntimeException e) {
      responses.unconfirmed();
      if (!DatabaseOutage.causedBy(e)) {
        LOG.error("Polling the change log failed; the next poll retries", e);
      } else if (!databaseLost) {
        databaseLost = true;
        LOG.warn(
            "The database is unreachable; the search index polls on and resumes when it is back");
      }
    }
  }

  /**
   * Stops polling until the answer is closed; a poll under way finishes first. For tests that count
   * the statements of a request, which the poll's own would blur.
   */
  public Pause pausePolling() {
    pollingPaused = true;
    await(worker.submit(() -> null));
    return () -> pollingPaused = false;
  }

  /** Polling paused until closed. */
  public interface Pause extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Rebuilds the whole index from the database; answers how many documents it holds. Waits as long
   * as a rebuild may read (a million talks take minutes), not the minute other work gets.
   */
  public int rebuild() {
    return await(worker.submit(this::rebuildNow), Duration.ofSeconds(READ_TIMEOUT_SECONDS));
  }

  /** Applies every change not yet in the index; answers the id reached. */
  public long catchUp() {
    return await(worker.submit(this::catchUpNow));
  }

  /**
   * Changes in the log that the index does not hold yet, as of the last time the indexer read the
   * log (at most a poll interval ago).
   */
  public long changesBehind() {
    return Math.max(0, logHead - index.lastChange());
  }

  /**
   * Stops taking work once requests have drained (graceful shutdown waits for them), and before the
   * index closes: the task under way finishes, so the index commits everything it applied.
   */
  void onShutdown(@Observes ShutdownEvent event) {
    stop();
  }

  @PreDestroy
  void stop() {
    worker.shutdown();
    try {
      worker.awaitTermination(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    writers.shutdown();
  }

  private static Thread writerThread(Runnable task) {
    Thread thread = new Thread(task, "podium-index-writer");
    thread.setDaemon(true);
    return thread;
  }

  private static <T> T await(Future<T> future) {
    return await(future, WAIT);
  }

  private static <T> T await(Future<T> future, Duration limit) {
    try {
      return future.get(limit.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while indexing", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Indexing failed", e);
    }
  }

  private long catchUpNow() throws IOException {
    if (!index.isOpen()) {
      return index.lastChange();
    }
    logHead = QuarkusTransaction.requiringNew().call(changes::lastId);
    // An index ahead of the change log belongs to another database (a restored backup, a
    // recreated schema): it is rebuilt, like a missing one.
    if (index.rebuildNeeded() || index.lastChange() > logHead) {
      rebuildNow();
    }
    long reached = index.lastChange();
    long start = reached;
    while (true) {
      long from = reached;
      List<Change> batch = QuarkusTransaction.requiringNew().call(() -> changes.after(from, BATCH));
      if (batch.isEmpty()) {
        break;
      }
      try {
        QuarkusTransaction.requiringNew().timeout(READ_TIMEOUT_SECONDS).run(() -> apply(batch));
      } finally {
        awaitWriting();
      }
      reached = batch.get(batch.size() - 1).id;
      logHead = Math.max(logHead, reached);
    }
    if (reached != start) {
      index.commit(reached);
      LOG.debugf("Indexed changes %d to %d", start + 1, reached);
    }
    responses.confirmed(reached);
    return reached;
  }

  private int rebuildNow() throws IOException {
    long began = System.nanoTime();
    IndexWriter writer = index.writer();
    long last = QuarkusTransaction.requiringNew().call(changes::lastId);
    logHead = Math.max(logHead, last);
    index.rebuildStarted();
    writer.deleteAll();
    int count;
    try {
      count =
          QuarkusTransaction.requiringNew()
              .timeout(READ_TIMEOUT_SECONDS)
              .call(
                  () ->
                      writeEach(Topic.class)
                          + writeEach(Speaker.class)
                          + writeEach(Talk.class)
                          + writeEach(Interview.class));
    } finally {
      awaitWriting();
    }
    index.commit(last);
    LOG.infof(
        "Rebuilt the search index: %d documents in %d ms",
        count, (System.nanoTime() - began) / 1_000_000);
    return count;
  }

  /** Writes every entity of a kind, a chunk at a time, clearing the session between chunks. */
  private int writeEach(Class<?> type) {
    List<String> slugs =
        em.createQuery(
                "select e.slug from " + type.getSimpleName() + " e order by e.id", String.class)
            .getResultList();
    int n = 0;
    for (int i = 0; i < slugs.size(); i += CHUNK) {
      n += upsert(type, slugs.subList(i, Math.min(slugs.size(), i + CHUNK)));
      em.clear();
    }
    return n;
  }

  /** Re-indexes what a batch of changes touches. */
  private void apply(List<Change> batch) {
    Map<String, Set<String>> touched = new HashMap<>();
    for (Change c : batch) {
      touched.computeIfAbsent(c.kind, k -> new HashSet<>()).add(c.slug);
    }
    Set<String> talks = touched.computeIfAbsent("talk", k -> new HashSet<>());
    Set<String> speakers = touched.computeIfAbsent("speaker", k -> new HashSet<>());
    Set<String> topics = touched.computeIfAbsent("topic", k -> new HashSet<>());
    Set<String> interviews = touched.computeIfAbsent("interview", k -> new HashSet<>());
    Set<String> conferences = touched.getOrDefault("conference", Set.of());

    // What shows a changed speaker, topic or conference is re-indexed with it.
    Set<String> topicTree = descendants(topics);
    topics.addAll(topicTree);
    talks.addAll(
        slugs("select distinct t.slug from Talk t join t.speakers s where s.slug in :s", speakers));
    talks.addAll(
        slugs("select distinct t.slug from Talk t join t.topics x where x.slug in :s", topicTree));
    talks.addAll(slugs("select t.slug from Talk t where t.conference.slug in :s", conferences));
    interviews.addAll(slugs("select i.slug from Interview i where i.speaker.slug in :s", speakers));
    interviews.addAll(
        slugs(
            "select distinct i.slug from Interview i join i.topics x where x.slug in :s",
            topicTree));
    interviews.addAll(slugs("select i.slug from Interview i where i.talk.slug in :s", talks));
    // Weights (talk counts) of the speakers and topics of changed talks.
    Set<String> changedTalks = touched.get("talk");
    speakers.addAll(
        slugs(
            "select distinct s.slug from Talk t join t.speakers s where t.slug in :s",
            changedTalks));
    topics.addAll(
        slugs(
            "select distinct x.slug from Talk t join t.topics x where t.slug in :s", changedTalks));

    upsertAll(Topic.class, topics);
    upsertAll(Speaker.class, speakers);
    upsertAll(Talk.class, talks);
    upsertAll(Interview.class, interviews);
  }

  private void upsertAll(Class<?> type, Collection<String> slugs) {
    List<String> list = new ArrayList<>(slugs);
    for (int i = 0; i < list.size(); i += CHUNK) {
      upsert(type, list.subList(i, Math.min(list.size(), i + CHUNK)));
      em.clear();
    }
  }

  /** Upserts the documents of these slugs; a slug no longer in the database is deleted. */
  private int upsert(Class<?> type, List<String> slugs) {
    if (slugs.isEmpty()) {
      return 0;
    }
    String kind = type.getSimpleName().toLowerCase();
    Map<String, Document> docs = new HashMap<>();
    if (type == Talk.class) {
      for (Talk t :
          em.createQuery(
                  "select t from Talk t left join fetch t.conference left join fetch t.track where t.slug in :s",
                  Talk.class)
              .setParameter("s", slugs)
              .getResultList()) {
        docs.put(t.slug, documents.talk(t, clock.instant()));
      }
    } else if (type == Speaker.class) {
      Map<String, Long> talks =
          counts(
              "select s.slug, (select count(*) from talk_speaker x where x.speaker_id = s.id)"
                  + " from speaker s where s.slug in (:s)",
              slugs);
      for (Speaker s :
          em.createQuery("from Speaker s where s.slug in :s", Speaker.class)
              .setParameter("s", slugs)
              .getResultList()) {
        docs.put(s.slug, documents.speaker(s, talks.getOrDefault(s.slug, 0L)));
      }
    } else if (type == Topic.class) {
      Map<String, Long> talks =
          counts(
              "select t.slug, (select count(*) from talk_topic x where x.topic_id = t.id)"
                  + " from topic t where t.slug in (:s)",
              slugs);
      for (Topic t :
          em.createQuery("from Topic t where t.slug in :s", Topic.class)
              .setParameter("s", slugs)
              .getResultList()) {
        docs.put(t.slug, documents.topic(t, talks.getOrDefault(t.slug, 0L)));
      }
    } else {
      for (Interview i :
          em.createQuery("from Interview i where i.slug in :s", Interview.class)
              .setParameter("s", slugs)
              .getResultList()) {
        docs.put(i.slug, documents.interview(i));
      }
    }
    for (int from = 0; from < slugs.size(); from += SLICE) {
      List<String> slice = List.copyOf(slugs.subList(from, Math.min(slugs.size(), from + SLICE)));
      while (writing.size() >= IN_FLIGHT) {
        awaitWritten(writing.removeFirst());
      }
      writing.add(writers.submit(() -> write(kind, slice, docs)));
    }
    return docs.size();
  }

  private Void write(String kind, List<String> slugs, Map<String, Document> docs)
      throws IOException {
    IndexWriter writer = index.writer();
    for (String slug : slugs) {
      Document doc = docs.get(slug);
      if (doc == null) {
        writer.deleteDocuments(SearchDocuments.id(kind, slug));
      } else {
        writer.updateDocument(SearchDocuments.id(kind, slug), doc);
      }
    }
    return null;
  }

  /**
   * Waits for every slice being written; a failure to write one fails the catch-up or rebuild, once
   * all of them are done.
   */
  private void awaitWriting() {
    RuntimeException failed = null;
    while (!writing.isEmpty()) {
      try {
        awaitWritten(writing.removeFirst());
      } catch (RuntimeException e) {
        failed = failed == null ? e : failed;
      }
    }
    if (failed != null) {
      throw failed;
    }
  }

  private static void awaitWritten(Future<?> slice) {
    try {
      slice.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while indexing", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io
          ? new UncheckedIOException(io)
          : new IllegalStateException("Indexing failed", e.getCause());
    }
  }

  private Set<String> descendants(Set<String> topics) {
    Set<String> all = new HashSet<>(topics);
    if (topics.isEmpty()) {
      return all;
    }
    List<Object[]> rows =
        em.createQuery("select t.slug, p.slug from Topic t join t.parent p", Object[].class)
            .getResultList();
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Object[] row : rows) {
        if (all.contains((String) row[1]) && all.add((String) row[0])) {
          grew = true;
        }
      }
    }
    return all;
  }

  private List<String> slugs(String jpql, Collection<String> in) {
    List<String> found = new ArrayList<>();
    List<String> list = new ArrayList<>(in);
    for (int i = 0; i < list.size(); i += CHUNK) {
      found.addAll(
          em.createQuery(jpql, String.class)
              .setParameter("s", list.subList(i, Math.min(list.size(), i + CHUNK)))
              .getResultList());
    }
    return found;
  }

  /**
   * Talks per speaker or topic, counted in the join table alone: joining the talks read each talk
   * row, and a busy speaker's thousands of talks were read again for every batch that touched one
   * of them (a quarter of a million-talk import). Each is counted by its own subquery: grouped
   * after a join, H2 tested every joined row against the whole list of slugs again, which at a
   * million talks cost a talk document 20 s and more.
   */
  private Map<String, Long> counts(String sql, List<String> slugs) {
    Map<String, Long> counts = new HashMap<>();
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery(sql).setParameter("s", slugs).getResultList();
    for (Object[] row : rows) {
      counts.put((String) row[0], ((Number) row[1]).longValue());
    }
    return counts;
  }
}
