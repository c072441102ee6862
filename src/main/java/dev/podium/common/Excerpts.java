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
    String folded = folded(text);
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

  /**
   * The text stripped, each run of white space one space, and no longer than a character past
   * {@link #MAX}: only that much is shown, and abstracts run to several thousand characters.
   */
  private static String folded(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX + 1));
    boolean space = false;
    for (int i = 0; i < text.length() && out.length() <= MAX; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.length() > MAX + 1 ? out.substring(0, MAX + 1) : out.toString();
  }
}
