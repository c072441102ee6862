package dev.podium.search;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;

/**
 * Formats highlighted passages for HTML: matched terms in {@code <mark>}, everything else escaped,
 * each fragment at most {@link #MAX} characters of text, centred on its first match.
 */
final class Highlights extends PassageFormatter {

  static final int MAX = 200;
  private static final String ELLIPSIS = "…";

  /** Separates the fragments of one field in the string the highlighter hands back. */
  static final String SEPARATOR = "\u001e";

  @Override
  public String format(Passage[] passages, String content) {
    List<String> fragments = new ArrayList<>();
    for (Passage passage : passages) {
      if (passage.getNumMatches() > 0) {
        fragments.add(fragment(passage, content));
      }
    }
    return String.join(SEPARATOR, fragments);
  }

  static List<String> split(String formatted) {
    return formatted == null || formatted.isEmpty()
        ? List.of()
        : List.of(formatted.split(SEPARATOR));
  }

  private static String fragment(Passage p, String content) {
    int start = p.getStartOffset();
    int end = p.getEndOffset();
    boolean cutStart = false;
    boolean cutEnd = false;
    if (end - start > MAX) {
      int first = p.getMatchStarts()[0];
      int from = Math.max(start, first - 60);
      if (from > start) {
        int space = content.indexOf(' ', from);
        from = space >= 0 && space < first ? space + 1 : from;
        cutStart = true;
      }
      int budget = MAX - (cutStart ? 1 : 0) - 1;
      int to = Math.min(end, from + budget);
      if (to < end) {
        int space = content.lastIndexOf(' ', to);
        to = space > first ? space : to;
        cutEnd = true;
      }
      start = from;
      end = to;
    }
    StringBuilder out = new StringBuilder();
    if (cutStart) {
      out.append(ELLIPSIS);
    }
    int pos = start;
    for (int i = 0; i < p.getNumMatches(); i++) {
      int ms = p.getMatchStarts()[i];
      int me = p.getMatchEnds()[i];
      if (ms < pos || me > end) {
        continue;
      }
      escape(out, content, pos, ms);
      out.append("<mark>");
      escape(out, content, ms, me);
      out.append("</mark>");
      pos = me;
    }
    escape(out, content, pos, end);
    String text = out.toString().strip();
    return cutEnd ? text + ELLIPSIS : text;
  }

  private static void escape(StringBuilder out, String content, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = content.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '\n', '\r', '\t' -> out.append(' ');
        default -> out.append(c);
      }
    }
  }
}
