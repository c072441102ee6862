package dev.podium.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.conference.Conference;
import dev.podium.talk.Talk;
import dev.podium.topic.Topic;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Facets counted from the ordinals held in memory give what Lucene's own counting gives: the same
 * values with the same counts in the same order, ties included, on an index of several segments,
 * after deletions and merges too.
 */
class FacetOrdinalsTest {

  static final int TALKS = 600;
  static final int SEGMENTS = 6;

  TestIndex index = new TestIndex();
  FacetOrdinals ordinals = new FacetOrdinals();
  List<Topic> topics = new ArrayList<>();
  List<Conference> conferences = new ArrayList<>();

  @BeforeEach
  void index() {
    for (int i = 0; i < 30; i++) {
      topics.add(TestIndex.topic("topic-" + i, "Topic " + i, null));
    }
    for (int i = 0; i < 25; i++) {
      Conference c = new Conference();
      c.slug = "conference-" + i;
      c.name = "Conference " + i;
      conferences.add(c);
    }
    for (int i = 0; i < TALKS; i++) {
      index.talk(talk(i));
      if ((i + 1) % (TALKS / SEGMENTS) == 0) {
        index.flush();
      }
    }
  }

  @AfterEach
  void close() throws IOException {
    index.close();
  }

  /**
   * Talk {@code i}: a topic that most talks share and one of thirty less even; one of 25
   * conferences, each with the same number of talks (more than the 20 values a facet shows, all
   * tied); a year of five. Talk 5 has ten more topics, more values than a document's slots hold, so
   * they are held aside.
   */
  private Talk talk(int i) {
    Talk t =
        TestIndex.talk("talk-" + i, (i % 3 == 0 ? "Python" : "Rust") + " talk " + i, "Abstract.");
    t.topics.add(topics.get(i % 4 == 0 ? 0 : 1));
    t.topics.add(topics.get(2 + (i * i) % 28));
    if (i == 5) {
      t.topics.addAll(topics.subList(18, 28));
    }
    t.conference = conferences.get(i % 25);
    t.startsAt = Instant.parse((2015 + i % 5) + "-06-01T10:00:00Z");
    return t;
  }

  @Test
  void countsFromMemoryAreLucenesCountsInLucenesOrder() throws IOException {
    IndexSearcher searcher = index.searcher();
    assertThat(searcher.getIndexReader().leaves()).hasSize(SEGMENTS);

    assertSameAsLucene(searcher);
    // Talk 5's values were counted from where they are held aside.
    assertThat(
            searcher.getIndexReader().leaves().stream()
                .map(leaf -> ordinals.of(leaf.reader()).more().size()))
        .containsExactly(1, 0, 0, 0, 0, 0);
  }

  @Test
  void aSegmentWithMoreValuesThanSlotsCanNameIsCountedAsItsDocValuesSay() throws IOException {
    try (Directory directory = new ByteBuffersDirectory();
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      FacetsConfig config = Fields.facets();
      for (int i = 0; i < 70_000; i++) {
        Document doc = new Document();
        doc.add(new SortedSetDocValuesFacetField(Fields.CONFERENCE, "conference-" + i));
        doc.add(new SortedSetDocValuesFacetField(Fields.YEAR, String.valueOf(2000 + i % 20)));
        writer.addDocument(config.build(doc));
      }
      writer.forceMerge(1);
      try (DirectoryReader reader = DirectoryReader.open(writer)) {
        LeafReader leaf = reader.leaves().get(0).reader();
        FacetOrdinals.Segment segment = ordinals.of(leaf);
        assertThat(segment.values()).isGreaterThan(Character.MAX_VALUE);
        assertThat(segment.slots()).isNull();

        int[] identity = IntStream.range(0, segment.values()).toArray();
        int[] counted = new int[segment.values()];
        int[] expected = new int[segment.values()];
        SortedSetDocValues values =
            DocValues.getSortedSet(leaf, FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
        for (int doc = 0; doc < leaf.maxDoc(); doc++) {
          segment.count(doc, identity, counted);
          if (values.advanceExact(doc)) {
            for (int i = 0; i < values.docValueCount(); i++) {
              expected[(int) values.nextOrd()]++;
            }
          }
        }
        assertThat(counted).isEqualTo(expected);
      }
    }
  }

  @Test
  void afterDeletionsNewSegmentsAndAMergeTheCountsFollow() throws IOException {
    index.searcher();
    ordinals.warm(index.searcher().getIndexReader());
    for (int i = 0; i < TALKS; i += 7) {
      index.delete(SearchDocuments.id("talk", "talk-" + i));
    }
    for (int i = TALKS; i < TALKS + 50; i++) {
      index.talk(talk(i));
    }
    index.flush();
    IndexSearcher searcher = index.searcher();
    assertThat(searcher.getIndexReader().numDeletedDocs()).isPositive();

    assertSameAsLucene(searcher);

    IndexSearcher merged = index.merge().searcher();
    assertSameAsLucene(merged);
    // The segments merged away were closed with the readers that held them, and let go.
    assertThat(ordinals.size()).isEqualTo(1);
  }

  private void assertSameAsLucene(IndexSearcher searcher) throws IOException {
    ReaderState state = new ReaderState(searcher.getIndexReader(), ordinals);
    List<Query> queries =
        List.of(
            new MatchAllDocsQuery(),
            new RankedQuery(
                SearchQuery.parse("python").toQuery(Fields.english(), Fields.names(), false)),
            new TermQuery(new Term(Fields.TOPIC, "topic-0")));
    for (Query query : queries) {
      for (long budget : new long[] {10 * TALKS, TALKS / 4}) {
        Tally tally = Tally.count(searcher, searcher.rewrite(query), budget);
        Map<String, Map<String, Integer>> facets = SearchService.facets(state, tally);
        for (String dim : Fields.FACETS) {
          assertThat(new ArrayList<>(facets.get(dim).entrySet()))
              .as("%s of %s, budget %d", dim, query, budget)
              .isNotEmpty()
              .isEqualTo(new ArrayList<>(lucene(searcher, tally, dim).entrySet()));
        }
      }
    }
  }

  private static Map<String, Integer> lucene(IndexSearcher searcher, Tally tally, String dim)
      throws IOException {
    SortedSetDocValuesFacetCounts counts =
        new SortedSetDocValuesFacetCounts(
            new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), Fields.facets()),
            tally.hits());
    FacetResult result = counts.getTopChildren(20, dim);
    Map<String, Integer> values = new LinkedHashMap<>();
    for (LabelAndValue lv : result.labelValues) {
      values.put(lv.label, tally.scale(lv.value.longValue()));
    }
    return values;
  }
}
