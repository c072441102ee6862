package dev.podium.talk;

import dev.podium.changes.ChangeLog;
import dev.podium.common.ContentWriter;
import dev.podium.common.Cursor;
import dev.podium.common.ETags;
import dev.podium.common.Inputs;
import dev.podium.common.Page;
import dev.podium.common.PageRequest;
import dev.podium.common.PodiumConfig;
import dev.podium.common.References;
import dev.podium.common.Referrers;
import dev.podium.common.StringListJson;
import dev.podium.common.Where;
import dev.podium.conference.Conference;
import dev.podium.interview.InterviewApi;
import dev.podium.speaker.Speaker;
import dev.podium.topic.Topic;
import dev.podium.topic.TopicRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;

/** Reads and writes talks; owns the list filters and the schedule status. */
@ApplicationScoped
public class TalkService extends ContentWriter<Talk, TalkApi.Input, TalkApi.Detail> {

  /**
   * From this many matches on, a topic's list walks the index of its order, testing each talk's
   * topics, and stops after a page: with n talks in all it reads about limit * n / matches rows.
   * Below it, the matches are read through the topic index and sorted: fewer rows read for a rare
   * topic, whose walk could cross the whole table to fill a page.
   */
  static final int WALK_FROM = 2_000;

  private static final String LIST = "talks";

  private final TalkRepository talks;
  private final TopicRepository topics;
  private final Clock clock;
  private final long sortedUpTo;

  public TalkService(
      TalkRepository talks,
      TopicRepository topics,
      Clock clock,
      ChangeLog changes,
      ETags etags,
      References references,
      PodiumConfig config) {
    super(changes, etags, references);
    this.talks = talks;
    this.topics = topics;
    this.clock = clock;
    this.sortedUpTo = config.talks().sortedUpTo();
  }

  public Page<TalkApi.Summary> list(TalkFilter f, PageRequest request) {
    Instant now = clock.instant();
    Where filter = where(f, now, false);
    Set<Long> topicIds = f.topics().isEmpty() ? null : topics.withDescendants(f.topics());
    long total;
    Where page;
    if (topicIds == null) {
      total = talks.count(filter);
      page = where(f, now, total > sortedUpTo);
    } else if (f.narrowedByKey()) {
      // A conference's, track's or speaker's talks are read through their index; testing each of
      // them for the topics beats reading every talk on the topics.
      filter.onTopicsOfEach("t", topicIds);
      total = talks.count(filter);
      page = where(f, now, total > sortedUpTo).onTopicsOfEach("t", topicIds);
    } else {
      long onTopics = topics.talkCount(topicIds);
      if (!f.topicsOnly() && talks.countUpTo(filter, indexed(f), onTopics) < onTopics) {
        // Fewer talks of the other filters than on the topics: read those through their indexes,
        // testing each for the topics.
        filter.onTopicsOfEach("t", topicIds);
        total = talks.count(filter);
        page = where(f, now, total > sortedUpTo).onTopicsOfEach("t", topicIds);
      } else {
        total = f.topicsOnly() ? onTopics : countOnTopics(f, filter, now, topicIds, onTopics);
        page = where(f, now, total > sortedUpTo);
        if (total >= WALK_FROM) {
          page.onTopicsOfEach("t", topicIds);
        } else {
          page.onTopics("Talk", "t", topicIds);
        }
      }
    }
    boolean descending = f.sort().startsWith("-");
    String key;
    Cursor after = request.after(LIST + f.sort(), 2);
    if (f.sort().equals("title")) {
      key = "t.title";
      if (after != null) {
        page.after(key, false, after.key(0), "t.slug", after.key(1));
      }
    } else {
      key = descending ? "t.sortStartDesc" : "t.sortStart";
      if (after != null) {
        page.after(key, descending, after.instant(0), "t.slug", after.key(1));
      }
    }
    List<Talk> rows =
        talks.fetch(page, key + (descending ? " desc" : "") + ", t.slug", request.limit() + 1);
    return Page.of(
        rows,
        request,
        total,
        t ->
            Cursor.of(
                LIST + f.sort(),
                f.sort().equals("title")
                    ? t.title
                    : (descending ? t.sortStartDesc : t.sortStart).toString(),
                t.slug),
        t -> TalkApi.Summary.of(t, now));
  }

  /**
   * The talks on the topics that {@code filter} keeps, when it keeps at least as many talks as the
   * topics have. A status or a video filter alone whose opposite keeps fewer talks than the topics
   * is counted as the topics' talks less those of the opposite, read through its index and each
   * tested for the topics: the past talks of a big topic were a join of every talk on it (2.8 s on
   * H2 and 1 s on PostgreSQL for 250,000 talks at a million).
   */
  private long countOnTopics(
      TalkFilter f, Where filter, Instant now, Set<Long> topicIds, long onTopics) {
    TalkFilter opposite = f.opposite();
    if (opposite != null) {
      Where other = where(opposite, now, false);
      if (talks.countUpTo(other, indexed(opposite), onTopics) < onTopics) {
        return onTopics - talks.count(other.onTopicsOfEach("t", topicIds));
      }
    }
    return talks.count(filter.copy().onTopics("Talk", "t", topicIds));
  }

  /**
   * The column whose index serves the filters besides topics and keys, as {@link #where} writes
   * them.
   */
  private static String indexed(TalkFilter f) {
    if (f.status() != null || f.year() != null) {
      return "t.begins";
    }
    if (f.type() != null) {
      return "t.type";
    }
    return f.level() != null ? "t.levelMask" : "t.hasVideo";
  }

  /**
   * The filters of {@code f} as conditions on {@code t} (and its conference {@code c} when {@code
   * walked}). Status and year compare when each talk begins, and type, level and video their own
   * indexed columns: counted, and read for a page of up to {@code podium.talks.sorted-up-to}
   * matches, through those indexes. A page of more matches is {@code walked}: the same conditions
   * written so that no index serves them (on the talk's start and its conference's date, the
   * levels' text, the video's address), so the database walks the index of the list's order,
   * testing each talk, and stops after a page, instead of sorting every match (11 s for the past
   * talks of a million).
   */
  private Where where(TalkFilter f, Instant now, boolean walked) {
    Where w = new Where();
    if (f.speaker() != null) {
      w.and(
          "t.id in (select x.id from Talk x join x.speakers sp where sp.slug = :speaker)",
          "speaker",
          f.speaker());
    }
    // By the talk's own key, not the joined row's slug: a condition on the joined conference
    // left H2 walking the list's order through every talk (6 s a page at a million).
    if (f.conference() != null) {
      w.and(
          "fk(t.conference) = (select x.id from Conference x where x.slug = :conference)",
          "conference",
          f.conference());
    }
    if (f.track() != null) {
      w.and("fk(t.track) in (select x.id from Track x where x.slug = :track)", "track", f.track());
    }
    if (f.type() != null) {
      // Types are stored as their lower-case names; lower() only keeps the index out of a walk.
      w.and(walked ? "lower(t.type) = :type" : "t.type = :type", "type", f.type());
    }
    if (f.level() != null) {
      if (walked) {
        // levels is a converted List<String>: compare its stored JSON text, not the list.
        w.and("cast(t.levels as String) like :level", "level", "%\"" + f.level() + "\"%");
      } else {
        w.and("t.levelMask in :levelMasks", "levelMasks", masksWith(f.level()));
      }
    }
    if (f.year() != null) {
      LocalDate from = LocalDate.of(f.year(), 1, 1);
      LocalDate to = from.plusYears(1);
      Instant fromInstant = from.atStartOfDay(ZoneOffset.UTC).toInstant();
      Instant toInstant = to.atStartOfDay(ZoneOffset.UTC).toInstant();
      if (walked) {
        w.and(
            "((t.startsAt >= :yearFrom and t.startsAt < :yearTo) or (t.startsAt is null"
                + " and c.startDate >= :yearFromDate and c.startDate < :yearToDate))",
            "yearFrom",
            fromInstant,
            "yearTo",
            toInstant,
            "yearFromDate",
            from,
            "yearToDate",
            to);
      } else {
        w.and(
            "t.begins >= :yearFrom and t.begins < :yearTo and t.begins <> :unscheduled",
            "yearFrom",
            fromInstant,
            "yearTo",
            toInstant,
            "unscheduled",
            Schedule.NOT_SCHEDULED);
      }
    }
    if (f.status() != null) {
      boolean upcoming = f.status().equals("upcoming");
      if (walked) {
        // Spelled out rather than "not upcoming": for a talk without a start time the first term
        // is unknown (null) in SQL, and "not (unknown or false)" is unknown, which drops the row.
        w.and(
            upcoming
                ? "(t.startsAt > :now or (t.startsAt is null"
                    + " and (c.startDate is null or c.startDate > :today)))"
                : "(t.startsAt <= :now or (t.startsAt is null and c.startDate <= :today))",
            "now",
            now,
            "today",
            Schedule.today(now));
      } else {
        // A talk with no date begins at Schedule.NOT_SCHEDULED, after any now: upcoming.
        w.and(upcoming ? "t.begins > :now" : "t.begins <= :now", "now", now);
      }
    }
    if (f.hasVideo() != null) {
      if (walked) {
        w.and(f.hasVideo() ? "t.videoUrl is not null" : "t.videoUrl is null");
      } else {
        w.and("t.hasVideo = :hasVideo", "hasVideo", f.hasVideo());
      }
    }
    return w;
  }

  /** The levels of a talk as bits, one per {@link TalkApi.Level}, as {@code Talk.levelMask}. */
  static int levelMask(List<String> levels) {
    int mask = 0;
    for (String level : levels) {
      mask |= 1 << TalkApi.Level.valueOf(level).ordinal();
    }
    return mask;
  }

  /** Every level mask that holds {@code level}. */
  private static List<Integer> masksWith(String level) {
    int bit = 1 << TalkApi.Level.valueOf(level).ordinal();
    return IntStream.range(0, 1 << TalkApi.Level.values().length)
        .filter(mask -> (mask & bit) != 0)
        .boxed()
        .toList();
  }

  /**
   * The latest conference with talks on these topics (undated ones last), or null. For topics with
   * many talks each conference is tested, newest first, through its own talks: collecting the
   * conferences of every talk on a big topic read each of its talks (a minute at a million).
   */
  public Conference latestConferenceOn(Collection<Long> topicIds) {
    String query =
        many(topicIds)
            ? "select c from Conference c where exists (select 1 from Talk t"
                + " where t.conference = c and exists (select 1 from t.topics tp where tp.id in :ids))"
            : "select c from Talk t join t.conference c where t.id in"
                + " (select x.id from Talk x join x.topics tp where tp.id in :ids)";
    List<Conference> found =
        talks
            .getEntityManager()
            .createQuery(
                query + " order by coalesce(c.startDate, :undated) desc, c.slug", Conference.class)
            .setParameter("ids", topicIds)
            .setParameter("undated", Conference.UNDATED)
            .setMaxResults(1)
            .getResultList();
    return found.isEmpty() ? null : found.get(0);
  }

  /** Talks on these topics at one conference, in programme order. */
  public List<TalkApi.Summary> onTopicsAt(
      Collection<Long> topicIds, Conference conference, int limit) {
    // The conference's talks, each tested for the topics: never more than one conference holds.
    // The talk's own key: on the joined conference's, H2 walked the order through every talk.
    Where w = new Where().and("fk(t.conference) = :conference", "conference", conference.id);
    w.onTopicsOfEach("t", topicIds);
    return summaries(talks.fetch(w, "t.sortStart, t.slug", limit));
  }

  /**
   * Talks on these topics at conferences that began before {@code before}, newest first. For topics
   * with many talks, the earlier conferences are tried newest first, 1, 2, 4, ... at a time, until
   * the page is full: the same talks in the same order as one query, which read and sorted every
   * talk on the topic.
   */
  public List<TalkApi.Summary> onTopicsBefore(
      Collection<Long> topicIds, Conference before, int limit) {
    String order = "c.startDate desc, c.slug, t.sortStart, t.slug";
    if (!many(topicIds)) {
      Where w = new Where().and("c.startDate < :before", "before", before.startDate);
      w.onTopics("Talk", "t", topicIds);
      return summaries(talks.fetch(w, order, limit));
    }
    List<Long> earlier =
        talks
            .getEntityManager()
            .createQuery(
                "select c.id from Conference c where c.startDate < :before"
                    + " order by c.startDate desc, c.slug",
                Long.class)
            .setParameter("before", before.startDate)
            .getResultList();
    List<Talk> found = new ArrayList<>();
    for (int from = 0, size = 1;
        from < earlier.size() && found.size() < limit;
        from += size, size *= 2) {
      Where w =
          new Where()
              .and(
                  "fk(t.conference) in :earlier",
                  "earlier",
                  earlier.subList(from, Math.min(from + size, earlier.size())));
      w.onTopicsOfEach("t", topicIds);
      found.addAll(talks.fetch(w, order, limit - found.size()));
    }
    return summaries(found);
  }

  /** Whether these topics have so many talks that lists walk an order rather than sort them. */
  private boolean many(Collection<Long> topicIds) {
    return topics.hasTalks(topicIds, WALK_FROM);
  }

  private List<TalkApi.Summary> summaries(List<Talk> rows) {
    Instant now = clock.instant();
    return rows.stream().map(t -> TalkApi.Summary.of(t, now)).toList();
  }

  public TalkApi.Detail get(String slug) {
    return detail(require(slug));
  }

  @Override
  public TalkApi.Detail detail(Talk t) {
    List<InterviewApi.Summary> interviews =
        talks
            .getEntityManager()
            .createQuery(
                "select i from Interview i where i.talk = :talk order by i.publishedOn desc, i.slug",
                dev.podium.interview.Interview.class)
            .setParameter("talk", t)
            .getResultList()
            .stream()
            .map(InterviewApi.Summary::of)
            .toList();
    return TalkApi.Detail.of(t, interviews, clock.instant());
  }

  @Override
  public String kind() {
    return "talk";
  }

  @Override
  public Talk find(String slug, boolean forUpdate) {
    return talks
        .find("slug", slug)
        .withLock(forUpdate ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE)
        .firstResult();
  }

  @Override
  public Talk newEntity() {
    return new Talk();
  }

  @Override
  public String slugOf(TalkApi.Input input) {
    return input.slug();
  }

  @Override
  protected String titleOf(TalkApi.Input input) {
    return input.title();
  }

  @Override
  protected TalkApi.Input withSlug(TalkApi.Input input, String slug) {
    return input.withSlug(slug);
  }

  @Override
  public void references(TalkApi.Input input, BiConsumer<Class<?>, String> refer) {
    refer.accept(Conference.class, input.conference());
    Inputs.each(input.speakers(), slug -> refer.accept(Speaker.class, slug));
    Inputs.each(input.topics(), slug -> refer.accept(Topic.class, slug));
  }

  @Override
  public void apply(Talk t, TalkApi.Input input, Inputs in) {
    t.slug = input.slug();
    t.title = input.title();
    t.summary = input.summary();
    t.conference = in.ref(Conference.class, "conference", input.conference());
    t.track = null;
    if (input.track() != null) {
      if (input.conference() == null) {
        in.error("track", "needs the conference the track belongs to");
      } else if (t.conference != null) {
        t.track =
            t.conference.tracks.stream()
                .filter(tr -> tr.slug.equals(input.track()))
                .findFirst()
                .orElse(null);
        if (t.track == null) {
          in.error(
              "track",
              "conference '" + input.conference() + "' has no track '" + input.track() + "'");
        }
      }
    }
    Inputs.replaceIfChanged(t.speakers, in.refs(Speaker.class, "speakers", input.speakers()));
    Inputs.replaceIfChanged(t.topics, in.refs(Topic.class, "topics", input.topics()));
    t.type = input.type() == null ? null : input.type().name();
    t.levels =
        input.levels() == null
            ? List.of()
            : input.levels().stream().distinct().map(Enum::name).toList();
    t.personas = storedList(in, "personas", input.personas(), Talk.PERSONAS_COLUMN);
    t.learningOutcomes =
        storedList(in, "learningOutcomes", input.learningOutcomes(), Talk.OUTCOMES_COLUMN);
    t.language = input.language();
    t.startsAt = input.startsAt();
    t.begins = Schedule.begins(t.startsAt, t.conference == null ? null : t.conference.startDate);
    t.durationMinutes = input.durationMinutes();
    t.room = input.room();
    t.videoUrl = input.videoUrl();
    t.hasVideo = t.videoUrl != null;
    t.levelMask = levelMask(t.levels);
    t.slidesUrl = input.slidesUrl();
  }

  /**
   * A list stored as JSON in one column: each item is within its length, but many of them could
   * overflow the column, which is an input error rather than a failing insert.
   */
  private static List<String> storedList(Inputs in, String field, List<String> values, int column) {
    List<String> list = values == null ? List.of() : List.copyOf(values);
    String stored = StringListJson.json(list);
    if (stored != null && stored.length() > column) {
      in.error(field, "is too long: at most " + column + " characters together");
    }
    return list;
  }

  @Override
  public TalkApi.Input toInput(Talk t) {
    return TalkApi.Input.of(t);
  }

  @Override
  protected void requireUnreferenced(Talk t) {
    new Referrers()
        .add(
            talks.getEntityManager(),
            "interviews",
            "select x.slug from Interview x where x.talk = ?1 order by x.slug",
            t)
        .throwIfAny(kind(), t.slug);
  }
}
