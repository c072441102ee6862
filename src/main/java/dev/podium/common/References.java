package dev.podium.common;

/**
 * Looks up what a write refers to by slug: the database for a single write, or the database plus
 * the document being imported for a catalog.
 */
@FunctionalInterface
public interface References {

  /** The entity of {@code type} with {@code slug}, or null when there is none. */
  <T> T find(Class<T> type, String slug);
}
