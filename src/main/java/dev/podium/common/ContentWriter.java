package dev.podium.common;

import dev.podium.changes.ChangeLog;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.transaction.Transactional;
import java.util.function.BiConsumer;

/**
 * Create, replace and delete for one kind of content, the same way for every kind: slugs are unique
 * (409), references must exist (422), {@code If-Match} must name the current representation (412),
 * what is still referenced is not deleted (409), and every write that changes something appends to
 * the change log in the same transaction. Each write takes the change-log lock before it reads, so
 * it sees every write committed before it: of two creates of one slug the second is a 409, and of
 * two writers holding the same tag the second is a 412.
 *
 * @param <E> the entity
 * @param <I> the input record (the catalog format of the kind)
 * @param <D> the detail record that GET serves and {@code If-Match} is checked against
 */
public abstract class ContentWriter<E extends PanacheEntityBase, I, D> {

  protected final ChangeLog changes;
  protected final ETags etags;
  protected final References references;

  /** For the CDI client proxy only. */
  protected ContentWriter() {
    this(null, null, null);
  }

  protected ContentWriter(ChangeLog changes, ETags etags, References references) {
    this.changes = changes;
    this.etags = etags;
    this.references = references;
  }

  /** The kind as the change log and problems name it: "talk", "speaker", … */
  public abstract String kind();

  /** The entity with this slug, locked for update when {@code forUpdate}; null if none. */
  public abstract E find(String slug, boolean forUpdate);

  public abstract E newEntity();

  /** The slug an input asks for, or null. */
  public abstract String slugOf(I input);

  /** The name or title a slug is made from when an input has none. */
  protected abstract String titleOf(I input);

  protected abstract I withSlug(I input, String slug);

  /** Copies the input onto the entity, recording bad references in {@code in}. */
  public abstract void apply(E entity, I input, Inputs in);

  /**
   * Hands each slug the input refers to, with its kind, to {@code refer}, so that an import can
   * look up the references of all its entries together. Only a lookup ahead: {@link #apply}
   * resolves and checks them all the same.
   */
  public void references(I input, BiConsumer<Class<?>, String> refer) {}

  /** The entity in the catalog format, to compare and to export. */
  public abstract I toInput(E entity);

  public abstract D detail(E entity);

  /** Throws 409 naming what still refers to the entity. */
  protected abstract void requireUnreferenced(E entity);

  public E require(String slug) {
    E entity = find(slug, false);
    if (entity == null) {
      throw ApiException.notFound(kind(), slug);
    }
    return entity;
  }

  @Transactional
  public D create(I input) {
    changes.lock();
    String slug = slugOf(input) != null ? slugOf(input) : Slugs.of(titleOf(input));
    if (slug == null) {
      throw ApiException.badRequest("$.slug", "cannot be made from the name; give one");
    }
    if (find(slug, false) != null) {
      throw ApiException.conflict("A " + kind() + " with slug '" + slug + "' already exists.");
    }
    E entity = newEntity();
    Inputs in = Inputs.single(references);
    apply(entity, withSlug(input, slug), in);
    in.throwIfInvalid();
    entity.persist();
    changes.record(kind(), slug, ChangeLog.UPSERT);
    return detail(entity);
  }

  @Transactional
  public D replace(String slug, I input, String ifMatch) {
    E entity = lockedForWrite(slug, ifMatch);
    if (slugOf(input) != null && !slugOf(input).equals(slug)) {
      throw ApiException.badRequest("$.slug", "must be the slug of the address, '" + slug + "'");
    }
    I before = toInput(entity);
    Inputs in = Inputs.single(references);
    apply(entity, withSlug(input, slug), in);
    in.throwIfInvalid();
    if (!before.equals(toInput(entity))) {
      changes.record(kind(), slug, ChangeLog.UPSERT);
    }
    return detail(entity);
  }

  @Transactional
  public void delete(String slug, String ifMatch) {
    E entity = lockedForWrite(slug, ifMatch);
    requireUnreferenced(entity);
    entity.delete();
    changes.record(kind(), slug, ChangeLog.DELETE);
  }

  private E lockedForWrite(String slug, String ifMatch) {
    changes.lock();
    E entity = find(slug, true);
    if (entity == null) {
      throw ApiException.notFound(kind(), slug);
    }
    etags.require(ifMatch, detail(entity));
    return entity;
  }
}
