package dev.podium.common;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

  @Test
  void aRefusedConnectionDeepInsideWrappersIsAnOutage() {
    SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused.", "08001");
    assertThat(
            DatabaseOutage.causedBy(
                new IllegalStateException(
                    "Indexing failed", new PersistenceException("could not prepare", refused))))
        .isTrue();
  }

  @Test
  void hibernateAndJdbcConnectionExceptionsAreOutages() {
    assertThat(DatabaseOutage.causedBy(new JDBCConnectionException("gone", new SQLException())))
        .isTrue();
    assertThat(DatabaseOutage.causedBy(new SQLTransientConnectionException("gone"))).isTrue();
  }

  @Test
  void anAgroalAcquisitionTimeoutIsAnOutage() {
    assertThat(DatabaseOutage.causedBy(new SQLException("Sorry, acquisition timeout!"))).isTrue();
    assertThat(
            DatabaseOutage.causedBy(
                new SQLException("Acquisition timeout while waiting for new connection")))
        .isTrue();
  }

  @Test
  void aPostgresqlShutdownIsAnOutage() {
    assertThat(DatabaseOutage.causedBy(new SQLException("terminating connection", "57P01")))
        .isTrue();
  }

  @Test
  void otherFailuresAreNot() {
    assertThat(DatabaseOutage.causedBy(new SQLException("duplicate key", "23505"))).isFalse();
    assertThat(DatabaseOutage.causedBy(new IllegalStateException("bug"))).isFalse();
    assertThat(DatabaseOutage.causedBy(null)).isFalse();
  }

  @Test
  void aStatementThatGaveUpWaitingForALockTimedOut() {
    assertThat(
            DatabaseOutage.timedOut(
                new PersistenceException(
                    "could not execute statement",
                    new SQLException("Timeout trying to lock table", "HYT00"))))
        .isTrue();
    assertThat(DatabaseOutage.timedOut(new SQLException("lock timeout", "55P03"))).isTrue();
    assertThat(DatabaseOutage.timedOut(new SQLException("statement timeout", "57014"))).isTrue();
    assertThat(DatabaseOutage.timedOut(new jakarta.persistence.LockTimeoutException())).isTrue();
    assertThat(DatabaseOutage.timedOut(new SQLException("duplicate key", "23505"))).isFalse();
    assertThat(DatabaseOutage.causedBy(new SQLException("lock timeout", "55P03"))).isFalse();
  }
}
