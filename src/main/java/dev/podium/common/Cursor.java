package dev.podium.common;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An opaque keyset position: the list it belongs to and the sort keys of the last item served.
 * Encoded as URL-safe Base64 so clients treat it as a token, not something to build.
 */
public record Cursor(String list, List<String> keys) {

  private static final char SEP = '\u001f';

  public Cursor {
    keys = List.copyOf(keys);
  }

  public static Cursor of(String list, String... keys) {
    return new Cursor(list, List.of(keys));
  }

  public String encode() {
    StringBuilder raw = new StringBuilder(list);
    for (String key : keys) {
      raw.append(SEP).append(key);
    }
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.toString().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads a cursor that must belong to {@code list} and carry {@code size} keys, none with a NUL
   * character; anything else is a 400 naming the {@code cursor} parameter.
   */
  public static Cursor decode(String token, String list, int size) {
    return decode(token, list, size, "cursor");
  }

  /**
   * As {@link #decode(String, String, int)}, for a cursor passed in the parameter {@code param}.
   */
  public static Cursor decode(String token, String list, int size, String param) {
    String raw;
    try {
      raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw malformed(param);
    }
    List<String> parts = new ArrayList<>(List.of(raw.split(String.valueOf(SEP), -1)));
    // No key the server gives out holds a NUL, and PostgreSQL fails a statement that compares one.
    if (parts.size() != size + 1 || !parts.get(0).equals(list) || raw.indexOf('\0') >= 0) {
      throw malformed(param);
    }
    return new Cursor(parts.remove(0), parts);
  }

  public String key(int i) {
    return keys.get(i);
  }

  /** Key {@code i} as a date; one the server could not have given out is a 400. */
  public LocalDate date(int i) {
    try {
      LocalDate date = LocalDate.parse(keys.get(i));
      if (inYears(date.getYear())) {
        return date;
      }
    } catch (DateTimeException e) {
      // falls through to the 400
    }
    throw malformed("cursor");
  }

  /** Key {@code i} as an instant; one the server could not have given out is a 400. */
  public Instant instant(int i) {
    try {
      Instant instant = Instant.parse(keys.get(i));
      if (inYears(instant.atOffset(ZoneOffset.UTC).getYear())) {
        return instant;
      }
    } catch (DateTimeException e) {
      // falls through to the 400
    }
    throw malformed("cursor");
  }

  /** The years a database can compare; a forged key beyond them failed the statement. */
  private static boolean inYears(int year) {
    return year >= 1 && year <= 9999;
  }

  private static ApiException malformed(String param) {
    return ApiException.badParameter(param, "is not a cursor of this list; use page.next as given");
  }
}
