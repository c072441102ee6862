package dev.podium.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.Converter;

/** Podium's own settings, under the {@code podium.} prefix. */
@ConfigMapping(prefix = "podium")
public interface PodiumConfig {

  /** Folder for the embedded database and the search index (env {@code PODIUM_DATA_DIR}). */
  @WithDefault("./data")
  String dataDir();

  /** Fill an empty database with the demo catalog at first start. */
  @WithDefault("true")
  boolean demoData();

  /** {@code max-age} in seconds of the {@code Cache-Control} header on successful GETs. */
  @WithDefault("60")
  int cacheMaxAge();

  /** Search index settings. */
  Search search();

  /** The in-memory cache of GET answers ({@link ResponseCache}). */
  ResponseCache responseCache();

  /** How large request bodies may be. */
  Limits limits();

  /** The talk list. */
  Talks talks();

  /** The talk list. */
  interface Talks {
    /**
     * Up to this many matches, a list by status, year, type, level or video reads them through the
     * indexes of those and sorts them; beyond, it walks the index of its order, testing each talk,
     * and stops after a page.
     */
    @WithDefault("100000")
    long sortedUpTo();
  }

  /** How large request bodies may be; a larger one answers 413. */
  interface Limits {
    /** Largest JSON body of a create or replace (env {@code PODIUM_LIMITS_BODY_SIZE}). */
    @WithDefault("1M")
    MemorySize bodySize();

    /**
     * Largest catalog document an import takes (env {@code PODIUM_LIMITS_CATALOG_BODY_SIZE}). It is
     * also the server's limit for any body ({@code quarkus.http.limits.max-body-size} follows it),
     * since that one cannot differ per address.
     */
    @WithDefault("64M")
    MemorySize catalogBodySize();
  }

  /** The in-memory cache of anonymous GET answers. */
  interface ResponseCache {
    /** Serve repeated anonymous GETs from memory (env {@code PODIUM_RESPONSE_CACHE_ENABLED}). */
    @WithDefault("true")
    boolean enabled();

    /** Most memory the stored answers take; the least used go first. */
    @WithDefault("32M")
    MemorySize maxSize();
  }

  /** Search index settings. */
  interface Search {
    /**
     * How often the index polls the change log for other instances' writes (e.g. 0.5s, 500ms), so
     * what one instance writes is searchable on the others within about a second.
     */
    @WithDefault("0.5s")
    Duration pollInterval();

    /** Readiness turns DOWN when the index is more changes than this behind the database. */
    @WithDefault("10000")
    long maxBehind();

    /**
     * Postings a search may read to count its hits and facets exactly. One that would read more
     * counts them on a random sample of the index of about this size, answers them as estimates
     * ({@code "estimated": true}), and scores only the hits that can reach its page.
     */
    @WithDefault("50000")
    long countedExactly();

    /**
     * Threads that help searches of an index of several segments: a search takes its slices of
     * segments on its own thread and hands the others to these while they are free, so a search
     * that reads much is not left on one core. Absent: one per core; 0: none.
     */
    @WithConverter(ZeroOrMore.class)
    Optional<Integer> threads();

    /**
     * Searches run at once; the next wait their turn, first come first served, so a search that
     * reads much is not slowed down further by every one started after it. Absent: one more than
     * the cores (a search also waits for the slices it handed to helpers); 0: no limit.
     */
    @WithConverter(ZeroOrMore.class)
    Optional<Integer> concurrency();

    /** How long a search waits for its turn before it is answered 503 with {@code Retry-After}. */
    @WithDefault("5s")
    Duration maxWait();
  }

  /**
   * A count that may be 0 but not negative. (A converter rather than a constraint: constraints on
   * configuration would start a second validator factory at every start.)
   */
  final class ZeroOrMore implements Converter<Integer> {
    @Override
    public Integer convert(String value) {
      int n = Integer.parseInt(value.strip());
      if (n < 0) {
        throw new IllegalArgumentException("it must be 0 or more, not " + n);
      }
      return n;
    }
  }
}
