package dev.podium.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.podium.interview.Interview;
import dev.podium.interview.InterviewApi;
import dev.podium.speaker.Speaker;
import dev.podium.speaker.SpeakerApi;
import dev.podium.talk.Talk;
import dev.podium.talk.TalkApi;
import dev.podium.topic.Topic;
import dev.podium.topic.TopicApi;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.FloatDocValuesField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

/**
 * Turns content into index documents. Each document carries the summary the lists serve, so a hit
 * is answered from the index alone, and the names of what it shows (speakers, topics, conference),
 * so a change to those re-indexes it.
 */
@ApplicationScoped
public class SearchDocuments {

  /** Talks rank first; a speaker's or topic's own document is a little below their talks. */
  static final String RANK = "rank";

  /** Suggestions prefer topics, then speakers, then talks; within a kind, the busier first. */
  static final long TOPIC_WEIGHT = 1_000_000;

  static final long SPEAKER_WEIGHT = 1_000;

  /** {@link Fields#SORT_KEY} of the document with this id: 64 bits of its name-based UUID. */
  static long sortKey(String id) {
    return UUID.nameUUIDFromBytes(id.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
  }

  /**
   * Among talks, the newer first: months since 1990, below {@link #SPEAKER_WEIGHT} for centuries to
   * come; a talk without a date comes last.
   */
  static long talkWeight(LocalDate day) {
    return day == null
        ? 0
        : Math.max(
            1, Math.min(SPEAKER_WEIGHT - 1, (day.getYear() - 1990) * 12L + day.getMonthValue()));
  }

  /** Stored, with offsets in the postings, so highlighting does not analyze the text again. */
  private static final FieldType HIGHLIGHTED = new FieldType(TextField.TYPE_STORED);

  static {
    HIGHLIGHTED.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    HIGHLIGHTED.freeze();
  }

  /** Typos are matched by term alone: no positions, nothing stored. */
  private static final FieldType WORDS = new FieldType();

  static {
    WORDS.setTokenized(true);
    WORDS.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
    WORDS.freeze();
  }

  private final ObjectMapper mapper;
  private final FacetsConfig facets = Fields.facets();

  public SearchDocuments(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public static Term id(String type, String slug) {
    return new Term(Fields.ID, type + ":" + slug);
  }

  /** A topic's slug and those of all its ancestors: a filter on a topic finds its sub-topics. */
  static Set<String> withAncestors(Collection<Topic> topics) {
    Set<String> slugs = new LinkedHashSet<>();
    for (Topic topic : topics) {
      for (Topic t = topic; t != null && slugs.add(t.slug); t = t.parent) {
        // walk up once
      }
    }
    return slugs;
  }

  public Document talk(Talk t, Instant now) {
    LocalDate day =
        t.startsAt != null
            ? LocalDate.ofInstant(t.startsAt, ZoneOffset.UTC)
            : t.conference == null ? null : t.conference.startDate;
    Document doc = base("talk", t.slug, t.title, 1f, talkWeight(day), TalkApi.Summary.of(t, now));
    text(doc, Fields.TITLE, t.title);
    text(doc, Fields.BODY, t.summary);
    t.learningOutcomes.forEach(o -> text(doc, Fields.BODY, o));
    t.speakers.forEach(s -> text(doc, Fields.NAMES, s.name));
    t.topics.forEach(topic -> text(doc, Fields.TOPICS, topic.name));
    t.speakers.forEach(s -> text(doc, Fields.CONTEXT, s.company));
    t.personas.forEach(p -> text(doc, Fields.CONTEXT, p));
    if (t.conference != null) {
      text(doc, Fields.CONTEXT, t.conference.name);
      text(doc, Fields.CONTEXT, t.conference.series);
      keyword(doc, Fields.CONFERENCE, t.conference.slug, true);
    }
    if (t.track != null) {
      text(doc, Fields.CONTEXT, t.track.name);
    }
    t.speakers.forEach(s -> keyword(doc, Fields.SPEAKER, s.slug, false));
    topics(doc, t.topics);
    if (day != null) {
      keyword(doc, Fields.YEAR, Integer.toString(day.getYear()), true);
    }
    suggest(doc, t.title);
    return facets(doc);
  }

  public Document speaker(Speaker s, long talks) {
    Document doc =
        base("speaker", s.slug, s.name, 0.8f, SPEAKER_WEIGHT + talks, SpeakerApi.Summary.of(s));
    text(doc, Fields.NAMES, s.name);
    text(doc, Fields.BODY, s.headline);
    text(doc, Fields.BODY, s.bio);
    text(doc, Fields.CONTEXT, s.company);
    keyword(doc, Fields.SPEAKER, s.slug, false);
    suggest(doc, s.name);
    return facets(doc);
  }

  public Document interview(Interview i) {
    Document doc = base("interview", i.slug, i.title, 0.9f, 1, InterviewApi.Summary.of(i));
    text(doc, Fields.TITLE, i.title);
    text(doc, Fields.BODY, i.intro);
    i.qa.forEach(
        qa -> {
          text(doc, Fields.BODY, qa.question);
          text(doc, Fields.BODY, qa.answer);
        });
    text(doc, Fields.NAMES, i.speaker.name);
    text(doc, Fields.CONTEXT, i.speaker.company);
    i.topics.forEach(topic -> text(doc, Fields.TOPICS, topic.name));
    keyword(doc, Fields.SPEAKER, i.speaker.slug, false);
    topics(doc, i.topics);
    if (i.talk != null && i.talk.conference != null) {
      keyword(doc, Fields.CONFERENCE, i.talk.conference.slug, true);
    }
    if (i.publishedOn != null) {
      keyword(doc, Fields.YEAR, Integer.toString(i.publishedOn.getYear()), true);
    }
    return facets(doc);
  }

  public Document topic(Topic t, long talks) {
    Document doc =
        base("topic", t.slug, t.name, 0.9f, TOPIC_WEIGHT + talks, TopicApi.Summary.of(t));
    text(doc, Fields.TOPICS, t.name);
    text(doc, Fields.BODY, t.description);
    for (String slug : withAncestors(Set.of(t))) {
      keyword(doc, Fields.TOPIC, slug, false);
    }
    doc.add(new SortedSetDocValuesFacetField(Fields.TOPIC, t.slug));
    suggest(doc, t.name);
    return facets(doc);
  }

  private Document base(
      String type, String slug, String display, float rank, long weight, Object summary) {
    Document doc = new Document();
    String id = type + ":" + slug;
    doc.add(new StringField(Fields.ID, id, Store.NO));
    doc.add(new SortedDocValuesField(Fields.SORT_ID, new BytesRef(id)));
    doc.add(new NumericDocValuesField(Fields.SORT_KEY, sortKey(id)));
    doc.add(new StringField(Fields.TYPE, type, Store.YES));
    doc.add(new SortedSetDocValuesFacetField(Fields.TYPE, type));
    doc.add(new StoredField(Fields.SLUG, slug));
    doc.add(new StoredField(Fields.DISPLAY, display));
    doc.add(new FloatDocValuesField(RANK, rank));
    doc.add(new NumericDocValuesField(Fields.WEIGHT, weight));
    try {
      doc.add(new StoredField(Fields.SUMMARY, mapper.writeValueAsString(summary)));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    return doc;
  }

  private static void topics(Document doc, Collection<Topic> topics) {
    for (String slug : withAncestors(topics)) {
      keyword(doc, Fields.TOPIC, slug, false);
    }
    topics.forEach(t -> doc.add(new SortedSetDocValuesFacetField(Fields.TOPIC, t.slug)));
  }

  private static void text(Document doc, String field, String value) {
    if (value != null && !value.isBlank()) {
      doc.add(new Field(field, value, HIGHLIGHTED));
      doc.add(new Field(Fields.WORDS, value, WORDS));
    }
  }

  private static void keyword(Document doc, String field, String value, boolean facet) {
    if (value != null) {
      doc.add(new StringField(field, value, Store.NO));
      if (facet) {
        doc.add(new SortedSetDocValuesFacetField(field, value));
      }
    }
  }

  private static void suggest(Document doc, String text) {
    doc.add(new TextField(Fields.SUGGEST, text, Store.NO));
    doc.add(new Field(Fields.SUGGEST_PREFIX, text, WORDS));
    doc.add(new StringField(Fields.SUGGEST_START, text.toLowerCase(Locale.ROOT), Store.NO));
  }

  private Document facets(Document doc) {
    try {
      return facets.build(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
