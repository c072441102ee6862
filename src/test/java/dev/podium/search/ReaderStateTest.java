package dev.podium.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A search whose terms were looked up once per reader finds the same documents with the very same
 * scores as one that looks them up anew: a cursor holds a score, so even the last bit counts.
 */
class ReaderStateTest {

  static final List<String> TITLES =
      List.of(
          "Python for machine learning",
          "Machine learning in production",
          "Concurrency in Python with asyncio",
          "Web scraping with Python",
          "Django at scale",
          "Data science with pandas",
          "Testing Django applications",
          "Learning Rust");

  TestIndex index = new TestIndex();

  @BeforeEach
  void index() {
    for (int i = 0; i < 300; i++) {
      // One talk holds rare near misses of frequent words: the terms of a word's typo
      // alternatives share statistics of their own, which must stay as they are.
      String title = i == 7 ? "Dango, pytho and concurrent djangos" : TITLES.get(i % TITLES.size());
      index.talk(TestIndex.talk("talk-" + i, title + " " + i, "Talk " + i + " of many."));
      if (i % 60 == 59) {
        index.flush();
      }
    }
  }

  @AfterEach
  void close() throws IOException {
    index.close();
  }

  @Test
  void termsLookedUpOnceScoreAsTermsLookedUpEachTime() throws IOException {
    IndexSearcher searcher = index.searcher();
    assertThat(searcher.getIndexReader().leaves()).hasSizeGreaterThan(1);
    ReaderState state = new ReaderState(searcher.getIndexReader(), new FacetOrdinals());
    for (String q :
        List.of("python", "machine learning", "djnago", "concurency pythn", "\"data science\"")) {
      for (int round = 0; round < 2; round++) { // the second round reads what the first kept
        Query words =
            searcher.rewrite(
                SearchQuery.parse(q)
                    .toQuery(
                        Fields.english(),
                        Fields.names(),
                        word -> true,
                        typo -> state.typos(searcher, typo)));
        TopDocs fresh = searcher.search(new RankedQuery(words), 1000);
        TopDocs kept =
            searcher.search(new RankedQuery(state.withTermStates(searcher, words)), 1000);

        assertThat(fresh.scoreDocs).as(q).isNotEmpty();
        assertThat(hits(kept)).as(q).isEqualTo(hits(fresh));
      }
    }
  }

  private static List<String> hits(TopDocs top) {
    return Arrays.stream(top.scoreDocs)
        .map((ScoreDoc d) -> d.doc + ":" + Float.floatToIntBits(d.score))
        .toList();
  }
}
