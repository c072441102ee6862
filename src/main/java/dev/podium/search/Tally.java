package dev.podium.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * The hits a search counts for its total and facets, with the share of the index they were counted
 * on: all of it for a search that costs little, else the first documents of each segment. The index
 * is sorted by a hash of each document's id ({@link Fields#INDEX_SORT}), so those are a random
 * sample, and counting them costs the same for a search that matches most of a million documents as
 * for one that matches a few thousand.
 */
record Tally(FacetsCollector hits, double share) {

  /** Whether the counts are estimates from a sample. */
  boolean estimated() {
    return share < 1;
  }

  /** A count of the sample scaled to the whole index. */
  int scale(long counted) {
    return estimated() ? (int) Math.round(counted / share) : (int) counted;
  }

  /**
   * Counts the hits of {@code rewritten}: all of them when its cost (Lucene's estimate of the
   * postings it reads, an upper bound of its hits) is within {@code budget}, else those in the
   * first {@code budget / cost} of each segment.
   */
  static Tally count(IndexSearcher searcher, Query rewritten, long budget) throws IOException {
    Weight weight = counting(searcher, rewritten);
    IndexReader reader = searcher.getIndexReader();
    long cost = cost(reader, rewritten);
    double share = cost <= budget ? 1 : (double) budget / cost;
    // Slice by slice, as the searcher searches: the slices of a big index on several threads.
    List<Callable<FacetsCollector>> slices = new ArrayList<>();
    for (IndexSearcher.LeafSlice slice : searcher.getSlices()) {
      slices.add(() -> count(weight, slice.leaves, share));
    }
    FacetsCollector hits =
        new FacetsCollectorManager().reduce(searcher.getTaskExecutor().invokeAll(slices));
    long covered = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      covered += end(leaf, share);
    }
    return new Tally(hits, reader.maxDoc() == 0 ? 1 : (double) covered / reader.maxDoc());
  }

  /**
   * Lucene's estimate of the postings {@code rewritten} reads, made without the query cache. A part
   * of a query that the cache holds costs what it matches rather than its postings, so once the
   * cache took a part of a search, the search was counted on another sample and its estimated total
   * changed from one request to the next.
   */
  private static long cost(IndexReader reader, Query rewritten) throws IOException {
    IndexSearcher uncached = new IndexSearcher(reader);
    uncached.setQueryCache(null);
    Weight weight = counting(uncached, rewritten);
    long cost = 0;
    for (LeafReaderContext leaf : reader.leaves()) {
      ScorerSupplier supplier = weight.scorerSupplier(leaf);
      if (supplier != null) {
        cost += supplier.cost();
      }
    }
    return cost;
  }

  private static FacetsCollector count(Weight weight, LeafReaderContext[] leaves, double share)
      throws IOException {
    FacetsCollector hits = new FacetsCollector();
    for (LeafReaderContext leaf : leaves) {
      int end = end(leaf, share);
      LeafCollector collector = hits.getLeafCollector(leaf);
      BulkScorer scorer = weight.bulkScorer(leaf);
      if (scorer != null && end > 0) {
        scorer.score(collector, leaf.reader().getLiveDocs(), 0, end);
      }
      collector.finish();
    }
    return hits;
  }

  /**
   * Where the sample of a segment ends. Rounded, not rounded up: each segment is counted on about
   * the same share, so that hits gathered in one big segment are not scaled by the share of many
   * small ones counted whole.
   */
  private static int end(LeafReaderContext leaf, double share) {
    return (int) Math.round(leaf.reader().maxDoc() * share);
  }

  /**
   * A weight that only matches: made by the query itself rather than the searcher, so that the
   * query cache, which would first note the matches of whole segments, stays out of a sample.
   */
  private static Weight counting(IndexSearcher searcher, Query rewritten) throws IOException {
    return rewritten.createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f);
  }
}
