package dev.podium.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's ranking of highlight passages (BM25 over the passage, early passages first), scored
 * without the hash table {@link PassageScorer#score} builds for each passage: that table allocates
 * a 32 KB block every time, a fifth of the cost of highlighting in a profile of the search
 * benchmark. A passage holds a handful of matches, so equal terms are found by comparing them.
 */
final class PassageScores extends PassageScorer {

  @Override
  public float score(Passage passage, int contentLength) {
    int matches = passage.getNumMatches();
    BytesRef[] terms = passage.getMatchTerms();
    int[] inDocument = passage.getMatchTermFreqsInDoc();
    double score = 0;
    for (int i = 0; i < matches; i++) {
      if (seenBefore(terms, i)) {
        continue;
      }
      int inPassage = 1;
      for (int j = i + 1; j < matches; j++) {
        if (terms[j].bytesEquals(terms[i])) {
          inPassage++;
        }
      }
      score += tf(inPassage, passage.getLength()) * weight(contentLength, inDocument[i]);
    }
    return (float) (score * norm(passage.getStartOffset()));
  }

  private static boolean seenBefore(BytesRef[] terms, int i) {
    for (int j = 0; j < i; j++) {
      if (terms[j].bytesEquals(terms[i])) {
        return true;
      }
    }
    return false;
  }
}
