package dev.podium.common;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells a database that cannot be reached (stopped, restarting, unreachable, or every pooled
 * connection busy), or a statement that gave up waiting for a lock, from other failures. Such a
 * failure is not a bug: the request is answered 503 with {@code Retry-After}, and background work
 * waits for the database to come back.
 */
public final class DatabaseOutage {

  /** Seconds a client is asked to wait before trying again. */
  public static final int RETRY_AFTER_SECONDS = 5;

  // Agroal's only signal for "no connection within the acquisition timeout" is its message
  // ("Sorry, acquisition timeout!", "Acquisition timeout while waiting for new connection").
  private static final String ACQUISITION_TIMEOUT = "acquisition timeout";
  // Hibernate and the transaction manager wrap the driver's exception a few levels deep.
  private static final int MAX_DEPTH = 16;

  private DatabaseOutage() {}

  /** True when {@code failure} or one of its causes says the database cannot be reached. */
  public static boolean causedBy(Throwable failure) {
    Throwable t = failure;
    for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
      if (t instanceof JDBCConnectionException
          || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql
          && (unreachableState(sql.getSQLState())
              || (sql.getMessage() != null
                  && sql.getMessage().toLowerCase(Locale.ROOT).contains(ACQUISITION_TIMEOUT)))) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when {@code failure} or one of its causes is a statement that stopped waiting: for a lock
   * another transaction holds (a write queued behind a long catalog import) or for its time limit.
   * H2 says HYT00 (its {@code LOCK_TIMEOUT}) or 57014, PostgreSQL 55P03 ({@code lock_timeout}) or
   * 57014 ({@code statement_timeout}). The transaction is rolled back, so nothing was written.
   */
  public static boolean timedOut(Throwable failure) {
    Throwable t = failure;
    for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
      if (t instanceof jakarta.persistence.LockTimeoutException
          || t instanceof jakarta.persistence.QueryTimeoutException
          || (t instanceof SQLException sql
              && ("HYT00".equals(sql.getSQLState())
                  || "55P03".equals(sql.getSQLState())
                  || "57014".equals(sql.getSQLState())))) {
        return true;
      }
    }
    return false;
  }

  /**
   * SQLSTATE class 08 is "connection exception"; 57P01 to 57P03 are PostgreSQL's administrator
   * shutdown, crash shutdown and "cannot connect now" (starting up or shutting down).
   */
  static boolean unreachableState(String state) {
    return state != null
        && (state.startsWith("08")
            || state.equals("57P01")
            || state.equals("57P02")
            || state.equals("57P03"));
  }
}
