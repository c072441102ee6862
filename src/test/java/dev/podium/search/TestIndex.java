package dev.podium.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.podium.speaker.Speaker;
import dev.podium.talk.Talk;
import dev.podium.topic.Topic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * A Lucene index in memory, written with the application's analyzers and documents, for unit tests
 * of analysis, queries and highlights without Quarkus or a database.
 */
final class TestIndex implements AutoCloseable {

  static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  final SearchDocuments documents = new SearchDocuments(JSON);
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final IndexWriter writer;
  private DirectoryReader reader;

  TestIndex() {
    try {
      writer =
          new IndexWriter(
              directory, new IndexWriterConfig(Fields.perField()).setIndexSort(Fields.INDEX_SORT));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  TestIndex add(Document doc) {
    try {
      writer.addDocument(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  TestIndex talk(Talk talk) {
    return add(documents.talk(talk, NOW));
  }

  TestIndex delete(Term id) {
    try {
      writer.deleteDocuments(id);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Merges the index into one segment. */
  TestIndex merge() {
    try {
      writer.forceMerge(1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Ends the segment being written: what is added next goes to a new one. */
  TestIndex flush() {
    try {
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  IndexSearcher searcher() {
    return searcher(null);
  }

  /** A searcher that searches its slices of segments on {@code executor} too (null: none). */
  IndexSearcher searcher(Executor executor) {
    try {
      if (reader == null) {
        reader = DirectoryReader.open(writer);
      } else {
        DirectoryReader newer = DirectoryReader.openIfChanged(reader, writer);
        if (newer != null) {
          reader.close();
          reader = newer;
        }
      }
      return new IndexSearcher(reader, executor);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The slugs of what {@code query} finds, best first. */
  List<String> slugs(Query query) {
    IndexSearcher searcher = searcher();
    try {
      List<String> slugs = new ArrayList<>();
      for (ScoreDoc hit : searcher.search(query, 100).scoreDocs) {
        slugs.add(searcher.storedFields().document(hit.doc).get(Fields.SLUG));
      }
      return slugs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a search box query finds, best first. */
  List<String> search(String q) {
    return slugs(SearchQuery.parse(q).toQuery(Fields.english(), Fields.names()));
  }

  @Override
  public void close() throws IOException {
    if (reader != null) {
      reader.close();
    }
    writer.close();
    directory.close();
  }

  static Talk talk(String slug, String title, String summary, Speaker... speakers) {
    Talk t = new Talk();
    t.slug = slug;
    t.title = title;
    t.summary = summary;
    t.speakers.addAll(List.of(speakers));
    return t;
  }

  static Speaker speaker(String slug, String name) {
    Speaker s = new Speaker();
    s.slug = slug;
    s.name = name;
    return s;
  }

  static Topic topic(String slug, String name, Topic parent) {
    Topic t = new Topic();
    t.slug = slug;
    t.name = name;
    t.parent = parent;
    return t;
  }
}
