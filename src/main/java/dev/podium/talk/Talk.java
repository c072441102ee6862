package dev.podium.talk;

import dev.podium.common.StringListJson;
import dev.podium.conference.Conference;
import dev.podium.conference.Track;
import dev.podium.speaker.Speaker;
import dev.podium.topic.Topic;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A presentation: what it is about, who gives it, and where and when. */
@Entity
public class Talk extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "talk_seq")
  @SequenceGenerator(name = "talk_seq", sequenceName = "talk_seq", allocationSize = 50)
  public Long id;

  public String slug;
  public String title;

  @Column(name = "abstract")
  public String summary;

  @ManyToOne(fetch = FetchType.LAZY)
  public Conference conference;

  @ManyToOne(fetch = FetchType.LAZY)
  public Track track;

  @ManyToMany
  @JoinTable(
      name = "talk_speaker",
      joinColumns = @JoinColumn(name = "talk_id"),
      inverseJoinColumns = @JoinColumn(name = "speaker_id"))
  @OrderColumn(name = "position")
  public List<Speaker> speakers = new ArrayList<>();

  @ManyToMany
  @JoinTable(
      name = "talk_topic",
      joinColumns = @JoinColumn(name = "talk_id"),
      inverseJoinColumns = @JoinColumn(name = "topic_id"))
  @OrderColumn(name = "position")
  public List<Topic> topics = new ArrayList<>();

  public String type;

  @Convert(converter = StringListJson.class)
  public List<String> levels = List.of();

  /** Sizes of the columns the JSON of personas and learning outcomes is stored in. */
  static final int PERSONAS_COLUMN = 20_000;

  static final int OUTCOMES_COLUMN = 100_000;

  @Convert(converter = StringListJson.class)
  public List<String> personas = List.of();

  @Convert(converter = StringListJson.class)
  public List<String> learningOutcomes = List.of();

  public String language;
  public Instant startsAt;
  public Integer durationMinutes;
  public String room;
  public String videoUrl;
  public String slidesUrl;

  /** Where talks without a start go: after all others, oldest first, and newest first. */
  static final Instant NO_START_ASCENDING = Instant.parse("9999-01-01T00:00:00Z");

  static final Instant NO_START_DESCENDING = Instant.parse("1000-01-01T00:00:00Z");

  /**
   * The start as the list orders it, one column per direction, so that an index holds each order
   * (an index cannot hold {@code coalesce(starts_at, ...)}): talks without a start come last either
   * way.
   */
  Instant sortStart;

  Instant sortStartDesc;

  /**
   * When the talk begins as its schedule status and year see it ({@link Schedule#begins}): one
   * indexed column, so a list or count by status or year reads a range of an index instead of every
   * talk joined to its conference. Set where the talk is written ({@code TalkService.apply}); a
   * conference whose start date changes updates its talks without a start of their own ({@code
   * ConferenceService.apply}).
   */
  Instant begins;

  /**
   * Whether {@link #videoUrl} is set, and the levels as bits ({@code TalkService.levelMask}):
   * indexed copies, so that a list or count by them reads an index. Set where the talk is written.
   */
  boolean hasVideo;

  int levelMask;

  @PrePersist
  @PreUpdate
  void keepSortStart() {
    sortStart = startsAt != null ? startsAt : NO_START_ASCENDING;
    sortStartDesc = startsAt != null ? startsAt : NO_START_DESCENDING;
  }
}
