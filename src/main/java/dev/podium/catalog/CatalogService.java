package dev.podium.catalog;

import dev.podium.changes.ChangeLog;
import dev.podium.common.ApiException;
import dev.podium.common.ContentWriter;
import dev.podium.common.Inputs;
import dev.podium.common.Problem;
import dev.podium.common.References;
import dev.podium.conference.Conference;
import dev.podium.conference.ConferenceService;
import dev.podium.interview.Interview;
import dev.podium.interview.InterviewService;
import dev.podium.speaker.Speaker;
import dev.podium.speaker.SpeakerService;
import dev.podium.talk.Talk;
import dev.podium.talk.TalkService;
import dev.podium.topic.Topic;
import dev.podium.topic.TopicService;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Imports a catalog as one all-or-nothing merge and exports it back. An import validates every
 * entry first (fields, references within the document and to what exists, duplicates, cycles) and
 * writes nothing unless all of it is valid.
 */
@ApplicationScoped
public class CatalogService {

  private static final int IN_CHUNK = 1000;

  private final EntityManager em;
  private final References database;
  private final Validator validator;
  private final TransactionManager transactions;
  private final ChangeLog changes;
  private final Clock clock;
  private final TopicService topics;
  private final ConferenceService conferences;
  private final SpeakerService speakers;
  private final TalkService talks;
  private final InterviewService interviews;

  public CatalogService(
      EntityManager em,
      References database,
      Validator validator,
      TransactionManager transactions,
      ChangeLog changes,
      Clock clock,
      TopicService topics,
      ConferenceService conferences,
      SpeakerService speakers,
      TalkService talks,
      InterviewService interviews) {
    this.em = em;
    this.database = database;
    this.validator = validator;
    this.transactions = transactions;
    this.changes = changes;
    this.clock = clock;
    this.topics = topics;
    this.conferences = conferences;
    this.speakers = speakers;
    this.talks = talks;
    this.interviews = interviews;
  }

  /** One kind of the document with the writer that knows it. */
  private record Section<E extends PanacheEntityBase, I>(
      String name, Class<E> type, ContentWriter<E, I, ?> writer, List<I> inputs) {}

  private List<Section<?, ?>> sections(Catalog.Document doc) {
    return List.of(
        new Section<>("topics", Topic.class, topics, nonNull(doc.topics())),
        new Section<>("conferences", Conference.class, conferences, nonNull(doc.conferences())),
        new Section<>("speakers", Speaker.class, speakers, nonNull(doc.speakers())),
        new Section<>("talks", Talk.class, talks, nonNull(doc.talks())),
        new Section<>("interviews", Interview.class, interviews, nonNull(doc.interviews())));
  }

  @Transactional
  @TransactionConfiguration(timeout = 1800)
  public Catalog.Result importCatalog(Catalog.Document doc, boolean dryRun) {
    // Nothing may reach the database before every entry is checked: new entities are only
    // persisted at the end, so no query may flush half-applied state.
    em.setFlushMode(FlushModeType.COMMIT);
    if (!dryRun) {
      // Before anything is read: an import decides what to create and what to update from what
      // it reads, so overlapping imports must run one after the other, each seeing the last.
      changes.lock();
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    for (ConstraintViolation<Catalog.Document> v : validator.validate(doc)) {
      String field = "$." + v.getPropertyPath().toString().replaceAll("\\.?<[a-z ]+>", "");
      errors.add(new Problem.FieldError(field, v.getMessage()));
    }
    if (doc.formatVersion() != null && doc.formatVersion() != 1) {
      errors.add(new Problem.FieldError("$.formatVersion", "must be 1"));
    }
    DocumentReferences refs = new DocumentReferences(em, database);
    List<Section<?, ?>> sections = sections(doc);
    Map<String, Catalog.Counts> counts = new LinkedHashMap<>();
    List<Object> created = new ArrayList<>();
    List<ChangeLog.Entry> record = new ArrayList<>();
    for (Section<?, ?> section : sections) {
      counts.put(section.name(), apply(section, refs, errors, created, record));
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(Problem.FieldError::field, CatalogService::byPath));
      throw ApiException.invalidCatalog(errors);
    }
    if (dryRun) {
      rollbackOnly();
    } else {
      persistInOrder(created);
      changes.recordAll(record);
      ImportRecord imported = new ImportRecord();
      imported.source = doc.source();
      imported.importedAt = clock.instant();
      imported.persist();
    }
    return new Catalog.Result(dryRun, counts);
  }

  private <E extends PanacheEntityBase, I> Catalog.Counts apply(
      Section<E, I> section,
      DocumentReferences refs,
      List<Problem.FieldError> errors,
      List<Object> created,
      List<ChangeLog.Entry> record) {
    ContentWriter<E, I, ?> writer = section.writer();
    Map<String, E> existing = refs.preload(section.type(), slugs(section));
    Map<String, Integer> seen = new HashMap<>();
    List<E> entities = new ArrayList<>();
    Set<E> fresh = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int i = 0; i < section.inputs().size(); i++) {
      I input = section.inputs().get(i);
      String slug = input == null ? null : writer.slugOf(input);
      E entity = null;
      if (input != null && slug == null) {
        errors.add(new Problem.FieldError(path(section, i) + ".slug", "is required in a catalog"));
      } else if (slug != null && seen.putIfAbsent(slug, i) != null) {
        errors.add(
            new Problem.FieldError(
                path(section, i) + ".slug",
                "repeats the slug of " + path(section, seen.get(slug))));
      } else if (slug != null) {
        entity = existing.get(slug);
        if (entity == null) {
          entity = writer.newEntity();
          fresh.add(entity);
          created.add(entity);
        }
        refs.put(section.type(), slug, entity);
      }
      entities.add(entity);
    }
    Map<Class<?>, Set<String>> referred = new HashMap<>();
    for (I input : section.inputs()) {
      if (input != null) {
        writer.references(
            input,
            (type, slug) -> {
              if (slug != null) {
                referred.computeIfAbsent(type, k -> new HashSet<>()).add(slug);
              }
            });
      }
    }
    referred.forEach(refs::prefetch);
    int made = 0;
    int updated = 0;
    int unchanged = 0;
    for (int i = 0; i < entities.size(); i++) {
      E entity = entities.get(i);
      if (entity == null) {
        continue;
      }
      I input = section.inputs().get(i);
      I before = fresh.contains(entity) ? null : writer.toInput(entity);
      writer.apply(entity, input, new Inputs(path(section, i), refs, errors));
      String slug = writer.slugOf(input);
      if (before == null) {
        made++;
      } else if (before.equals(writer.toInput(entity))) {
        unchanged++;
        continue;
      } else {
        updated++;
      }
      record.add(new ChangeLog.Entry(writer.kind(), slug, ChangeLog.UPSERT));
    }
    return new Catalog.Counts(made, updated, unchanged);
  }

  /** Parents before children, so that no insert refers to a row not yet written. */
  private static void persistInOrder(List<Object> created) {
    List<Object> ordered = new ArrayList<>(created);
    ordered.sort(Comparator.comparingInt(CatalogService::depth));
    for (Object entity : ordered) {
      ((PanacheEntityBase) entity).persist();
    }
  }

  private static int depth(Object entity) {
    int kind =
        entity instanceof Topic
            ? 0
            : entity instanceof Conference
                ? 1
                : entity instanceof Speaker ? 2 : entity instanceof Talk ? 3 : 4;
    int depth = 0;
    if (entity instanceof Topic topic) {
      Set<Topic> seen = new HashSet<>();
      for (Topic up = topic.parent; up != null && seen.add(up); up = up.parent) {
        depth++;
      }
    }
    return kind * 100_000 + depth;
  }

  private void rollbackOnly() {
    try {
      transactions.setRollbackOnly();
    } catch (SystemException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> slugs(Section<?, ?> section) {
    List<String> slugs = new ArrayList<>();
    for (Object input : section.inputs()) {
      String slug = input == null ? null : slugOf(section, input);
      if (slug != null) {
        slugs.add(slug);
      }
    }
    return slugs;
  }

  @SuppressWarnings("unchecked")
  private static <I> String slugOf(Section<?, I> section, Object input) {
    return section.writer().slugOf((I) input);
  }

  private static String path(Section<?, ?> section, int index) {
    return "$." + section.name() + "[" + index + "]";
  }

  /** Orders "$.talks[10]" after "$.talks[9]". */
  private static int byPath(String a, String b) {
    return a.replaceAll("\\d+", "").equals(b.replaceAll("\\d+", ""))
        ? pad(a).compareTo(pad(b))
        : a.compareTo(b);
  }

  private static String pad(String path) {
    return java.util.regex.Pattern.compile("\\d+")
        .matcher(path)
        .replaceAll(m -> String.format("%010d", Long.parseLong(m.group())));
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }

  /**
   * References within the document being imported first, then the database (each slug looked up
   * once). Entities of the document's own slugs are preloaded in chunks.
   */
  static final class DocumentReferences implements References {

    private final EntityManager em;
    private final References database;
    private final Map<Class<?>, Map<String, Object>> known = new HashMap<>();

    DocumentReferences(EntityManager em, References database) {
      this.em = em;
      this.database = database;
    }

    <E> Map<String, E> preload(Class<E> type, List<String> slugs) {
      Map<String, E> found = new HashMap<>();
      for (int from = 0; from < slugs.size(); from += IN_CHUNK) {
        List<String> chunk = slugs.subList(from, Math.min(slugs.size(), from + IN_CHUNK));
        for (Object[] row :
            em.createQuery(
                    "select e.slug, e from " + type.getSimpleName() + " e where e.slug in :slugs",
                    Object[].class)
                .setParameter("slugs", chunk)
                .getResultList()) {
          found.put((String) row[0], type.cast(row[1]));
        }
      }
      return found;
    }

    /**
     * Looks up the slugs not known yet in chunks (an import of 37,000 talks refers to tens of
     * thousands of speakers), and remembers the missing ones as missing.
     */
    void prefetch(Class<?> type, Set<String> slugs) {
      Map<String, Object> ofType = known.computeIfAbsent(type, k -> new HashMap<>());
      List<String> unknown = slugs.stream().filter(slug -> !ofType.containsKey(slug)).toList();
      Map<String, ?> found = preload(type, unknown);
      for (String slug : unknown) {
        ofType.put(slug, found.get(slug));
      }
    }

    void put(Class<?> type, String slug, Object entity) {
      known.computeIfAbsent(type, k -> new HashMap<>()).put(slug, entity);
    }

    @Override
    public <T> T find(Class<T> type, String slug) {
      Map<String, Object> ofType = known.computeIfAbsent(type, k -> new HashMap<>());
      if (!ofType.containsKey(slug)) {
        ofType.put(slug, database.find(type, slug));
      }
      return type.cast(ofType.get(slug));
    }
  }
}
