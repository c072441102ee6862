package dev.podium.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class PassageScoresTest {

  private static Passage passage(Random random) {
    Passage p = new Passage();
    int start = random.nextInt(2000);
    p.setStartOffset(start);
    p.setEndOffset(start + 20 + random.nextInt(400));
    int matches = random.nextInt(12);
    for (int i = 0; i < matches; i++) {
      String word = "w" + random.nextInt(5);
      p.addMatch(start + i, start + i + 1, new BytesRef(word), 1 + word.charAt(1) % 4);
    }
    return p;
  }

  @Test
  void ranksPassagesAsLucenesScorerDoes() {
    Random random = new Random(42);
    PassageScorer lucene = new PassageScorer();
    PassageScores ours = new PassageScores();
    for (int i = 0; i < 2000; i++) {
      Passage p = passage(random);
      int contentLength = p.getEndOffset() + random.nextInt(5000);
      float expected = lucene.score(p, contentLength);
      assertThat(ours.score(p, contentLength)).isCloseTo(expected, within(1e-4f * (1 + expected)));
    }
  }

  @Test
  void aRepeatedTermCountsLessThanTwoDifferentTerms() {
    Passage repeated = new Passage();
    repeated.setStartOffset(0);
    repeated.setEndOffset(80);
    repeated.addMatch(0, 5, new BytesRef("chaos"), 3);
    repeated.addMatch(10, 15, new BytesRef("chaos"), 3);
    Passage distinct = new Passage();
    distinct.setStartOffset(0);
    distinct.setEndOffset(80);
    distinct.addMatch(0, 5, new BytesRef("chaos"), 3);
    distinct.addMatch(10, 18, new BytesRef("netflix"), 3);
    PassageScores scores = new PassageScores();
    assertThat(scores.score(distinct, 500)).isGreaterThan(scores.score(repeated, 500));
  }
}
