package dev.podium.common;

/** What a client asked of a list: how many items, and from which cursor (null for the start). */
public record PageRequest(int limit, String cursor) {

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 100;

  /** Parses the raw {@code limit} and {@code cursor} query parameters. */
  public static PageRequest of(String limit, String cursor) {
    return new PageRequest(Params.limit(limit), cursor == null || cursor.isBlank() ? null : cursor);
  }

  /** The cursor decoded for {@code list}, or null on the first page. */
  public Cursor after(String list, int keys) {
    return cursor == null ? null : Cursor.decode(cursor, list, keys);
  }
}
