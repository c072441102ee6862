package dev.podium.talk;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Whether something is still to come. A talk is upcoming until it starts: at its own start time
 * when it has one, else when its conference begins (the start of its first day, UTC). Without any
 * date it counts as upcoming: announced, not yet scheduled.
 */
public final class Schedule {

  /** The schedule status of a talk or a conference. */
  @Schema(name = "ScheduleStatus")
  public enum Status {
    upcoming,
    past
  }

  private Schedule() {}

  public static Status of(Instant startsAt, LocalDate conferenceStart, Instant now) {
    return now.isBefore(begins(startsAt, conferenceStart)) ? Status.upcoming : Status.past;
  }

  public static Status of(LocalDate start, Instant now) {
    if (start == null) {
      return Status.upcoming;
    }
    return now.isBefore(start.atStartOfDay(ZoneOffset.UTC).toInstant())
        ? Status.upcoming
        : Status.past;
  }

  /** When a talk with no date at all begins: after any now, so it stays upcoming. */
  public static final Instant NOT_SCHEDULED = Instant.parse("9999-01-01T00:00:00Z");

  /**
   * When a talk begins: its own start, else the start of its conference's first day (UTC), else
   * {@link #NOT_SCHEDULED}. A talk is upcoming while now is before it, and of the year it falls in.
   */
  public static Instant begins(Instant startsAt, LocalDate conferenceStart) {
    if (startsAt != null) {
      return startsAt;
    }
    return conferenceStart == null
        ? NOT_SCHEDULED
        : conferenceStart.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  public static LocalDate today(Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC);
  }
}
