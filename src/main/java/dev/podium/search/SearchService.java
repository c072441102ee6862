package dev.podium.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.podium.common.ApiException;
import dev.podium.common.Cursor;
import dev.podium.common.Page;
import dev.podium.common.PageRequest;
import dev.podium.common.PodiumConfig;
import dev.podium.interview.InterviewApi;
import dev.podium.speaker.SpeakerApi;
import dev.podium.talk.Schedule;
import dev.podium.talk.TalkApi;
import dev.podium.topic.TopicApi;
import io.micrometer.core.annotation.Timed;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.text.BreakIterator;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.TopOrdAndIntQueue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState.OrdRange;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.util.BytesRef;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Searches the index: ranked hits with highlights and facets, suggestions, related talks. */
@ApplicationScoped
public class SearchService {

  public static final int MAX_QUERY = 500;
  private static final String LIST = "search";
  private static final int FACET_VALUES = 20;
  private static final Sort BY_SCORE =
      new Sort(SortField.FIELD_SCORE, new SortField(Fields.SORT_KEY, SortField.Type.LONG));
  private static final Sort SUGGESTED = Fields.BY_WEIGHT;

  /** Words that at least this many documents hold get no typo alternatives. */
  static final int TYPO_MAX_DOCS = 20;

  private final SearchIndex index;
  private final ObjectMapper mapper;
  private final Clock clock;
  private final long countedExactly;
  private final Turns turns;
  private final Analyzer english = Fields.english();
  private final Analyzer names = Fields.names();

  public SearchService(SearchIndex index, ObjectMapper mapper, Clock clock, PodiumConfig config) {
    this.index = index;
    this.mapper = mapper;
    this.clock = clock;
    this.countedExactly = config.search().countedExactly();
    int concurrency =
        config.search().concurrency().orElse(Runtime.getRuntime().availableProcessors() + 1);
    this.turns = new Turns(concurrency, config.search().maxWait());
  }

  /** What narrows a search; every part is optional. */
  public record Filters(
      List<String> types, String topic, String conference, Integer year, String speaker) {}

  /** One hit. */
  public record Hit(
      @Schema(
              example = "talk",
              enumeration = {"talk", "speaker", "interview", "topic"})
          String type,
      @Schema(example = "designing-services-resilience-testing-netflix") String slug,
      @Schema(example = "Designing Services for Resilience Testing at Netflix") String title,
      float score,
      @Schema(
              description =
                  "Per field, up to two fragments with the matched words in `<mark>`; the rest is"
                      + " HTML-escaped.")
          Map<String, List<String>> highlights,
      // The summary the list of its type gives; kept as JSON so that a hit is one stored read.
      @Schema(
              description = "The summary the list of this `type` gives.",
              type = SchemaType.OBJECT,
              implementation = Object.class,
              anyOf = {
                TalkApi.Summary.class,
                SpeakerApi.Summary.class,
                InterviewApi.Summary.class,
                TopicApi.Summary.class
              })
          JsonNode summary) {}

  /** A page of hits with the facet counts of the whole result. */
  public record Result(
      List<Hit> items,
      Map<String, Map<String, Integer>> facets,
      Page.Info page,
      // Whether the total and facets were counted on a sample (see Tally).
      boolean estimated) {}

  /** A completion. */
  public record Suggestion(
      @Schema(example = "Resiliency") String text,
      @Schema(
              example = "topic",
              enumeration = {"talk", "speaker", "topic"})
          String type,
      @Schema(example = "resiliency") String slug) {}

  @Timed(
      value = "podium.search",
      description = "Search requests answered from the index",
      histogram = true)
  @WithSpan("search")
  public Result search(String q, Filters filters, PageRequest page) {
    SearchQuery parsed = SearchQuery.parse(q);
    FieldDoc after = after(page.after(LIST, 2));
    return turns.run(() -> search(parsed, filters, page, after));
  }

  private Result search(SearchQuery parsed, Filters filters, PageRequest page, FieldDoc after) {
    return index.withSearcher(
        searcher -> {
          IndexReader reader = searcher.getIndexReader();
          ReaderState state = index.state(reader);
          Predicate<String> typos = word -> rare(state, searcher, word);
          UnaryOperator<Query> expand = typo -> state.typos(searcher, typo);
          // Rewritten once: typo alternatives are expanded here, then searched and highlighted.
          Query words =
              state.withTermStates(
                  searcher, searcher.rewrite(parsed.toQuery(english, names, typos, expand)));
          Query filter = filter(filters);
          Query rewritten = searcher.rewrite(new RankedQuery(filtered(words, filter)));
          // The page alone, scoring only hits that can still reach it; then the counts, of every
          // hit without scores, or of a sample for a big result.
          TopFieldCollectorManager first =
              new TopFieldCollectorManager(
                  BY_SCORE, page.limit() + 1, within(after, searcher), page.limit() + 1);
          Weight broad = filter == null ? null : broad(searcher, filter);
          TopDocs top =
              broad == null
                  ? searcher.search(rewritten, first)
                  : searcher.search(new RankedQuery(words), new Keeping(broad, first));
          Query matching = parsed.toMatchingQuery(english, names, typos, expand);
          Tally tally =
              Tally.count(
                  searcher,
                  state.withTermStates(searcher, searcher.rewrite(filtered(matching, filter))),
                  countedExactly);
          Map<String, Map<String, Integer>> facets = facets(state, tally);
          long total =
              facets.getOrDefault(Fields.TYPE, Map.of()).values().stream().mapToLong(i -> i).sum();
          List<ScoreDoc> docs =
              List.of(top.scoreDocs).subList(0, Math.min(top.scoreDocs.length, page.limit()));
          Stored stored = new Stored(state, searcher);
          Map<String, String[]> highlights =
              highlight(searcher, stored, parsed.toQuery(english, names, false), rewritten, docs);
          List<Hit> hits = new ArrayList<>();
          for (int i = 0; i < docs.size(); i++) {
            hits.add(
                hit(
                    stored.get(docs.get(i).doc),
                    (Float) ((FieldDoc) docs.get(i)).fields[0],
                    highlights,
                    i));
          }
          String next = null;
          if (top.scoreDocs.length > page.limit()) {
            FieldDoc last = (FieldDoc) docs.get(page.limit() - 1);
            next =
                Cursor.of(
                        LIST,
                        Integer.toHexString(Float.floatToIntBits((Float) last.fields[0])),
                        Long.toHexString((Long) last.fields[1]))
                    .encode();
          }
          return new Result(
              hits, facets, new Page.Info(page.limit(), next, total), tally.estimated());
        });
  }

  /**
   * Whether fewer than {@link #TYPO_MAX_DOCS} documents hold {@code word} as written. A word that
   * many documents hold is taken as typed: expanding it into its near misses was a quarter of the
   * cost of a search, and would only add documents that misspell it.
   */
  private static boolean rare(ReaderState state, IndexSearcher searcher, String word) {
    return state.term(searcher, new Term(Fields.WORDS, word)).docFreq() < TYPO_MAX_DOCS;
  }

  /**
   * The stored fields of the hits of one search, for the highlighter and the answer alike: kept per
   * reader, and read on a miss through one reader of stored fields for the whole search.
   */
  private static final class Stored {
    private final ReaderState state;
    private final IndexSearcher searcher;
    private StoredFields fields;

    Stored(ReaderState state, IndexSearcher searcher) {
      this.state = state;
      this.searcher = searcher;
    }

    Document get(int doc) throws IOException {
      if (fields == null) {
        fields = searcher.storedFields();
      }
      return state.document(fields, doc);
    }
  }

  private static FieldDoc after(Cursor cursor) {
    if (cursor == null) {
      return null;
    }
    try {
      float score = Float.intBitsToFloat(Integer.parseUnsignedInt(cursor.key(0), 16));
      long key = Long.parseUnsignedLong(cursor.key(1), 16);
      return new FieldDoc(0, score, new Object[] {score, key});
    } catch (NumberFormatException e) {
      throw ApiException.badParameter(
          "cursor", "is not a cursor of this list; use page.next as given");
    }
  }

  /**
   * The position after the last hit served, on this searcher. Its sort values (score, id) are
   * unique; the document number only decides for a hit with exactly those values, the last one
   * served, which must be skipped: the highest document number of the reader does that, and Lucene
   * refuses any number beyond it.
   */
  private static FieldDoc within(FieldDoc after, IndexSearcher searcher) {
    return after == null
        ? null
        : new FieldDoc(
            Math.max(1, searcher.getIndexReader().maxDoc()) - 1, after.score, after.fields);
  }

  /**
   * A filter that at least half of the documents match, as a weight that only matches; else null.
   * The page of such a filter is found among the hits of the text alone ({@link Keeping}).
   */
  private static Weight broad(IndexSearcher searcher, Query filter) throws IOException {
    Weight weight =
        searcher.createWeight(searcher.rewrite(filter), ScoreMode.COMPLETE_NO_SCORES, 1);
    long matching = 0;
    for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
      ScorerSupplier supplier = weight.scorerSupplier(leaf);
      matching += supplier == null ? 0 : supplier.cost();
    }
    return matching * 2 >= searcher.getIndexReader().maxDoc() ? weight : null;
  }

  private static Query filtered(Query text, Query filter) {
    return filter == null
        ? text
        : new BooleanQuery.Builder().add(text, Occur.MUST).add(filter, Occur.FILTER).build();
  }

  /** What {@code f} asks for, as clauses that all must match; null for no filter. */
  private static Query filter(Filters f) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    if (!f.types().isEmpty()) {
      BooleanQuery.Builder types = new BooleanQuery.Builder();
      f.types().forEach(t -> types.add(new TermQuery(new Term(Fields.TYPE, t)), Occur.SHOULD));
      b.add(types.build(), Occur.FILTER);
    }
    filter(b, Fields.TOPIC, f.topic());
    filter(b, Fields.CONFERENCE, f.conference());
    filter(b, Fields.YEAR, f.year() == null ? null : f.year().toString());
    filter(b, Fields.SPEAKER, f.speaker());
    BooleanQuery filter = b.build();
    return filter.clauses().isEmpty() ? null : filter;
  }

  private static void filter(BooleanQuery.Builder b, String field, String value) {
    if (value != null) {
      b.add(new TermQuery(new Term(field, value)), Occur.FILTER);
    }
  }

  /**
   * The {@link #FACET_VALUES} values of each facet that most hits hold, the most first (ties in the
   * order of the values), as Lucene's {@code SortedSetDocValuesFacetCounts} gives them; counted
   * from the ordinals held in memory ({@link FacetOrdinals}).
   */
  static Map<String, Map<String, Integer>> facets(ReaderState state, Tally tally)
      throws IOException {
    Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
    for (String dim : Fields.FACETS) {
      out.put(dim, new LinkedHashMap<>());
    }
    SortedSetDocValuesReaderState values;
    try {
      values = state.facets();
    } catch (IllegalArgumentException empty) {
      return out; // nothing indexed yet
    }
    int[] counts = state.count(tally.hits());
    SortedSetDocValues labels = values.getDocValues();
    for (String dim : Fields.FACETS) {
      OrdRange range = values.getOrdRange(dim);
      if (range == null) {
        continue; // no document has this dimension yet
      }
      TopOrdAndIntQueue top = new TopOrdAndIntQueue(FACET_VALUES);
      TopOrdAndIntQueue.OrdAndValue spare = new TopOrdAndIntQueue.OrdAndValue();
      for (int ord = range.start; ord <= range.end; ord++) {
        if (counts[ord] > 0 && (top.size() < FACET_VALUES || counts[ord] > top.top().value)) {
          spare.ord = ord;
          spare.value = counts[ord];
          spare = top.insertWithOverflow(spare);
          if (spare == null) {
            spare = new TopOrdAndIntQueue.OrdAndValue();
          }
        }
      }
      TopOrdAndIntQueue.OrdAndValue[] best = new TopOrdAndIntQueue.OrdAndValue[top.size()];
      for (int i = best.length - 1; i >= 0; i--) {
        best[i] = top.pop();
      }
      for (TopOrdAndIntQueue.OrdAndValue ov : best) {
        String[] path = FacetsConfig.stringToPath(labels.lookupOrd(ov.ord).utf8ToString());
        out.get(dim).put(path[1], tally.scale(ov.value));
      }
    }
    return out;
  }

  /**
   * Highlights of the exact matches; for hits that only matched with typos, of those. Each hit is
   * highlighted once: highlighting every hit with the exact query first, then again those it left
   * bare, was a second pass over every hit of a misspelled query.
   */
  private Map<String, String[]> highlight(
      IndexSearcher searcher, Stored stored, Query exact, Query withTypos, List<ScoreDoc> docs)
      throws IOException {
    int[] ids = docs.stream().mapToInt(d -> d.doc).toArray();
    UnifiedHighlighter highlighter = highlighter(searcher, stored);
    if (!hasTypos(withTypos)) {
      return highlighter.highlightFields(Fields.HIGHLIGHTED, exact, ids, passages());
    }
    boolean[] matchesExactly = matching(searcher, exact, ids);
    Map<String, String[]> marked = new HashMap<>();
    for (String field : Fields.HIGHLIGHTED) {
      marked.put(field, new String[ids.length]);
    }
    highlightInto(highlighter, exact, ids, matchesExactly, true, marked);
    highlightInto(highlighter, expanded(searcher, withTypos), ids, matchesExactly, false, marked);
    return marked;
  }

  /** Whether {@code rewritten} holds typo alternatives: only they search {@link Fields#WORDS}. */
  private static boolean hasTypos(Query rewritten) {
    Set<Term> terms = new HashSet<>();
    rewritten.visit(QueryVisitor.termCollector(terms));
    return terms.stream().anyMatch(t -> t.field().equals(Fields.WORDS));
  }

  /**
   * Which of the documents {@code query} matches. Asked as if scores were wanted, though none are
   * read: a query without scores goes through the searcher's query cache, which would note the
   * matches of the whole index to answer for twenty documents.
   */
  private static boolean[] matching(IndexSearcher searcher, Query query, int[] ids)
      throws IOException {
    Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE, 1f);
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    boolean[] matches = new boolean[ids.length];
    for (int i = 0; i < ids.length; i++) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(ids[i], leaves));
      matches[i] = matches(weight.scorer(leaf), ids[i] - leaf.docBase);
    }
    return matches;
  }

  private static boolean matches(Scorer scorer, int doc) throws IOException {
    if (scorer == null) {
      return false;
    }
    TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
    DocIdSetIterator approximation =
        twoPhase == null ? scorer.iterator() : twoPhase.approximation();
    return approximation.advance(doc) == doc && (twoPhase == null || twoPhase.matches());
  }

  /** Highlights with {@code query} the documents whose {@code matchesExactly} is {@code exact}. */
  private static void highlightInto(
      UnifiedHighlighter highlighter,
      Query query,
      int[] ids,
      boolean[] matchesExactly,
      boolean exact,
      Map<String, String[]> marked)
      throws IOException {
    int[] these = IntStream.range(0, ids.length).filter(i -> matchesExactly[i] == exact).toArray();
    if (these.length == 0) {
      return;
    }
    int[] subset = Arrays.stream(these).map(i -> ids[i]).toArray();
    Map<String, String[]> found =
        highlighter.highlightFields(Fields.HIGHLIGHTED, query, subset, passages());
    found.forEach(
        (field, perDoc) -> {
          for (int j = 0; j < these.length; j++) {
            marked.get(field)[these[j]] = perDoc[j];
          }
        });
  }

  /** Up to two fragments of each highlighted field. */
  private static int[] passages() {
    int[] passages = new int[Fields.HIGHLIGHTED.length];
    Arrays.fill(passages, 2);
    return passages;
  }

  private UnifiedHighlighter highlighter(IndexSearcher searcher, Stored stored) {
    return new UnifiedHighlighter(
        UnifiedHighlighter.builder(searcher, index.analyzer())
            .withHandleMultiTermQuery(true)
            .withHighlightPhrasesStrictly(false)
            .withWeightMatches(false)
            .withPassageRelevancyOverSpeed(false)
            // A field without a match shows nothing, so no passages are sought in it.
            .withMaxNoHighlightPassages(0)
            .withScorer(new PassageScores())
            .withFormatter(new Highlights())) {
      /**
       * Short fields are analyzed again, which costs less than finding each query term in the
       * postings of the whole index for each hit; long text uses the offsets in its postings.
       */
      @Override
      protected OffsetSource getOffsetSource(String field) {
        return field.equals(Fields.BODY) ? super.getOffsetSource(field) : OffsetSource.ANALYSIS;
      }

      /** Only long text is split into sentences; a short value is one passage. */
      @Override
      protected BreakIterator getBreakIterator(String field) {
        return field.equals(Fields.BODY) ? super.getBreakIterator(field) : new WholeBreakIterator();
      }

      @Override
      protected List<CharSequence[]> loadFieldValues(
          String[] fields, DocIdSetIterator docIds, int cacheCharsThreshold) throws IOException {
        List<CharSequence[]> values = new ArrayList<>();
        for (int doc = docIds.nextDoc();
            doc != DocIdSetIterator.NO_MORE_DOCS;
            doc = docIds.nextDoc()) {
          values.add(fieldValues(stored.get(doc), fields, getMaxLength(), MULTIVAL_SEP_CHAR));
        }
        return values;
      }
    };
  }

  /** A document's values of {@code fields} as the highlighter reads them: several joined. */
  private static CharSequence[] fieldValues(
      Document doc, String[] fields, int maxLength, char separator) {
    CharSequence[] values = new CharSequence[fields.length];
    for (int i = 0; i < fields.length; i++) {
      String[] all = doc.getValues(fields[i]);
      if (all.length > 0) {
        String joined = String.join(String.valueOf(separator), all);
        values[i] = joined.length() > maxLength ? joined.substring(0, maxLength) : joined;
      }
    }
    return values;
  }

  /**
   * The terms of the index that {@code query} matches, as one query of plain terms per field. Typo
   * alternatives are expanded here once per search: left to the highlighter, each one was expanded
   * again for every field of every hit, which took seconds for a page of 100. Typos match words as
   * written in a field of their own, which is not highlighted; the words they found are mapped back
   * to the fields that are.
   */
  private Query expanded(IndexSearcher searcher, Query query) throws IOException {
    Set<Term> terms = new HashSet<>();
    searcher.rewrite(query).visit(QueryVisitor.termCollector(terms));
    Map<String, Set<BytesRef>> byField = new HashMap<>();
    for (Term term : terms) {
      if (term.field().equals(Fields.WORDS)) {
        // A word that a typo stands for is marked where the highlighted fields hold it: as its
        // stem in the text, as itself in names.
        add(byField, Fields.NAMES, term.text());
        for (String stem : SearchQuery.analyze(english, term.text())) {
          for (String field : Fields.SEARCHED.keySet()) {
            if (!field.equals(Fields.NAMES)) {
              add(byField, field, stem);
            }
          }
        }
      } else {
        byField.computeIfAbsent(term.field(), f -> new HashSet<>()).add(term.bytes());
      }
    }
    BooleanQuery.Builder expanded = new BooleanQuery.Builder();
    byField.forEach(
        (field, values) -> expanded.add(new TermInSetQuery(field, values), Occur.SHOULD));
    return expanded.build();
  }

  private static void add(Map<String, Set<BytesRef>> byField, String field, String term) {
    byField.computeIfAbsent(field, f -> new HashSet<>()).add(new BytesRef(term));
  }

  private Hit hit(Document doc, float score, Map<String, String[]> highlights, int i)
      throws IOException {
    Map<String, List<String>> marked = new LinkedHashMap<>();
    for (String field : Fields.HIGHLIGHTED) {
      String[] perDoc = highlights.get(field);
      List<String> fragments = perDoc == null ? List.of() : Highlights.split(perDoc[i]);
      if (!fragments.isEmpty()) {
        marked.put(field, fragments);
      }
    }
    String type = doc.get(Fields.TYPE);
    return new Hit(
        type, doc.get(Fields.SLUG), doc.get(Fields.DISPLAY), score, marked, summary(doc, type));
  }

  /** The stored summary; a talk's status is derived again, as time has passed since indexing. */
  private JsonNode summary(Document doc, String type) throws IOException {
    JsonNode summary = mapper.readTree(doc.get(Fields.SUMMARY));
    if ("talk".equals(type) && summary instanceof ObjectNode talk) {
      Instant startsAt =
          talk.hasNonNull("startsAt") ? Instant.parse(talk.get("startsAt").asText()) : null;
      JsonNode conferenceStart = talk.path("conference").path("startDate");
      LocalDate start =
          conferenceStart.isTextual() ? LocalDate.parse(conferenceStart.asText()) : null;
      talk.put("status", Schedule.of(startsAt, start, clock.instant()).name());
    }
    return summary;
  }

  /**
   * Completions of what the user is typing, over talk titles, speaker names and topic names (only
   * those carry completion fields): every finished word must match and the last one may be the
   * beginning of a word. Texts that start with what was typed come first, then the others; within
   * each, topics, speakers and talks, the busier (talks: the newer) first. Matching is by terms
   * alone, without scores: the word being typed is one term of word beginnings.
   */
  @Timed(value = "podium.search.suggest", description = "Completions", histogram = true)
  @WithSpan("suggest")
  public List<Suggestion> suggest(String q, int limit) {
    List<String> words = SearchQuery.analyze(names, q == null ? "" : q);
    if (words.isEmpty()) {
      return List.of();
    }
    boolean lastComplete = Character.isWhitespace(q.charAt(q.length() - 1));
    BooleanQuery.Builder all = new BooleanQuery.Builder();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      all.add(
          i < words.size() - 1 || lastComplete
              ? new TermQuery(new Term(Fields.SUGGEST, word))
              : beginning(word),
          Occur.FILTER);
    }
    Query matching = all.build();
    Query start =
        new PrefixQuery(new Term(Fields.SUGGEST_START, q.strip().toLowerCase(Locale.ROOT)));
    return index.withSearcher(
        searcher -> {
          List<Suggestion> out = new ArrayList<>();
          completions(searcher, both(matching, start, Occur.FILTER), limit, out);
          if (out.size() < limit) {
            completions(searcher, both(matching, start, Occur.MUST_NOT), limit - out.size(), out);
          }
          return out;
        });
  }

  /** Words that begin with {@code word}: one term, unless it is longer than the kept prefixes. */
  private static Query beginning(String word) {
    return word.length() <= Fields.SUGGEST_PREFIX_MAX
        ? new TermQuery(new Term(Fields.SUGGEST_PREFIX, word))
        : new PrefixQuery(new Term(Fields.SUGGEST, word));
  }

  private static Query both(Query matching, Query start, Occur startOccur) {
    return new BooleanQuery.Builder().add(matching, Occur.FILTER).add(start, startOccur).build();
  }

  private void completions(IndexSearcher searcher, Query query, int limit, List<Suggestion> out)
      throws IOException {
    TopDocs top =
        searcher.search(query, new TopFieldCollectorManager(SUGGESTED, limit, null, limit));
    Stored stored = new Stored(index.state(searcher.getIndexReader()), searcher);
    for (ScoreDoc sd : top.scoreDocs) {
      Document doc = stored.get(sd.doc);
      out.add(new Suggestion(doc.get(Fields.DISPLAY), doc.get(Fields.TYPE), doc.get(Fields.SLUG)));
    }
  }

  /** Talks most like this one by their text, topics and speakers; never the talk itself. */
  public List<JsonNode> related(String slug, int limit) {
    Term self = SearchDocuments.id("talk", slug);
    return index.withSearcher(
        searcher -> {
          TopDocs found = searcher.search(new TermQuery(self), 1);
          if (found.scoreDocs.length == 0) {
            throw ApiException.notFound("talk", slug);
          }
          int docId = found.scoreDocs[0].doc;
          MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
          mlt.setAnalyzer(index.analyzer());
          mlt.setFieldNames(new String[] {Fields.TITLE, Fields.BODY, Fields.TOPICS, Fields.NAMES});
          mlt.setMinTermFreq(1);
          mlt.setMinDocFreq(1);
          mlt.setMaxQueryTerms(30);
          BooleanQuery.Builder b = new BooleanQuery.Builder().add(mlt.like(docId), Occur.SHOULD);
          JsonNode summary =
              mapper.readTree(searcher.storedFields().document(docId).get(Fields.SUMMARY));
          summary
              .path("topics")
              .forEach(t -> b.add(boost(Fields.TOPIC, t.path("slug").asText(), 2f), Occur.SHOULD));
          summary
              .path("speakers")
              .forEach(
                  s -> b.add(boost(Fields.SPEAKER, s.path("slug").asText(), 1.5f), Occur.SHOULD));
          b.add(new TermQuery(new Term(Fields.TYPE, "talk")), Occur.FILTER);
          b.add(new TermQuery(self), Occur.MUST_NOT);
          b.setMinimumNumberShouldMatch(1);
          List<JsonNode> out = new ArrayList<>();
          for (ScoreDoc sd : searcher.search(b.build(), limit, BY_SCORE, true).scoreDocs) {
            Document doc = searcher.storedFields().document(sd.doc);
            out.add(summary(doc, "talk"));
          }
          return out;
        });
  }

  private static Query boost(String field, String value, float boost) {
    return new BoostQuery(new TermQuery(new Term(field, value)), boost);
  }
}
