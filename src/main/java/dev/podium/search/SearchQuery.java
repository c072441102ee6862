package dev.podium.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * What a user typed, read the way a search box should: words, "quoted phrases", -excluded words and
 * -"excluded phrases". Nothing else is syntax, so no input is an error: characters such as {@code :
 * ( ) * ~ ^ [ ] { } \ / + ! ?} are just text that analysis drops.
 */
public record SearchQuery(List<String> words, List<String> phrases, List<String> excluded) {

  /** Words this long still match with up to two typos. */
  static final int FUZZY_MIN_LENGTH = 5;

  /**
   * Only this many distinct words, phrases and exclusions of a query count. More add little, and so
   * any query stays within Lucene's limit of 1024 clauses: a word costs up to 60 (five fields, the
   * same again for the all-words bonus, up to 50 typo expansions), a phrase or an exclusion 5.
   */
  static final int MAX_WORDS = 12;

  static final int MAX_PHRASES = 8;
  static final int MAX_EXCLUDED = 16;

  private static final int FUZZY_EXPANSIONS = 50;
  private static final float FUZZY_WEIGHT = 0.3f;
  private static final float ALL_WORDS_BONUS = 2f;
  private static final float NAME_PHRASE_BONUS = 3f;

  public SearchQuery {
    words = List.copyOf(words);
    phrases = List.copyOf(phrases);
    excluded = List.copyOf(excluded);
  }

  public static SearchQuery parse(String text) {
    List<String> words = new ArrayList<>();
    List<String> phrases = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    if (text == null) {
      return new SearchQuery(words, phrases, excluded);
    }
    StringBuilder current = new StringBuilder();
    boolean inPhrase = false;
    boolean excludedPhrase = false;
    for (int i = 0; i <= text.length(); i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      boolean end = i == text.length();
      if (c == '"' || (end && inPhrase)) {
        if (inPhrase) {
          addIfText(excludedPhrase ? excluded : phrases, current.toString());
          excludedPhrase = false;
        } else if (current.toString().equals("-")) {
          // -"a phrase" excludes the phrase, as -word excludes the word.
          excludedPhrase = true;
        } else {
          addWord(words, excluded, current.toString());
        }
        current.setLength(0);
        inPhrase = !inPhrase && !end;
      } else if (!inPhrase && Character.isWhitespace(c)) {
        addWord(words, excluded, current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    return new SearchQuery(words, phrases, excluded);
  }

  private static void addWord(List<String> words, List<String> excluded, String token) {
    if (token.length() > 1 && token.charAt(0) == '-') {
      addIfText(excluded, token.substring(1));
    } else {
      addIfText(words, token);
    }
  }

  private static void addIfText(List<String> list, String token) {
    if (token.codePoints().anyMatch(Character::isLetterOrDigit)) {
      list.add(token.strip());
    }
  }

  public boolean isEmpty() {
    return words.isEmpty() && phrases.isEmpty();
  }

  /**
   * The Lucene query: each word may match any text field (boosted by field) and scores by the best
   * of them (so Lucene can skip documents whose best cannot reach the page), exactly or, for long
   * words, with typos (compared with the words of the text as written) at a lower weight; documents
   * with all words (stop words aside) score above those with some; phrases must match; excluded
   * words must not; a run of words that is a name in order scores extra, so a speaker's full name
   * brings their talks first.
   */
  public Query toQuery(Analyzer english, Analyzer names) {
    return toQuery(english, names, word -> true);
  }

  /**
   * @param typos whether long words also match with typos; highlights first try without, so a
   *     fragment marks what was typed rather than every near miss
   */
  public Query toQuery(Analyzer english, Analyzer names, boolean typos) {
    return toQuery(english, names, word -> typos);
  }

  /**
   * @param typos which long words (as written, lower case) may also match with typos: the search
   *     asks for typos of words that few documents hold, as a word found in many is taken as typed
   */
  public Query toQuery(Analyzer english, Analyzer names, Predicate<String> typos) {
    return toQuery(english, names, typos, UnaryOperator.identity());
  }

  /**
   * @param expand what becomes of the query of a word's near misses: the search hands back the
   *     terms it finds in the index, which it keeps while the index is unchanged
   */
  public Query toQuery(
      Analyzer english, Analyzer names, Predicate<String> typos, UnaryOperator<Query> expand) {
    return build(english, names, typos, expand, true);
  }

  /**
   * The same hits as {@link #toQuery(Analyzer, Analyzer, Predicate, UnaryOperator)}, without the
   * clauses that only raise scores (the all-words and name bonuses match no document that a word
   * does not): what a search counts its hits and facets with.
   */
  public Query toMatchingQuery(
      Analyzer english, Analyzer names, Predicate<String> typos, UnaryOperator<Query> expand) {
    return build(english, names, typos, expand, false);
  }

  private Query build(
      Analyzer english,
      Analyzer names,
      Predicate<String> typos,
      UnaryOperator<Query> expand,
      boolean bonuses) {
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    List<String> counted =
        words.stream().map(w -> w.toLowerCase(Locale.ROOT)).distinct().limit(MAX_WORDS).toList();
    int matched = 0;
    List<Query> exactGroups = new ArrayList<>();
    for (String word : counted) {
      List<Query> exact = exact(word, english, names);
      if (exact.isEmpty()) {
        continue;
      }
      matched++;
      List<Query> alternatives = new ArrayList<>(exact);
      Query typo = typo(word, english, names, typos, expand);
      if (typo != null) {
        alternatives.add(typo);
      }
      query.add(new DisjunctionMaxQuery(alternatives, 0f), Occur.SHOULD);
      if (!analyze(english, word).isEmpty()) {
        // A stop word ("with", "and") is only looked for in names: requiring it would deny the
        // bonus to nearly every document.
        exactGroups.add(new DisjunctionMaxQuery(exact, 0f));
      }
    }
    if (bonuses && exactGroups.size() > 1) {
      // The bonus goes to documents with every word as typed; typos only add to the score.
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      exactGroups.forEach(g -> all.add(g, Occur.MUST));
      query.add(new BoostQuery(all.build(), ALL_WORDS_BONUS), Occur.SHOULD);
    }
    if (bonuses && matched > 1) {
      Query namePhrase = phrase(Fields.NAMES, analyze(names, String.join(" ", counted)), 1);
      if (namePhrase != null) {
        query.add(new BoostQuery(namePhrase, NAME_PHRASE_BONUS), Occur.SHOULD);
      }
    }
    boolean required = false;
    for (String phrase : phrases.stream().distinct().limit(MAX_PHRASES).toList()) {
      List<Query> alternatives = new ArrayList<>();
      for (Map.Entry<String, Float> field : Fields.SEARCHED.entrySet()) {
        Analyzer analyzer = field.getKey().equals(Fields.NAMES) ? names : english;
        Query q = phrase(field.getKey(), analyze(analyzer, phrase), 0);
        if (q != null) {
          alternatives.add(new BoostQuery(q, field.getValue()));
        }
      }
      if (!alternatives.isEmpty()) {
        query.add(new DisjunctionMaxQuery(alternatives, 0f), Occur.MUST);
        required = true;
      }
    }
    for (String text : excluded.stream().distinct().limit(MAX_EXCLUDED).toList()) {
      // Several tokens (an excluded phrase, or a word such as "e-mail") are excluded together.
      for (String field : Fields.SEARCHED.keySet()) {
        Analyzer analyzer = field.equals(Fields.NAMES) ? names : english;
        Query q = phrase(field, analyze(analyzer, text), 0);
        if (q != null) {
          query.add(q, Occur.MUST_NOT);
        }
      }
    }
    if (matched == 0 && !required) {
      query.add(new MatchAllDocsQuery(), Occur.MUST);
    }
    return query.build();
  }

  /** A word in each searched field, boosted by field: as a term, or a phrase if it has several. */
  private static List<Query> exact(String word, Analyzer english, Analyzer names) {
    List<Query> alternatives = new ArrayList<>();
    List<String> stems = analyze(english, word);
    List<String> plain = analyze(names, word);
    for (Map.Entry<String, Float> field : Fields.SEARCHED.entrySet()) {
      List<String> tokens = field.getKey().equals(Fields.NAMES) ? plain : stems;
      Query exact = phrase(field.getKey(), tokens, 0);
      if (exact != null) {
        alternatives.add(new BoostQuery(exact, field.getValue()));
      }
    }
    return alternatives;
  }

  /**
   * A long word as typed, within two edits of a word of the text as written, at a lower weight;
   * null for short words and stop words ("there" is not a typo of "these").
   */
  private static Query typo(
      String word,
      Analyzer english,
      Analyzer names,
      Predicate<String> typos,
      UnaryOperator<Query> expand) {
    List<String> plain = analyze(names, word);
    long letters = word.codePoints().filter(Character::isLetter).count();
    if (plain.size() != 1
        || letters < FUZZY_MIN_LENGTH
        || analyze(english, word).isEmpty()
        || !typos.test(plain.get(0))) {
      return null;
    }
    return new BoostQuery(
        expand.apply(
            new FuzzyQuery(new Term(Fields.WORDS, plain.get(0)), 2, 1, FUZZY_EXPANSIONS, true)),
        FUZZY_WEIGHT);
  }

  private static Query phrase(String field, List<String> tokens, int slop) {
    if (tokens.isEmpty()) {
      return null;
    }
    if (tokens.size() == 1) {
      return new TermQuery(new Term(field, tokens.get(0)));
    }
    PhraseQuery.Builder phrase = new PhraseQuery.Builder().setSlop(slop);
    tokens.forEach(t -> phrase.add(new Term(field, t)));
    return phrase.build();
  }

  /** The tokens {@code analyzer} makes of {@code text}. */
  static List<String> analyze(Analyzer analyzer, String text) {
    List<String> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tokens;
  }
}
