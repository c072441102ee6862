package dev.podium.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HashMap;
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
 * that. They cost 2 bytes a slot, up to 8 a document: 14 bytes a document (21 MB) for the 1.5
 * million documents of the million talks, whose widest holds 7.
 *
 * <p>A segment's values never change (a deletion only hides a document), so they are kept per
 * segment core, across readers, until the segment is closed, and read for a new segment when a
 * refresh first sees it ({@link SearchIndex}), not by a search.
 */
final class FacetOrdinals {

  private static final String FIELD = FacetsConfig.DEFAULT_INDEX_FIELD_NAME;

  private final Map<IndexReader.CacheKey, Segment> segments = new ConcurrentHashMap<>();

  /**
   * A segment's ordinals, below its number of {@code values}. With fewer than 65,534 values (the
   * usual case), each document has {@code width} chars of {@code slots} from {@code doc * width},
   * ended early by {@link #NONE}: a hit's ordinals are one read of memory rather than two (where
   * they start, then what they are), which halved the time of counting the facets of a search
   * counted exactly at a million. The width is what the widest document needs, at most {@link
   * #WIDTH}; a document with more values (a talk on six topics or more) holds {@link #MORE} in its
   * first slot and its ordinals in {@code more}. With more values than that, those of document
   * {@code d} are {@code ords[starts[d]..starts[d+1])}.
   */
  record Segment(
      int values, int width, char[] slots, Map<Integer, int[]> more, int[] starts, int[] ords) {

    /** Adds one to {@code counts[global[ord]]} for each ordinal of document {@code doc}. */
    void count(int doc, int[] global, int[] counts) {
      if (slots == null) {
        for (int i = starts[doc], end = starts[doc + 1]; i < end; i++) {
          counts[global[ords[i]]]++;
        }
      } else if (width > 0 && slots[doc * width] == MORE) {
        for (int ord : more.get(doc)) {
          counts[global[ord]]++;
        }
      } else {
        for (int i = doc * width, end = i + width; i < end; i++) {
          char ord = slots[i];
          if (ord == NONE) {
            break;
          }
          counts[global[ord]]++;
        }
      }
    }
  }

  /** The most slots a document has. */
  static final int WIDTH = 8;

  /** An empty slot. */
  static final char NONE = Character.MAX_VALUE;

  /** In a document's first slot: its ordinals are in {@link Segment#more}. */
  static final char MORE = Character.MAX_VALUE - 1;

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
      int[] starts = new int[docs + 1];
      int[] ords = new int[Math.max(16, docs * 4)];
      int n = 0;
      int widest = 0;
      for (int doc = 0; doc < docs; doc++) {
        starts[doc] = n;
        if (values.advanceExact(doc)) {
          int held = values.docValueCount();
          widest = Math.max(widest, held);
          if (n + held > ords.length) {
            ords = Arrays.copyOf(ords, Math.max(n + held, ords.length + (ords.length >> 1)));
          }
          for (int i = 0; i < held; i++) {
            ords[n++] = (int) values.nextOrd();
          }
        }
      }
      starts[docs] = n;
      int width = Math.min(widest, WIDTH);
      if (count >= MORE || (long) docs * width > Integer.MAX_VALUE) {
        return new Segment(count, 0, null, null, starts, Arrays.copyOf(ords, n));
      }
      char[] slots = new char[docs * width];
      Arrays.fill(slots, NONE);
      Map<Integer, int[]> more = new HashMap<>();
      for (int doc = 0; doc < docs; doc++) {
        if (starts[doc + 1] - starts[doc] > width) {
          slots[doc * width] = MORE;
          more.put(doc, Arrays.copyOfRange(ords, starts[doc], starts[doc + 1]));
          continue;
        }
        for (int i = starts[doc], slot = doc * width; i < starts[doc + 1]; i++, slot++) {
          slots[slot] = (char) ords[i];
        }
      }
      return new Segment(count, width, slots, more, null, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
