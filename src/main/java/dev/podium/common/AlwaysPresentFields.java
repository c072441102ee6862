package dev.podium.common;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Marks every property of the schemas that only successful answers use as required. Output records
 * are written with all their fields (an empty one as {@code null}), so a client generated from the
 * document can rely on each field being there, and a diff of two documents sees a removed field as
 * the breaking change it is. Schemas that a request body or a problem also uses (inputs, the
 * catalog format, problems) leave out empty fields and keep their own {@code required} lists.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class AlwaysPresentFields implements OASFilter {

  private static final String PREFIX = "#/components/schemas/";

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getPaths() == null
        || openAPI.getComponents() == null
        || openAPI.getComponents().getSchemas() == null) {
      return;
    }
    Map<String, Schema> components = openAPI.getComponents().getSchemas();
    List<Schema> outputs = new ArrayList<>();
    List<Schema> others = new ArrayList<>();
    openAPI
        .getPaths()
        .getPathItems()
        .values()
        .forEach(item -> item.getOperations().values().forEach(op -> sort(op, outputs, others)));
    Set<String> shared = reachable(others, components);
    Set<String> written = reachable(outputs, components);
    written.removeAll(shared);
    written.forEach(name -> requireAll(components.get(name)));
  }

  private static void sort(Operation op, List<Schema> outputs, List<Schema> others) {
    if (op.getRequestBody() != null) {
      schemas(op.getRequestBody().getContent(), others::add);
    }
    if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
      op.getResponses()
          .getAPIResponses()
          .forEach(
              (status, response) ->
                  schemas(
                      response.getContent(), status.startsWith("2") ? outputs::add : others::add));
    }
  }

  private static void schemas(Content content, Consumer<Schema> to) {
    if (content != null && content.getMediaTypes() != null) {
      content.getMediaTypes().values().stream()
          .filter(media -> media.getSchema() != null)
          .forEach(media -> to.accept(media.getSchema()));
    }
  }

  /** The names of the component schemas that these schemas use, directly or through others. */
  private static Set<String> reachable(List<Schema> roots, Map<String, Schema> components) {
    Set<String> names = new HashSet<>();
    Deque<Schema> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      Schema schema = todo.pop();
      String ref = schema.getRef();
      if (ref != null && ref.startsWith(PREFIX)) {
        String name = ref.substring(PREFIX.length());
        if (names.add(name) && components.containsKey(name)) {
          todo.push(components.get(name));
        }
      }
      children(schema).forEach(todo::push);
    }
    return names;
  }

  private static List<Schema> children(Schema schema) {
    List<Schema> children = new ArrayList<>();
    if (schema.getProperties() != null) {
      children.addAll(schema.getProperties().values());
    }
    if (schema.getItems() != null) {
      children.add(schema.getItems());
    }
    if (schema.getAdditionalPropertiesSchema() != null) {
      children.add(schema.getAdditionalPropertiesSchema());
    }
    children.addAll(all(schema.getAllOf()));
    children.addAll(all(schema.getAnyOf()));
    children.addAll(all(schema.getOneOf()));
    return children;
  }

  private static List<Schema> all(List<Schema> schemas) {
    return schemas == null ? List.of() : schemas;
  }

  /** Every property required, in the order of the properties; inline objects likewise. */
  private static void requireAll(Schema schema) {
    if (schema == null || schema.getProperties() == null || schema.getProperties().isEmpty()) {
      return;
    }
    schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
    schema.getProperties().values().stream()
        .filter(property -> property.getRef() == null)
        .forEach(AlwaysPresentFields::requireAll);
  }
}
