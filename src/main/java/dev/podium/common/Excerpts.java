package dev.podium.common;

/** Shortens long text for summaries: at most {@link #MAX} characters, cut at a word boundary. */
public final class Excerpts {

  public static final int MAX = 300;
  private static final String ELLIPSIS = "…";

  private Excerpts() {}

  /** The text with runs of white space folded, cut before {@link #MAX} with "…" when too long. */
  public static String of(String text) {
    if (text == null) {
      return null;
    }
    String folded = text.strip().replaceAll("\\s+", " ");
    if (folded.length() <= MAX) {
      return folded;
    }
    int limit = MAX - ELLIPSIS.length();
    int cut = folded.lastIndexOf(' ', limit);
    if (cut <= 0) {
      cut = limit;
      if (Character.isHighSurrogate(folded.charAt(cut - 1))) {
        cut--;
      }
    }
    String head = folded.substring(0, cut).stripTrailing();
    while (!head.isEmpty() && ",;:-–—(".indexOf(head.charAt(head.length() - 1)) >= 0) {
      head = head.substring(0, head.length() - 1).stripTrailing();
    }
    return head + ELLIPSIS;
  }
}
