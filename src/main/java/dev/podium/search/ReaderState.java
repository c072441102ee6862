package dev.podium.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * What searches of one index reader share, as Solr keeps a document cache per searcher: the facet
 * ordinals, the stored fields of recent hits and the typo alternatives of recent words. All of it
 * follows from the reader alone, so it is exact until the reader is replaced, and goes with it.
 *
 * <p>Reading a hit's stored fields decompresses the block that holds it, and finding a word's typo
 * alternatives builds Levenshtein automata; in a profile of the search benchmark the two were a
 * sixth of the time of a search, and a quarter of that of a misspelled one.
 */
final class ReaderState {

  /** Stored text kept, in characters: about 8 MB, the documents of some hundred pages of hits. */
  static final long DOCUMENT_CHARS = 4_000_000;

  /** Words whose typo alternatives are kept. */
  static final long TYPO_WORDS = 2_000;

  private final IndexReader reader;
  private final long version;
  private SortedSetDocValuesReaderState facets;
  private final Cache<Integer, Document> documents =
      Caffeine.newBuilder()
          .maximumWeight(DOCUMENT_CHARS)
          .weigher((Integer doc, Document d) -> chars(d))
          .build();
  private final Cache<Query, Query> typos = Caffeine.newBuilder().maximumSize(TYPO_WORDS).build();

  ReaderState(IndexReader reader) {
    this.reader = reader;
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

  /** The stored fields of document {@code doc} of this reader, read with {@code fields}. */
  Document document(StoredFields fields, int doc) {
    return documents.get(doc, d -> read(fields, d));
  }

  /** {@code typo}, a query of a word's near misses, rewritten to the terms it finds here. */
  Query typos(IndexSearcher searcher, Query typo) {
    return typos.get(typo, q -> rewrite(searcher, q));
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
