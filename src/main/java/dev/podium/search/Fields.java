package dev.podium.search;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.ngram.EdgeNGramTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

/**
 * The fields of the index and how each is analyzed, in one place. Text is English (folded to ASCII,
 * stop words out, stemmed); names, and the copy of all text that typos are matched against, are
 * folded but not stemmed, so "Jones" stays "jones"; filter, facet and sort fields are keywords and
 * doc values.
 */
public final class Fields {

  private Fields() {}

  /** Bump when documents or analysis change: an index of another version is rebuilt. */
  public static final String SCHEMA = "7";

  // Keyword fields: identity, filters.
  public static final String ID = "id";
  public static final String TYPE = "type";
  public static final String SLUG = "slug";
  public static final String TOPIC = "topic";
  public static final String CONFERENCE = "conference";
  public static final String YEAR = "year";
  public static final String SPEAKER = "speaker";

  // Text fields, searched and highlighted.
  public static final String TITLE = "title";
  public static final String TOPICS = "topics";
  public static final String NAMES = "names";
  public static final String BODY = "body";
  public static final String CONTEXT = "context";

  /**
   * All searched text as written (folded, not stemmed), for typos: a typo often changes a word's
   * stem ("reslience" stems to "reslienc", "resilience" to "resili"), so typos are compared with
   * the words of the text rather than with its stems. Indexed without positions, never stored.
   */
  public static final String WORDS = "words";

  // Completion, sorting, stored answer.
  public static final String SUGGEST = "suggest";
  public static final String SUGGEST_START = "suggest_start";

  /** The beginnings of every word of a completion, so the word being typed is one term. */
  public static final String SUGGEST_PREFIX = "suggest_prefix";

  /** The longest word beginning kept in {@link #SUGGEST_PREFIX}; longer ones are expanded. */
  public static final int SUGGEST_PREFIX_MAX = 24;

  public static final String WEIGHT = "weight";
  public static final String SORT_ID = "sort_id";

  /**
   * A number drawn from the id, unique in practice: what orders hits of equal score. Comparing it
   * is a read of a number, where comparing ids looked each one up in the terms dictionary for every
   * competitive hit, a twelfth of the cost of a search.
   */
  public static final String SORT_KEY = "sort_key";

  public static final String SUMMARY = "summary";
  public static final String DISPLAY = "display";

  /** The order of completions: the weightiest first. */
  public static final Sort BY_WEIGHT =
      new Sort(
          new SortField(WEIGHT, SortField.Type.LONG, true),
          new SortField(SORT_ID, SortField.Type.STRING));

  /**
   * The order of the index: by {@link #SORT_KEY}, a hash of the id, so that the first documents of
   * a segment are a random sample of it, which is what big searches count (see {@link Tally}).
   */
  public static final Sort INDEX_SORT = new Sort(new SortField(SORT_KEY, SortField.Type.LONG));

  /** Facet dimensions, counted from sorted-set doc values (no taxonomy index). */
  public static final String[] FACETS = {TYPE, TOPIC, YEAR, CONFERENCE};

  /** Text fields with their boosts: titles and topic names weigh most. */
  public static final Map<String, Float> SEARCHED =
      Map.of(TITLE, 4f, TOPICS, 3f, NAMES, 3f, BODY, 1f, CONTEXT, 1.2f);

  /**
   * Fields whose matches are shown as highlights: every searched field, so that each hit shows why
   * it was found, be it only by a company, conference, track or audience.
   */
  public static final String[] HIGHLIGHTED = {TITLE, BODY, NAMES, TOPICS, CONTEXT};

  private static final CharArraySet STOP_WORDS = EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;

  /**
   * English text: standard tokens, possessives off, lowercase, ASCII folding, stop words, Porter
   * stems.
   */
  public static Analyzer english() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream s = new EnglishPossessiveFilter(source);
        s = new LowerCaseFilter(s);
        s = new ASCIIFoldingFilter(s);
        s = new StopFilter(s, STOP_WORDS);
        s = new PorterStemFilter(s);
        return new TokenStreamComponents(source, s);
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }

  /**
   * Names and completions: standard tokens, lowercase, ASCII folding, nothing removed or stemmed.
   */
  public static Analyzer names() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream s = new ASCIIFoldingFilter(new LowerCaseFilter(source));
        return new TokenStreamComponents(source, s);
      }

      @Override
      protected TokenStream normalize(String field, TokenStream in) {
        return new ASCIIFoldingFilter(new LowerCaseFilter(in));
      }
    };
  }

  /** Word beginnings for completion: the names analysis, then every prefix of each word. */
  public static Analyzer prefixes() {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        StandardTokenizer source = new StandardTokenizer();
        TokenStream s = new ASCIIFoldingFilter(new LowerCaseFilter(source));
        s = new EdgeNGramTokenFilter(s, 1, SUGGEST_PREFIX_MAX, true);
        return new TokenStreamComponents(source, s);
      }
    };
  }

  /** The analyzer of every field, for writing and for highlighting. */
  public static Analyzer perField() {
    Analyzer names = names();
    return new PerFieldAnalyzerWrapper(
        english(), Map.of(NAMES, names, SUGGEST, names, WORDS, names, SUGGEST_PREFIX, prefixes()));
  }

  public static FacetsConfig facets() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(TOPIC, true);
    return config;
  }
}
