package dev.podium.common;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: the items and where the list goes on. */
public record Page<T>(List<T> items, Info page) {

  /** Paging facts: the limit applied, the cursor of the next page (null on the last), the total. */
  @Schema(name = "PageInfo")
  public record Info(
      @Schema(example = "20") int limit,
      @Schema(
              example = "dGFsa3M6c3RhcnRzQXQfMjAxOS0xMS0xMVQxODozNTowMFofbW9uaXRvcmluZw",
              nullable = true)
          String next,
      @Schema(example = "123") long total) {}

  /**
   * Builds a page from up to {@code limit + 1} rows fetched in order: the extra row only tells that
   * a next page exists, whose cursor is made from the last row served.
   */
  public static <E, T> Page<T> of(
      List<E> rows,
      PageRequest request,
      long total,
      Function<E, Cursor> cursor,
      Function<E, T> map) {
    boolean more = rows.size() > request.limit();
    List<E> served = more ? rows.subList(0, request.limit()) : rows;
    String next = more ? cursor.apply(served.get(served.size() - 1)).encode() : null;
    return new Page<>(served.stream().map(map).toList(), new Info(request.limit(), next, total));
  }
}
