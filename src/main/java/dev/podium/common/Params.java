package dev.podium.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Parses query parameters ourselves, so a malformed value answers 400 naming the parameter instead
 * of the 404 that JAX-RS gives for a failed conversion.
 */
public final class Params {

  private Params() {}

  public static int integer(String name, String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw ApiException.badParameter(name, "must be a whole number");
    }
  }

  /**
   * A limit of items, 1 to {@link PageRequest#MAX_LIMIT}, default {@link
   * PageRequest#DEFAULT_LIMIT}.
   */
  public static int limit(String value) {
    int parsed = integer("limit", value, PageRequest.DEFAULT_LIMIT);
    if (parsed < 1 || parsed > PageRequest.MAX_LIMIT) {
      throw ApiException.badParameter("limit", "must be between 1 and " + PageRequest.MAX_LIMIT);
    }
    return parsed;
  }

  public static Integer year(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    int year = integer("year", value, 0);
    if (year < 1 || year > 9999) {
      throw ApiException.badParameter("year", "must be a year between 1 and 9999");
    }
    return year;
  }

  public static Boolean bool(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw ApiException.badParameter(name, "must be true or false");
    };
  }

  public static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ApiException.badParameter(name, "must be a date like 2019-11-11");
    }
  }

  /** A value that must be one of {@code allowed}; null when absent. */
  public static String oneOf(String name, String value, String... allowed) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (!Arrays.asList(allowed).contains(v)) {
      throw ApiException.badParameter(name, "must be one of " + String.join(", ", allowed));
    }
    return v;
  }

  /** Each value must be one of {@code allowed}. */
  public static List<String> allOf(String name, List<String> values, String... allowed) {
    return values == null
        ? List.of()
        : values.stream()
            .filter(v -> v != null && !v.isBlank())
            .map(v -> oneOf(name, v, allowed))
            .distinct()
            .toList();
  }

  /** A slug used as a filter; a malformed one can match nothing, so it is a client mistake. */
  public static String slug(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (!Slugs.isValid(v)) {
      throw ApiException.badParameter(name, "must be a slug (lowercase words joined by hyphens)");
    }
    return v;
  }

  public static List<String> slugs(String name, List<String> values) {
    return values == null
        ? List.of()
        : values.stream()
            .filter(v -> v != null && !v.isBlank())
            .map(v -> slug(name, v))
            .distinct()
            .toList();
  }
}
