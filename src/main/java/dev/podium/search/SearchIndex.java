package dev.podium.search;

import dev.podium.common.PodiumConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jboss.logging.Logger;

/**
 * Owns the Lucene index in the data folder: the directory, the one writer and the searcher manager,
 * opened at start and closed (after a commit) at shutdown. The last change applied and the schema
 * version live in the commit data, so a restart resumes where the index stopped and an index of
 * another schema is rebuilt.
 */
@ApplicationScoped
public class SearchIndex {

  static final String LAST_CHANGE = "podium.lastChange";
  static final String SCHEMA = "podium.schema";
  private static final Logger LOG = Logger.getLogger(SearchIndex.class);

  private final PodiumConfig config;
  private final Analyzer analyzer = Fields.perField();
  private Directory directory;
  private IndexWriter writer;
  private SearcherManager searchers;
  private ExecutorService helpers;
  private volatile boolean rebuildNeeded;
  private volatile long lastChange;
  private final FacetOrdinals ordinals = new FacetOrdinals();
  private ReaderState state;

  public SearchIndex(PodiumConfig config) {
    this.config = config;
  }

  @PostConstruct
  void open() {
    Path path = Path.of(config.dataDir(), "index");
    try {
      Files.createDirectories(path);
      directory = FSDirectory.open(path);
      boolean exists = DirectoryReader.indexExists(directory);
      Map<String, String> data =
          exists ? SegmentInfos.readLatestCommit(directory).getUserData() : Map.of();
      rebuildNeeded = !exists || !Fields.SCHEMA.equals(data.get(SCHEMA));
      // An index of another schema is started afresh: its settings, such as its sort, may differ.
      IndexWriterConfig writerConfig =
          new IndexWriterConfig(analyzer)
              .setOpenMode(
                  rebuildNeeded
                      ? IndexWriterConfig.OpenMode.CREATE
                      : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
              .setIndexSort(Fields.INDEX_SORT)
              .setRAMBufferSizeMB(64);
      writer = new IndexWriter(directory, writerConfig);
      lastChange = rebuildNeeded ? 0 : Long.parseLong(data.getOrDefault(LAST_CHANGE, "0"));
      int threads = config.search().threads().orElse(Runtime.getRuntime().availableProcessors());
      helpers = threads == 0 ? null : helpers(threads);
      searchers =
          new SearcherManager(
              writer,
              new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                  ordinals.warm(reader); // here, on a refresh, rather than in a search
                  return new IndexSearcher(reader, helpers);
                }
              });
      LOG.infof(
          "Search index at %s: %s",
          path,
          rebuildNeeded ? "to be built from the database" : "resumes after change " + lastChange);
    } catch (IOException e) {
      close();
      throw new UncheckedIOException("The search index cannot be opened at " + path, e);
    }
  }

  @PreDestroy
  synchronized void close() {
    try {
      if (writer != null && writer.isOpen()) {
        if (rebuildNeeded) {
          // A rebuild cut short (by a shutdown, or a failure): committing it would leave part of
          // the database in an index that claims to be whole. The last commit stays, and the
          // next start rebuilds if that is still needed.
          writer.rollback();
        } else {
          writer.commit();
        }
      }
    } catch (IOException e) {
      LOG.warn("The search index could not commit on close", e);
    }
    closeQuietly(searchers);
    closeQuietly(writer);
    closeQuietly(directory);
    if (helpers != null) {
      helpers.shutdownNow();
    }
  }

  /**
   * The threads that help searches, idle unless a search hands them a slice; a slice that waits for
   * one is taken by its search's own thread as soon as that is free, so nothing waits on them.
   */
  private static ExecutorService helpers(int threads) {
    AtomicInteger n = new AtomicInteger();
    return Executors.newFixedThreadPool(
        threads,
        r -> {
          Thread t = new Thread(r, "podium-search-" + n.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      if (closeable != null) {
        closeable.close();
      }
    } catch (Exception e) {
      LOG.warn("Closing the search index", e);
    }
  }

  public boolean isOpen() {
    return writer != null && writer.isOpen();
  }

  IndexWriter writer() {
    return writer;
  }

  Analyzer analyzer() {
    return analyzer;
  }

  boolean rebuildNeeded() {
    return rebuildNeeded;
  }

  /** A rebuild starts: until its commit the index is not whole (readiness is DOWN meanwhile). */
  void rebuildStarted() {
    rebuildNeeded = true;
  }

  /** The id of the last change the index holds. */
  public long lastChange() {
    return lastChange;
  }

  /** Makes what was written durable, with the change it reached, and visible to searches. */
  synchronized void commit(long reached) throws IOException {
    writer.setLiveCommitData(
        Map.of(LAST_CHANGE, Long.toString(reached), SCHEMA, Fields.SCHEMA).entrySet());
    writer.commit();
    lastChange = reached;
    rebuildNeeded = false;
    searchers.maybeRefreshBlocking();
  }

  /** Runs {@code work} with a searcher that is released afterwards, whatever happens. */
  public <T> T withSearcher(SearchWork<T> work) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return work.run(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What searches of {@code reader} share, built once per reader. A search still on the reader a
   * refresh replaced gets a state of its own, which is not kept.
   */
  synchronized ReaderState state(IndexReader reader) {
    if (state != null && state.reader() == reader) {
      return state;
    }
    ReaderState fresh = new ReaderState(reader, ordinals);
    if (state == null || fresh.version() >= state.version()) {
      state = fresh;
    }
    return fresh;
  }

  /** Work on a searcher. */
  @FunctionalInterface
  public interface SearchWork<T> {
    T run(IndexSearcher searcher) throws IOException;
  }
}
