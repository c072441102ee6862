package dev.podium.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;

/**
 * The facet ordinals of each segment, held in memory: for each document, the ordinals of its facet
 * values in its segment. Counting facets reads each hit's values; read from the doc values on disk,
 * that was a third of the CPU of a search at a million documents (a hit's values lie elsewhere than
 * its neighbour's, and each read decodes packed bits), and from these arrays it is a fraction of
 * that. They cost about 12 bytes a document (18 MB for the 1.5 million of the million talks).
 *
 * <p>A segment's values never change (a deletion only hides a document), so they are kept per
 * segment core, across readers, until the segment is closed, and read for a new segment when a
 * refresh first sees it ({@link SearchIndex}), not by a search.
 */
final class FacetOrdinals {

  private static final String FIELD = FacetsConfig.DEFAULT_INDEX_FIELD_NAME;

  private final Map<IndexReader.CacheKey, Segment> segments = new ConcurrentHashMap<>();

  /**
   * A segment's ordinals, below its number of {@code values}: those of document {@code d} are
   * {@code ords[starts[d]..starts[d+1])}, held as chars when the segment has at most 65,536 values
   * (the usual case), else as ints.
   */
  record Segment(int values, int[] starts, char[] small, int[] large) {

    /** Adds one to {@code counts[global[ord]]} for each ordinal of document {@code doc}. */
    void count(int doc, int[] global, int[] counts) {
      int end = starts[doc + 1];
      if (small != null) {
        for (int i = starts[doc]; i < end; i++) {
          counts[global[small[i]]]++;
        }
      } else {
        for (int i = starts[doc]; i < end; i++) {
          counts[global[large[i]]]++;
        }
      }
    }
  }

  /** The ordinals of {@code leaf}, read on its first use. */
  Segment of(LeafReader leaf) {
    IndexReader.CacheHelper core = leaf.getCoreCacheHelper();
    if (core == null) {
      return read(leaf); // a reader that cannot be cached (none of the index's own)
    }
    return segments.computeIfAbsent(
        core.getKey(),
        key -> {
          core.addClosedListener(segments::remove);
          return read(leaf);
        });
  }

  /** Reads the ordinals of the segments of {@code reader} that are not held yet. */
  void warm(IndexReader reader) {
    for (LeafReaderContext leaf : reader.leaves()) {
      of(leaf.reader());
    }
  }

  /** How many segments are held (for tests). */
  int size() {
    return segments.size();
  }

  private static Segment read(LeafReader leaf) {
    try {
      SortedSetDocValues values = DocValues.getSortedSet(leaf, FIELD);
      int docs = leaf.maxDoc();
      int count = (int) values.getValueCount();
      boolean small = count <= 1 << Character.SIZE;
      int[] starts = new int[docs + 1];
      int[] ords = new int[Math.max(16, docs * 4)];
      int n = 0;
      for (int doc = 0; doc < docs; doc++) {
        starts[doc] = n;
        if (values.advanceExact(doc)) {
          int held = values.docValueCount();
          if (n + held > ords.length) {
            ords = Arrays.copyOf(ords, Math.max(n + held, ords.length + (ords.length >> 1)));
          }
          for (int i = 0; i < held; i++) {
            ords[n++] = (int) values.nextOrd();
          }
        }
      }
      starts[docs] = n;
      if (!small) {
        return new Segment(count, starts, null, Arrays.copyOf(ords, n));
      }
      char[] chars = new char[n];
      for (int i = 0; i < n; i++) {
        chars[i] = (char) ords[i];
      }
      return new Segment(count, starts, chars, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
