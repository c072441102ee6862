package dev.podium.search;

import static dev.podium.search.TestIndex.JSON;
import static dev.podium.search.TestIndex.NOW;
import static dev.podium.search.TestIndex.speaker;
import static dev.podium.search.TestIndex.topic;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.podium.conference.Conference;
import dev.podium.conference.Track;
import dev.podium.interview.Interview;
import dev.podium.interview.InterviewApi;
import dev.podium.speaker.Speaker;
import dev.podium.speaker.SpeakerApi;
import dev.podium.talk.Talk;
import dev.podium.talk.TalkApi;
import dev.podium.topic.Topic;
import dev.podium.topic.TopicApi;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SearchDocumentsTest {

  private final SearchDocuments documents = new SearchDocuments(JSON);
  private Topic resiliency;
  private Topic chaos;
  private Topic microservices;
  private Speaker nora;
  private Conference qcon;
  private Talk talk;

  @BeforeEach
  void content() {
    resiliency = topic("resiliency", "Resiliency", null);
    chaos = topic("chaos-engineering", "Chaos Engineering", resiliency);
    microservices = topic("microservices", "Microservices", null);
    nora = speaker("nora-jones", "Nora Jones");
    nora.company = "Netflix";
    nora.headline = "Senior Chaos Engineer";
    nora.bio = "Probes distributed systems for weaknesses.";
    qcon = new Conference();
    qcon.slug = "qcon-sf-2017";
    qcon.name = "QCon San Francisco 2017";
    qcon.series = "QCon";
    qcon.startDate = LocalDate.of(2017, 11, 13);
    Track track = new Track();
    track.conference = qcon;
    track.slug = "devops";
    track.name = "DevOps: You Build It, You Run It";
    talk = new Talk();
    talk.slug = "designing-services-resilience-testing-netflix";
    talk.title = "Designing Services for Resilience Testing @Netflix";
    talk.summary = "Microservices are usually designed for availability.";
    talk.learningOutcomes = List.of("Circuit breakers around remote calls.");
    talk.personas = List.of("Architect");
    talk.conference = qcon;
    talk.track = track;
    talk.speakers.add(nora);
    talk.topics.addAll(List.of(chaos, microservices));
    talk.type = "talk";
    talk.startsAt = Instant.parse("2017-11-13T18:35:00Z");
  }

  @Test
  void aTalkIsFoundByItsIdTerm() {
    assertThat(SearchDocuments.id("talk", "x")).isEqualTo(new Term(Fields.ID, "talk:x"));
    Document doc = documents.talk(talk, NOW);
    assertThat(values(doc, Fields.ID))
        .containsExactly("talk:designing-services-resilience-testing-netflix");
    assertThat(doc.get(Fields.TYPE)).isEqualTo("talk");
    assertThat(doc.get(Fields.SLUG)).isEqualTo(talk.slug);
    assertThat(doc.get(Fields.DISPLAY)).isEqualTo(talk.title);
  }

  @Test
  void aTalkCarriesItsTopicsWithTheirAncestorsSpeakersConferenceAndYear() {
    Document doc = documents.talk(talk, NOW);
    assertThat(values(doc, Fields.TOPIC))
        .containsExactlyInAnyOrder("chaos-engineering", "resiliency", "microservices");
    assertThat(values(doc, Fields.SPEAKER)).containsExactly("nora-jones");
    assertThat(values(doc, Fields.CONFERENCE)).containsExactly("qcon-sf-2017");
    assertThat(values(doc, Fields.YEAR)).containsExactly("2017");
  }

  @Test
  void aTalkWithoutAStartTimeTakesTheYearOfItsConference() {
    talk.startsAt = null;
    qcon.startDate = LocalDate.of(2018, 1, 2);
    assertThat(values(documents.talk(talk, NOW), Fields.YEAR)).containsExactly("2018");
    talk.conference = null;
    talk.track = null;
    Document doc = documents.talk(talk, NOW);
    assertThat(values(doc, Fields.YEAR)).isEmpty();
    assertThat(values(doc, Fields.CONFERENCE)).isEmpty();
  }

  @Test
  void aTalkIsSearchedByTitleTextNamesTopicsAndContext() {
    Document doc = documents.talk(talk, NOW);
    assertThat(values(doc, Fields.TITLE)).containsExactly(talk.title);
    assertThat(values(doc, Fields.BODY))
        .containsExactly(talk.summary, "Circuit breakers around remote calls.");
    assertThat(values(doc, Fields.NAMES)).containsExactly("Nora Jones");
    assertThat(values(doc, Fields.TOPICS)).containsExactly("Chaos Engineering", "Microservices");
    assertThat(values(doc, Fields.CONTEXT))
        .contains(
            "Netflix",
            "Architect",
            "QCon San Francisco 2017",
            "QCon",
            "DevOps: You Build It, You Run It");
  }

  @Test
  void aTalkStoresTheSummaryTheListsServe() throws Exception {
    Document doc = documents.talk(talk, NOW);
    JsonNode stored = JSON.readTree(doc.get(Fields.SUMMARY));
    assertThat(stored).isEqualTo(JSON.valueToTree(TalkApi.Summary.of(talk, NOW)));
    assertThat(stored.path("speakers").get(0).path("slug").asText()).isEqualTo("nora-jones");
    assertThat(stored.path("startsAt").asText()).isEqualTo("2017-11-13T18:35:00Z");
  }

  @Test
  void facetsCountTypeDirectTopicsYearAndConference() throws Exception {
    try (TestIndex index = new TestIndex()) {
      index.add(documents.talk(talk, NOW));
      Talk other = TestIndex.talk("other", "Other", null, nora);
      other.topics.add(chaos);
      index.add(documents.talk(other, NOW));
      index.add(documents.speaker(nora, 2));
      index.add(documents.topic(resiliency, 2));
      Map<String, Map<String, Integer>> facets = facets(index.searcher());
      assertThat(facets.get(Fields.TYPE)).isEqualTo(Map.of("talk", 2, "speaker", 1, "topic", 1));
      assertThat(facets.get(Fields.TOPIC))
          .isEqualTo(Map.of("chaos-engineering", 2, "microservices", 1, "resiliency", 1));
      assertThat(facets.get(Fields.YEAR)).isEqualTo(Map.of("2017", 1));
      assertThat(facets.get(Fields.CONFERENCE)).isEqualTo(Map.of("qcon-sf-2017", 1));
    }
  }

  @Test
  void aTopicFilterFindsTheTalksOfItsSubTopics() throws Exception {
    try (TestIndex index = new TestIndex()) {
      index.add(documents.talk(talk, NOW));
      assertThat(index.slugs(new TermQuery(new Term(Fields.TOPIC, "resiliency"))))
          .containsExactly(talk.slug);
      assertThat(index.slugs(new TermQuery(new Term(Fields.TOPIC, "chaos-engineering"))))
          .containsExactly(talk.slug);
      assertThat(index.slugs(new TermQuery(new Term(Fields.SPEAKER, "nora-jones"))))
          .containsExactly(talk.slug);
      assertThat(index.slugs(new TermQuery(new Term(Fields.YEAR, "2017"))))
          .containsExactly(talk.slug);
      assertThat(index.slugs(new TermQuery(new Term(Fields.TOPIC, "other")))).isEmpty();
    }
  }

  @Test
  void ancestorsAreWalkedOnceEvenInACycle() {
    Topic a = topic("a", "A", null);
    Topic b = topic("b", "B", a);
    a.parent = b;
    assertThat(SearchDocuments.withAncestors(List.of(a))).containsExactly("a", "b");
    assertThat(SearchDocuments.withAncestors(List.of(chaos, microservices)))
        .containsExactly("chaos-engineering", "resiliency", "microservices");
    assertThat(SearchDocuments.withAncestors(Set.of())).isEmpty();
  }

  @Test
  void aSpeakerIsSearchedByNameHeadlineBioAndCompany() throws Exception {
    Document doc = documents.speaker(nora, 3);
    assertThat(values(doc, Fields.ID)).containsExactly("speaker:nora-jones");
    assertThat(doc.get(Fields.TYPE)).isEqualTo("speaker");
    assertThat(values(doc, Fields.NAMES)).containsExactly("Nora Jones");
    assertThat(values(doc, Fields.BODY)).containsExactly(nora.headline, nora.bio);
    assertThat(values(doc, Fields.CONTEXT)).containsExactly("Netflix");
    assertThat(values(doc, Fields.SPEAKER)).containsExactly("nora-jones");
    assertThat(JSON.readTree(doc.get(Fields.SUMMARY)))
        .isEqualTo(JSON.valueToTree(SpeakerApi.Summary.of(nora)));
  }

  @Test
  void aTopicCarriesItselfAndItsAncestors() throws Exception {
    chaos.description = "Injecting failure on purpose.";
    Document doc = documents.topic(chaos, 1);
    assertThat(values(doc, Fields.ID)).containsExactly("topic:chaos-engineering");
    assertThat(values(doc, Fields.TOPIC))
        .containsExactlyInAnyOrder("chaos-engineering", "resiliency");
    assertThat(values(doc, Fields.TOPICS)).containsExactly("Chaos Engineering");
    assertThat(values(doc, Fields.BODY)).containsExactly("Injecting failure on purpose.");
    assertThat(JSON.readTree(doc.get(Fields.SUMMARY)))
        .isEqualTo(JSON.valueToTree(TopicApi.Summary.of(chaos)));
  }

  @Test
  void anInterviewCarriesItsQuestionsAnswersSpeakerAndTheConferenceOfItsTalk() throws Exception {
    Interview interview = new Interview();
    interview.slug = "nora-interview";
    interview.title = "Chaos at Netflix";
    interview.speaker = nora;
    interview.talk = talk;
    interview.publishedOn = LocalDate.of(2017, 10, 1);
    interview.intro = "An interview before the conference.";
    interview.qa.add(new Interview.QuestionAnswer("What do you do?", "Break things safely."));
    interview.topics.add(chaos);
    Document doc = documents.interview(interview);
    assertThat(values(doc, Fields.ID)).containsExactly("interview:nora-interview");
    assertThat(values(doc, Fields.TITLE)).containsExactly("Chaos at Netflix");
    assertThat(values(doc, Fields.BODY))
        .containsExactly(
            "An interview before the conference.", "What do you do?", "Break things safely.");
    assertThat(values(doc, Fields.NAMES)).containsExactly("Nora Jones");
    assertThat(values(doc, Fields.SPEAKER)).containsExactly("nora-jones");
    assertThat(values(doc, Fields.TOPIC))
        .containsExactlyInAnyOrder("chaos-engineering", "resiliency");
    assertThat(values(doc, Fields.CONFERENCE)).containsExactly("qcon-sf-2017");
    assertThat(values(doc, Fields.YEAR)).containsExactly("2017");
    assertThat(JSON.readTree(doc.get(Fields.SUMMARY)))
        .isEqualTo(JSON.valueToTree(InterviewApi.Summary.of(interview)));
  }

  @Test
  void everySearchedTextIsAlsoKeptAsWrittenForTypos() throws Exception {
    try (TestIndex index = new TestIndex()) {
      index.add(documents.talk(talk, NOW));
      // Stemmed, "Resilience" is "resili"; as written it stays whole for typo matching.
      assertThat(index.slugs(new TermQuery(new Term(Fields.WORDS, "resilience"))))
          .containsExactly(talk.slug);
      assertThat(index.slugs(new TermQuery(new Term(Fields.WORDS, "netflix"))))
          .containsExactly(talk.slug);
      assertThat(index.slugs(new TermQuery(new Term(Fields.TITLE, "resilience")))).isEmpty();
      assertThat(documents.talk(talk, NOW).getFields(Fields.WORDS))
          .isNotEmpty()
          .allSatisfy(
              f -> {
                assertThat(f.fieldType().stored()).isFalse();
                assertThat(f.fieldType().indexOptions()).isEqualTo(IndexOptions.DOCS_AND_FREQS);
              });
    }
  }

  /** The stored or indexed string values of a field. */
  private static List<String> values(Document doc, String field) {
    return Arrays.stream(doc.getFields(field))
        .map(IndexableField::stringValue)
        .filter(v -> v != null)
        .toList();
  }

  private static Map<String, Map<String, Integer>> facets(IndexSearcher searcher) throws Exception {
    FacetsCollector collected =
        searcher.search(new MatchAllDocsQuery(), new FacetsCollectorManager());
    SortedSetDocValuesFacetCounts counts =
        new SortedSetDocValuesFacetCounts(
            new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), Fields.facets()),
            collected);
    Map<String, Map<String, Integer>> out = new HashMap<>();
    for (String dim : Fields.FACETS) {
      Map<String, Integer> values = new HashMap<>();
      FacetResult result = counts.getTopChildren(20, dim);
      if (result != null) {
        for (LabelAndValue lv : result.labelValues) {
          values.put(lv.label, lv.value.intValue());
        }
      }
      out.put(dim, values);
    }
    return out;
  }
}
