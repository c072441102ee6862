package dev.podium.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.LongValues;

/**
 * What searches of one index reader share, as Solr keeps a document cache per searcher: the facet
 * ordinals and their map from each segment's to the reader's, the stored fields of recent hits, the
 * typo alternatives of recent words and where recent terms are in each segment's dictionary. All of
 * it follows from the reader alone, so it is exact until the reader is replaced, and goes with it.
 *
 * <p>Reading a hit's stored fields decompresses the block that holds it, and finding a word's typo
 * alternatives builds Levenshtein automata; in a profile of the search benchmark the two were a
 * sixth of the time of a search, and a quarter of that of a misspelled one. Looking a term up in
 * the dictionary of each of the 18 segments of the million was 7% of the CPU of a search, and a
 * search looked each of its terms up three times: for the page, its bonus and its count.
 */
final class ReaderState {

  /** Stored text kept, in characters: about 8 MB, the documents of some hundred pages of hits. */
  static final long DOCUMENT_CHARS = 4_000_000;

  /** Words whose typo alternatives are kept. */
  static final long TYPO_WORDS = 2_000;

  /** Terms whose place in each segment's dictionary is kept: about 1 KB each at 18 segments. */
  static final long TERMS = 4_000;

  private final IndexReader reader;
  private final long version;
  private final FacetOrdinals ordinals;
  private SortedSetDocValuesReaderState facets;
  private int[][] global;
  private final Cache<Integer, Document> documents =
      Caffeine.newBuilder()
          .maximumWeight(DOCUMENT_CHARS)
          .weigher((Integer doc, Document d) -> chars(d))
          .build();
  private final Cache<Query, Query> typos = Caffeine.newBuilder().maximumSize(TYPO_WORDS).build();
  private final Cache<Term, TermStates> terms = Caffeine.newBuilder().maximumSize(TERMS).build();

  ReaderState(IndexReader reader, FacetOrdinals ordinals) {
    this.reader = reader;
    this.ordinals = ordinals;
    this.version = reader instanceof DirectoryReader directory ? directory.getVersion() : 0;
  }

  IndexReader reader() {
    return reader;
  }

  /** The version of the index the reader holds; a later reader has a higher one. */
  long version() {
    return version;
  }

  /** The facet ordinals, built by the first search that counts facets. */
  synchronized SortedSetDocValuesReaderState facets() throws IOException {
    if (facets == null) {
      facets = new DefaultSortedSetDocValuesReaderState(reader, Fields.facets());
    }
    return facets;
  }

  /**
   * The count of each facet value ({@link #facets()}'s ordinals) among {@code hits}, read from the
   * ordinals held in memory.
   */
  int[] count(FacetsCollector hits) throws IOException {
    SortedSetDocValuesReaderState state = facets();
    int[][] global = global(state);
    int[] counts = new int[state.getSize()];
    for (FacetsCollector.MatchingDocs matching : hits.getMatchingDocs()) {
      FacetOrdinals.Segment segment = ordinals.of(matching.context.reader());
      int[] toGlobal = global[matching.context.ord];
      DocIdSetIterator docs = matching.bits.iterator();
      for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
        segment.count(doc, toGlobal, counts);
      }
    }
    return counts;
  }

  /** Per segment, the reader's ordinal of each of the segment's; built once per reader. */
  private synchronized int[][] global(SortedSetDocValuesReaderState state) throws IOException {
    if (global == null) {
      OrdinalMap map =
          state.getDocValues() instanceof MultiDocValues.MultiSortedSetDocValues multi
              ? multi.mapping
              : null;
      global = new int[reader.leaves().size()][];
      for (LeafReaderContext leaf : reader.leaves()) {
        int values = ordinals.of(leaf.reader()).values();
        LongValues toGlobal = map == null ? LongValues.IDENTITY : map.getGlobalOrds(leaf.ord);
        int[] mapped = new int[values];
        for (int ord = 0; ord < values; ord++) {
          mapped[ord] = (int) toGlobal.get(ord);
        }
        global[leaf.ord] = mapped;
      }
    }
    return global;
  }

  /** The stored fields of document {@code doc} of this reader, read with {@code fields}. */
  Document document(StoredFields fields, int doc) {
    return documents.get(doc, d -> read(fields, d));
  }

  /** {@code typo}, a query of a word's near misses, rewritten to the terms it finds here. */
  Query typos(IndexSearcher searcher, Query typo) {
    return typos.get(typo, q -> rewrite(searcher, q));
  }

  /** Where {@code term} is in each segment, with its statistics, as Lucene's term queries use. */
  TermStates term(IndexSearcher searcher, Term term) {
    return terms.get(term, t -> lookUp(searcher, t));
  }

  /**
   * {@code query} with its term queries (within boolean, boosted and best-field queries) given the
   * places of their terms kept here, so that a search does not look them up again.
   */
  Query withTermStates(IndexSearcher searcher, Query query) {
    if (query instanceof TermQuery t) {
      // A term of typo alternatives comes with statistics of its own (blended): kept as it is.
      return t.getTermStates() != null
          ? t
          : new TermQuery(t.getTerm(), term(searcher, t.getTerm()));
    }
    if (query instanceof BoostQuery b) {
      return new BoostQuery(withTermStates(searcher, b.getQuery()), b.getBoost());
    }
    if (query instanceof DisjunctionMaxQuery d) {
      return new DisjunctionMaxQuery(
          d.getDisjuncts().stream().map(q -> withTermStates(searcher, q)).toList(),
          d.getTieBreakerMultiplier());
    }
    if (query instanceof BooleanQuery b) {
      BooleanQuery.Builder copy =
          new BooleanQuery.Builder().setMinimumNumberShouldMatch(b.getMinimumNumberShouldMatch());
      for (BooleanClause clause : b.clauses()) {
        copy.add(withTermStates(searcher, clause.getQuery()), clause.getOccur());
      }
      return copy.build();
    }
    return query;
  }

  private static TermStates lookUp(IndexSearcher searcher, Term term) {
    try {
      return TermStates.build(searcher, term, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Document read(StoredFields fields, int doc) {
    try {
      return fields.document(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Query rewrite(IndexSearcher searcher, Query query) {
    try {
      return searcher.rewrite(query);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int chars(Document doc) {
    int chars = 0;
    for (IndexableField field : doc) {
      String value = field.stringValue();
      chars += value == null ? 0 : value.length();
    }
    return Math.max(1, chars);
  }
}
