package dev.podium.security;

/**
 * The roles a bearer token grants through its {@code groups} claim. Reads need none.
 *
 * <p>An admin may also do what an editor may: an admin can rewrite everything with one catalog
 * import anyway, so refusing single writes would protect nothing and only force tokens with both
 * roles.
 */
public final class Roles {

  /** Creates, replaces and deletes topics, conferences, speakers, talks and interviews. */
  public static final String EDITOR = "editor";

  /** Imports catalogs and rebuilds the search index; may also write content. */
  public static final String ADMIN = "admin";

  private Roles() {}
}
