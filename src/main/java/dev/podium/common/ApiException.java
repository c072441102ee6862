package dev.podium.common;

import java.time.Duration;
import java.util.List;

/**
 * A failure a client caused or can act on. The one exception mapper turns it into an RFC 9457
 * problem; services throw it through the static factories so titles and types stay stable.
 */
public class ApiException extends RuntimeException {

  private final int status;
  private final String title;
  private final List<Problem.FieldError> errors;
  private final int retryAfter;

  private ApiException(int status, String title, String detail, List<Problem.FieldError> errors) {
    this(status, title, detail, errors, 0);
  }

  private ApiException(
      int status, String title, String detail, List<Problem.FieldError> errors, int retryAfter) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
    this.retryAfter = retryAfter;
  }

  public static ApiException notFound(String kind, String slug) {
    return new ApiException(
        404, "Not found", "No " + kind + " with slug '" + slug + "'.", List.of());
  }

  public static ApiException badParameter(String name, String message) {
    return new ApiException(
        400,
        "Invalid parameter",
        "Query parameter '" + name + "' " + message + ".",
        List.of(new Problem.FieldError(name, message)));
  }

  public static ApiException badRequest(String field, String message) {
    return new ApiException(
        400,
        "Invalid request",
        field + ": " + message,
        List.of(new Problem.FieldError(field, message)));
  }

  public static ApiException unknownReferences(List<Problem.FieldError> errors) {
    return new ApiException(
        422, "Unknown reference", "The request refers to something that does not exist.", errors);
  }

  /** Well-formed input that breaks a rule across fields (dates out of order, a topic cycle). */
  public static ApiException invalidContent(List<Problem.FieldError> errors) {
    return new ApiException(
        422,
        "Invalid content",
        "The request breaks a rule of the content; errors say which.",
        errors);
  }

  public static ApiException invalidCatalog(List<Problem.FieldError> errors) {
    return new ApiException(
        422,
        "Invalid catalog",
        errors.size()
            + " entr"
            + (errors.size() == 1 ? "y is" : "ies are")
            + " invalid; nothing was imported.",
        errors);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(409, "Conflict", detail, List.of());
  }

  public static ApiException preconditionFailed() {
    return new ApiException(
        412,
        "Precondition failed",
        "The resource has changed since the tag in If-Match was issued; fetch it again.",
        List.of());
  }

  /** Every write while no key to verify bearer tokens is configured; see security.WriteAccess. */
  public static ApiException writesDisabled() {
    return new ApiException(
        503,
        "Writes disabled",
        "Writes are disabled: this server has no key configured to verify bearer tokens."
            + " Reads work as usual.",
        List.of());
  }

  /** A request that waited {@code waited} for its turn among too many {@code what} in vain. */
  public static ApiException busy(String what, Duration waited) {
    return new ApiException(
        503,
        "Busy",
        "Too many "
            + what
            + " are running; this one waited "
            + waited.toMillis()
            + " ms for its turn. Try again after Retry-After seconds.",
        List.of(),
        1);
  }

  /** A request body over {@code limit}, as given in the configuration (1M, 64M). */
  public static ApiException bodyTooLarge(String limit) {
    return new ApiException(
        413,
        "Request Entity Too Large",
        "The request body is larger than the " + limit + " this address accepts.",
        List.of());
  }

  /** Seconds after which the same request may succeed ({@code Retry-After}); 0 for none. */
  public int retryAfter() {
    return retryAfter;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }
}
