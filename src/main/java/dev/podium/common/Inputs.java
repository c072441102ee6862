package dev.podium.common;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Collects what is wrong with one input as field errors under a JSON path prefix ("$" for a single
 * write, "$.talks[3]" inside a catalog), and resolves references by slug.
 */
public final class Inputs {

  private final String path;
  private final References refs;
  private final List<Problem.FieldError> errors;
  private boolean unknownReferences;

  public Inputs(String path, References refs, List<Problem.FieldError> errors) {
    this.path = path;
    this.refs = refs;
    this.errors = errors;
  }

  /** For one write through the API: paths start at "$". */
  public static Inputs single(References refs) {
    return new Inputs("$", refs, new ArrayList<>());
  }

  /** A rule that the input breaks (not an unknown reference). */
  public void error(String field, String message) {
    add(field, message);
  }

  private void add(String field, String message) {
    errors.add(new Problem.FieldError(path + "." + field, message));
  }

  /** The referenced entity, or null with an error recorded when the slug is unknown. */
  public <T> T ref(Class<T> type, String field, String slug) {
    if (slug == null) {
      return null;
    }
    T found = refs.find(type, slug);
    if (found == null) {
      unknownReferences = true;
      add(field, "no " + type.getSimpleName().toLowerCase() + " with slug '" + slug + "'");
    }
    return found;
  }

  /** Each referenced entity in order; unknown and repeated slugs are recorded as errors. */
  public <T> List<T> refs(Class<T> type, String field, List<String> slugs) {
    List<T> found = new ArrayList<>();
    if (slugs == null) {
      return found;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < slugs.size(); i++) {
      String slug = slugs.get(i);
      if (!seen.add(slug)) {
        error(field + "[" + i + "]", "is listed twice");
        continue;
      }
      T entity = ref(type, field + "[" + i + "]", slug);
      if (entity != null) {
        found.add(entity);
      }
    }
    return found;
  }

  /** Each element of a list that may be missing. */
  public static <T> void each(List<T> list, Consumer<T> action) {
    if (list != null) {
      list.forEach(action);
    }
  }

  public List<Problem.FieldError> errors() {
    return errors;
  }

  /** Throws 422 when a single write refers to something that does not exist or breaks a rule. */
  public void throwIfInvalid() {
    if (!errors.isEmpty()) {
      throw unknownReferences
          ? ApiException.unknownReferences(List.copyOf(errors))
          : ApiException.invalidContent(List.copyOf(errors));
    }
  }

  /** Leaves an unchanged collection alone, so Hibernate does not rewrite its join rows. */
  public static <T> void replaceIfChanged(List<T> current, List<T> wanted) {
    if (!current.equals(wanted)) {
      current.clear();
      current.addAll(wanted);
    }
  }
}
