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
    if (startsAt != null) {
      return now.isBefore(startsAt) ? Status.upcoming : Status.past;
    }
    return of(conferenceStart, now);
  }

  public static Status of(LocalDate start, Instant now) {
    if (start == null) {
      return Status.upcoming;
    }
    return now.isBefore(start.atStartOfDay(ZoneOffset.UTC).toInstant())
        ? Status.upcoming
        : Status.past;
  }

  public static LocalDate today(Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC);
  }
}
