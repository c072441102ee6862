package dev.podium.search;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.FilterScorable;
import org.apache.lucene.search.FilterScorer;
import org.apache.lucene.search.FilterWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;

/**
 * A query whose scores are multiplied by each document's rank ({@link SearchDocuments#RANK}, a
 * float doc value of at most 1). Lucene's {@code FunctionScoreQuery} does the same but knows no
 * bound of the product, so every hit had to be scored; with ranks of at most 1 the bound of the
 * query is the bound of its product, and Lucene skips the blocks of documents that cannot reach the
 * page (block-max WAND and MaxScore).
 */
final class RankedQuery extends Query {

  /** The highest rank a document has: talks. */
  static final float MAX_RANK = 1f;

  private final Query in;

  RankedQuery(Query in) {
    this.in = Objects.requireNonNull(in);
  }

  @Override
  public Query rewrite(IndexSearcher searcher) throws IOException {
    Query rewritten = in.rewrite(searcher);
    return rewritten == in ? super.rewrite(searcher) : new RankedQuery(rewritten);
  }

  @Override
  public void visit(QueryVisitor visitor) {
    in.visit(visitor.getSubVisitor(Occur.MUST, this));
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    Weight inner = in.createWeight(searcher, scoreMode, boost);
    if (!scoreMode.needsScores()) {
      return inner;
    }
    return new FilterWeight(this, inner) {
      @Override
      public Scorer scorer(LeafReaderContext leaf) throws IOException {
        Scorer scorer = in.scorer(leaf);
        if (scorer == null) {
          return null;
        }
        NumericDocValues ranks = DocValues.getNumeric(leaf.reader(), SearchDocuments.RANK);
        return new FilterScorer(scorer) {
          @Override
          public float score() throws IOException {
            return in.score() * rank(ranks, docID());
          }

          @Override
          public int advanceShallow(int target) throws IOException {
            return in.advanceShallow(target);
          }

          @Override
          public float getMaxScore(int upTo) throws IOException {
            return in.getMaxScore(upTo) * MAX_RANK;
          }

          @Override
          public void setMinCompetitiveScore(float minScore) throws IOException {
            in.setMinCompetitiveScore(minScore / MAX_RANK);
          }
        };
      }

      /**
       * The inner query's own bulk scorer, with each score multiplied as it is read: a disjunction
       * scored in bulk skips by its clauses' bounds (MaxScore), where one behind a scorer did not.
       */
      @Override
      public BulkScorer bulkScorer(LeafReaderContext leaf) throws IOException {
        BulkScorer bulk = in.bulkScorer(leaf);
        if (bulk == null) {
          return null;
        }
        NumericDocValues ranks = DocValues.getNumeric(leaf.reader(), SearchDocuments.RANK);
        return new BulkScorer() {
          @Override
          public int score(LeafCollector collector, Bits acceptDocs, int min, int max)
              throws IOException {
            return bulk.score(ranked(collector, ranks), acceptDocs, min, max);
          }

          @Override
          public long cost() {
            return bulk.cost();
          }
        };
      }

      @Override
      public Explanation explain(LeafReaderContext leaf, int doc) throws IOException {
        Explanation inner = in.explain(leaf, doc);
        if (!inner.isMatch()) {
          return inner;
        }
        float rank = rank(DocValues.getNumeric(leaf.reader(), SearchDocuments.RANK), doc);
        return Explanation.match(
            inner.getValue().floatValue() * rank,
            "product of:",
            inner,
            Explanation.match(rank, "rank"));
      }

      @Override
      public boolean isCacheable(LeafReaderContext leaf) {
        return in.isCacheable(leaf) && DocValues.isCacheable(leaf, SearchDocuments.RANK);
      }
    };
  }

  private static LeafCollector ranked(LeafCollector collector, NumericDocValues ranks) {
    return new FilterLeafCollector(collector) {
      @Override
      public void setScorer(Scorable scorer) throws IOException {
        in.setScorer(
            new FilterScorable(scorer) {
              @Override
              public float score() throws IOException {
                return in.score() * rank(ranks, in.docID());
              }

              @Override
              public int docID() {
                return in.docID();
              }

              @Override
              public void setMinCompetitiveScore(float minScore) throws IOException {
                in.setMinCompetitiveScore(minScore / MAX_RANK);
              }
            });
      }
    };
  }

  /** A document without a rank (none is indexed so) scores nothing. */
  private static float rank(NumericDocValues ranks, int doc) throws IOException {
    return ranks.advanceExact(doc) ? Float.intBitsToFloat((int) ranks.longValue()) : 0f;
  }

  @Override
  public String toString(String field) {
    return "ranked(" + in.toString(field) + ")";
  }

  @Override
  public boolean equals(Object other) {
    return sameClassAs(other) && in.equals(((RankedQuery) other).in);
  }

  @Override
  public int hashCode() {
    return 31 * classHash() + in.hashCode();
  }
}
