package dev.podium.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** The slug rules: lowercase ASCII words joined by single hyphens, at most 120 characters. */
public final class Slugs {

  public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
  public static final int MAX = 120;
  private static final Pattern VALID = Pattern.compile(PATTERN);
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");

  private Slugs() {}

  public static boolean isValid(String slug) {
    return slug != null && slug.length() <= MAX && VALID.matcher(slug).matches();
  }

  /** A slug made from a name or title ("Café & Résumé 2.0" gives "cafe-resume-2-0"), or null. */
  public static String of(String text) {
    if (text == null) {
      return null;
    }
    String ascii = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
    String slug = NON_ALNUM.matcher(ascii.toLowerCase(Locale.ROOT)).replaceAll("-");
    slug = trimHyphens(slug);
    if (slug.length() > MAX) {
      int cut = slug.lastIndexOf('-', MAX);
      slug = trimHyphens(slug.substring(0, cut > 0 ? cut : MAX));
    }
    return slug.isEmpty() ? null : slug;
  }

  private static String trimHyphens(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '-') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == '-') {
      end--;
    }
    return s.substring(start, end);
  }
}
