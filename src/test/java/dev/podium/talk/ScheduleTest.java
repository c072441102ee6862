package dev.podium.talk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.podium.talk.Schedule.Status;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ScheduleTest {

  private static final Instant START = Instant.parse("2019-11-11T16:00:00Z");
  private static final LocalDate CONFERENCE = LocalDate.parse("2019-11-11");

  @Test
  void aTalkIsUpcomingUntilItStarts() {
    assertThat(Schedule.of(START, CONFERENCE, START.minusSeconds(1))).isEqualTo(Status.upcoming);
    assertThat(Schedule.of(START, CONFERENCE, START)).isEqualTo(Status.past);
    assertThat(Schedule.of(START, CONFERENCE, START.plusSeconds(3600))).isEqualTo(Status.past);
  }

  @Test
  void itsOwnStartWinsOverItsConference() {
    Instant conferenceBegan = Instant.parse("2019-11-11T09:00:00Z");
    assertThat(Schedule.of(START, CONFERENCE, conferenceBegan)).isEqualTo(Status.upcoming);
  }

  @Test
  void withoutAStartTimeItFollowsItsConferenceFirstDay() {
    assertThat(Schedule.of(null, CONFERENCE, Instant.parse("2019-11-10T23:59:59Z")))
        .isEqualTo(Status.upcoming);
    assertThat(Schedule.of(null, CONFERENCE, Instant.parse("2019-11-11T00:00:00Z")))
        .isEqualTo(Status.past);
  }

  @Test
  void withoutAnyDateItIsUpcoming() {
    assertThat(Schedule.of(null, null, Instant.parse("2030-01-01T00:00:00Z")))
        .isEqualTo(Status.upcoming);
  }
}
