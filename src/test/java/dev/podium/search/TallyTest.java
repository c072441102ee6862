package dev.podium.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.podium.talk.Talk;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LRUQueryCache;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryCachingPolicy;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Counting a search's hits and facets: exactly within the budget, on a random sample beyond it. The
 * talks are written year by year, so a sample of the documents written first, rather than a random
 * one, would find only the first year.
 */
class TallyTest {

  static final int TALKS = 4000;
  static final int SEGMENTS = 8;

  TestIndex index;
  IndexSearcher searcher;
  Query python;

  @BeforeEach
  void index() throws IOException {
    index = new TestIndex();
    for (int i = 0; i < TALKS; i++) {
      // A quarter of the talks in 2018, the rest in 2019; every second one on Python.
      int year = i < TALKS / 4 ? 2018 : 2019;
      Talk talk =
          TestIndex.talk(
              "talk-" + i, (i % 2 == 0 ? "Python " : "Rust ") + "talk number " + i, "An abstract.");
      talk.startsAt = Instant.parse(year + "-06-01T10:00:00Z");
      index.talk(talk);
      if ((i + 1) % (TALKS / SEGMENTS) == 0) {
        index.flush();
      }
    }
    searcher = index.searcher();
    python =
        searcher.rewrite(
            new RankedQuery(
                SearchQuery.parse("python").toQuery(Fields.english(), Fields.names(), false)));
  }

  @AfterEach
  void close() throws IOException {
    index.close();
  }

  @Test
  void aSearchWithinTheBudgetIsCountedOnEveryDocument() throws IOException {
    Tally tally = Tally.count(searcher, python, TALKS);

    assertThat(tally.share()).isEqualTo(1);
    assertThat(tally.estimated()).isFalse();
    assertThat(counted(tally)).isEqualTo(TALKS / 2);
    assertThat(years(tally)).containsEntry("2018", TALKS / 8).containsEntry("2019", 3 * TALKS / 8);
  }

  @Test
  void aBiggerSearchIsCountedOnARandomSampleAndScaledUp() throws IOException {
    Tally tally = Tally.count(searcher, python, 400);

    // 2,000 talks hold "python": a fifth of the index is counted.
    assertThat(tally.share()).isCloseTo(0.2, within(0.001));
    assertThat(tally.estimated()).isTrue();
    assertThat(counted(tally)).isBetween(300L, 500L);
    assertThat(tally.scale(counted(tally))).isCloseTo(TALKS / 2, within(TALKS / 2 / 10));
    Map<String, Integer> years = years(tally);
    assertThat(years.get("2018")).isCloseTo(TALKS / 8, within(TALKS / 8 / 4));
    assertThat(years.get("2019")).isCloseTo(3 * TALKS / 8, within(3 * TALKS / 8 / 4));
  }

  @Test
  void slicesOfSegmentsCountedOnSeveralThreadsAddUpToTheSameCounts() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      IndexSearcher sliced = index.searcher(threads);
      assertThat(searcher.getIndexReader().leaves()).hasSize(SEGMENTS);
      assertThat(sliced.getSlices()).hasSizeGreaterThan(1);
      for (long budget : new long[] {TALKS, 400}) {
        Tally one = Tally.count(searcher, python, budget);
        Tally several = Tally.count(sliced, python, budget);

        assertThat(several.share()).isEqualTo(one.share());
        assertThat(counted(several)).isEqualTo(counted(one));
        assertThat(years(several)).isEqualTo(years(one));
      }
    } finally {
      threads.shutdown();
    }
  }

  @Test
  void aSearchIsCountedOnTheSameSampleOnceLucenesQueryCacheHoldsItsParts() throws IOException {
    try (TestIndex both = new TestIndex()) {
      for (int i = 0; i < TALKS; i++) {
        // Every second talk has the word in its title and its abstract: its postings in the two
        // fields are twice the talks that match it.
        String word = i % 2 == 0 ? "Python" : "Rust";
        both.talk(TestIndex.talk("talk-" + i, word + " talk " + i, "An abstract on " + word + "."));
        if ((i + 1) % (TALKS / SEGMENTS) == 0) {
          both.flush();
        }
      }
      IndexSearcher cached = new IndexSearcher(both.searcher().getIndexReader());
      cached.setQueryCache(new LRUQueryCache(100, 1 << 20, leaf -> true, Float.POSITIVE_INFINITY));
      cached.setQueryCachingPolicy(
          new QueryCachingPolicy() {
            @Override
            public void onUse(Query query) {}

            @Override
            public boolean shouldCache(Query query) {
              return true; // every part of the query, from its first use
            }
          });
      // As a search with a filter asks: the words become a part that the cache may take.
      Query query =
          cached.rewrite(
              new BooleanQuery.Builder()
                  .add(
                      SearchQuery.parse("python")
                          .toMatchingQuery(Fields.english(), Fields.names(), w -> false, q -> q),
                      Occur.MUST)
                  .add(new TermQuery(new Term(Fields.TYPE, "talk")), Occur.FILTER)
                  .build());

      Tally first = Tally.count(cached, query, 400); // the cache takes the words' matches here
      Tally again = Tally.count(cached, query, 400);

      assertThat(first.estimated()).isTrue();
      assertThat(again.share()).isEqualTo(first.share());
      assertThat(counted(again)).isEqualTo(counted(first));
    }
  }

  private static long counted(Tally tally) {
    return tally.hits().getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
  }

  private Map<String, Integer> years(Tally tally) throws IOException {
    SortedSetDocValuesFacetCounts counts =
        new SortedSetDocValuesFacetCounts(
            new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), Fields.facets()),
            tally.hits());
    FacetResult result = counts.getTopChildren(10, Fields.YEAR);
    Map<String, Integer> years = new HashMap<>();
    for (LabelAndValue lv : result.labelValues) {
      years.put(lv.label, tally.scale(lv.value.longValue()));
    }
    return years;
  }
}
