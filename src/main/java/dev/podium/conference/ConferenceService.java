package dev.podium.conference;

import dev.podium.changes.ChangeLog;
import dev.podium.common.ContentWriter;
import dev.podium.common.Cursor;
import dev.podium.common.ETags;
import dev.podium.common.Inputs;
import dev.podium.common.Page;
import dev.podium.common.PageRequest;
import dev.podium.common.References;
import dev.podium.common.Referrers;
import dev.podium.common.Where;
import dev.podium.talk.Schedule;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reads and writes conferences and their tracks. */
@ApplicationScoped
public class ConferenceService
    extends ContentWriter<Conference, ConferenceApi.Input, ConferenceApi.Detail> {

  private static final String LIST = "conferences";

  private final ConferenceRepository conferences;
  private final Clock clock;

  public ConferenceService(
      ConferenceRepository conferences,
      Clock clock,
      ChangeLog changes,
      ETags etags,
      References references) {
    super(changes, etags, references);
    this.conferences = conferences;
    this.clock = clock;
  }

  /** The repository of conferences: plain Panache, nothing of its own. */
  @ApplicationScoped
  public static class ConferenceRepository implements PanacheRepository<Conference> {}

  /** Newest first; undated conferences last. */
  public Page<ConferenceApi.Summary> list(
      String series, Integer year, String status, PageRequest request) {
    Instant now = clock.instant();
    Where filter = new Where();
    if (series != null) {
      filter.and("lower(c.series) = lower(:series)", "series", series);
    }
    if (year != null) {
      filter.and(
          "c.startDate >= :from and c.startDate < :to",
          "from",
          LocalDate.of(year, 1, 1),
          "to",
          LocalDate.of(year + 1, 1, 1));
    }
    if (status != null) {
      String upcoming = "(c.startDate is null or c.startDate > :today)";
      filter.and(
          status.equals("upcoming") ? upcoming : "not " + upcoming, "today", Schedule.today(now));
    }
    Where page = filter.copy().param("undated", Conference.UNDATED);
    Cursor after = request.after(LIST, 2);
    String key = "coalesce(c.startDate, :undated)";
    if (after != null) {
      page.after(key, true, after.date(0), "c.slug", after.key(1));
    }
    EntityManager em = conferences.getEntityManager();
    List<Conference> rows =
        page.bind(
                em.createQuery(
                    "select c from Conference c"
                        + page.sql()
                        + " order by "
                        + key
                        + " desc, c.slug",
                    Conference.class))
            .setMaxResults(request.limit() + 1)
            .getResultList();
    long total =
        filter
            .bind(em.createQuery("select count(*) from Conference c" + filter.sql(), Long.class))
            .getSingleResult();
    return Page.of(
        rows,
        request,
        total,
        c ->
            Cursor.of(
                LIST, (c.startDate == null ? Conference.UNDATED : c.startDate).toString(), c.slug),
        c -> ConferenceApi.Summary.of(c, now));
  }

  public ConferenceApi.Detail get(String slug) {
    return detail(require(slug));
  }

  @Override
  public ConferenceApi.Detail detail(Conference c) {
    long talkCount =
        conferences
            .getEntityManager()
            .createQuery("select count(*) from Talk t where t.conference = :c", Long.class)
            .setParameter("c", c)
            .getSingleResult();
    return new ConferenceApi.Detail(
        c.slug,
        c.name,
        c.series,
        c.startDate,
        c.endDate,
        c.city,
        c.country,
        c.url,
        Schedule.of(c.startDate, clock.instant()),
        c.tracks.stream().map(ConferenceApi.TrackInput::of).toList(),
        talkCount);
  }

  @Override
  public String kind() {
    return "conference";
  }

  @Override
  public Conference find(String slug, boolean forUpdate) {
    return conferences
        .find("slug", slug)
        .withLock(forUpdate ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE)
        .firstResult();
  }

  @Override
  public Conference newEntity() {
    return new Conference();
  }

  @Override
  public String slugOf(ConferenceApi.Input input) {
    return input.slug();
  }

  @Override
  protected String titleOf(ConferenceApi.Input input) {
    return input.name();
  }

  @Override
  protected ConferenceApi.Input withSlug(ConferenceApi.Input input, String slug) {
    return input.withSlug(slug);
  }

  @Override
  public void apply(Conference c, ConferenceApi.Input input, Inputs in) {
    c.slug = input.slug();
    c.name = input.name();
    c.series = input.series();
    LocalDate startedOn = c.startDate;
    c.startDate = input.startDate();
    if (c.id != null && !Objects.equals(startedOn, c.startDate)) {
      // Its talks without a start of their own begin with it (Schedule.begins).
      conferences
          .getEntityManager()
          .createQuery(
              "update Talk t set t.begins = :begins where t.conference = :c and t.startsAt is null")
          .setParameter("begins", Schedule.begins(null, c.startDate))
          .setParameter("c", c)
          .executeUpdate();
    }
    c.endDate = input.endDate();
    c.city = input.city();
    c.country = input.country();
    c.url = input.url();
    if (c.startDate != null && c.endDate != null && c.endDate.isBefore(c.startDate)) {
      in.error("endDate", "must not be before startDate");
    }
    applyTracks(c, input.tracks() == null ? List.of() : input.tracks(), in);
  }

  /** Keeps tracks by slug so talks keep pointing at them; a removed track must be unused. */
  private void applyTracks(Conference c, List<ConferenceApi.TrackInput> wanted, Inputs in) {
    Map<String, Track> existing = new HashMap<>();
    c.tracks.forEach(t -> existing.put(t.slug, t));
    List<Track> next = new ArrayList<>();
    for (int i = 0; i < wanted.size(); i++) {
      ConferenceApi.TrackInput w = wanted.get(i);
      if (w == null || w.slug() == null) {
        continue; // validation reports the missing track or slug; nothing is written
      }
      Track t = existing.remove(w.slug());
      if (t == null && next.stream().anyMatch(n -> n.slug.equals(w.slug()))) {
        in.error("tracks[" + i + "].slug", "is listed twice");
        continue;
      }
      if (t == null) {
        t = new Track();
        t.conference = c;
        t.slug = w.slug();
      }
      t.position = i;
      t.name = w.name();
      t.description = w.description();
      next.add(t);
    }
    for (Track removed : existing.values()) {
      if (removed.id != null) {
        new Referrers()
            .add(
                conferences.getEntityManager(),
                "talks",
                "select x.slug from Talk x where x.track = ?1 order by x.slug",
                removed)
            .throwIfAny("track", removed.slug);
      }
    }
    Inputs.replaceIfChanged(c.tracks, next);
  }

  @Override
  public ConferenceApi.Input toInput(Conference c) {
    return ConferenceApi.Input.of(c);
  }

  @Override
  protected void requireUnreferenced(Conference c) {
    new Referrers()
        .add(
            conferences.getEntityManager(),
            "talks",
            "select x.slug from Talk x where x.conference = ?1 order by x.slug",
            c)
        .throwIfAny(kind(), c.slug);
  }
}
