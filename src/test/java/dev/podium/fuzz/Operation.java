package dev.podium.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One operation of the served OpenAPI document: its method and path template, its parameters, the
 * schema of its JSON body (null when it takes none) and the roles its bearer token may carry (empty
 * for public reads). Every {@code $ref} is resolved, so the schemas are self-contained.
 */
record Operation(String method, String path, List<Param> params, JsonNode body, Set<String> roles) {

  /** A path, query or header parameter. */
  record Param(String name, String in, JsonNode schema) {}

  private static final List<String> METHODS = List.of("get", "post", "put", "delete");

  boolean isWrite() {
    return !method.equals("GET");
  }

  /** The collection the path is about: {@code talks} for {@code /api/v1/talks/{slug}/related}. */
  String kind() {
    return path.split("/")[3];
  }

  boolean hasSlug() {
    return path.contains("{slug}");
  }

  /** The operations under {@code /api/} of an OpenAPI 3 document. */
  static List<Operation> all(JsonNode document) {
    List<Operation> operations = new ArrayList<>();
    JsonNode components = document.path("components").path("schemas");
    for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      if (!path.getKey().startsWith("/api/")) {
        continue;
      }
      for (String method : METHODS) {
        JsonNode op = path.getValue().get(method);
        if (op == null) {
          continue;
        }
        List<Param> params = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
          params.add(
              new Param(
                  p.get("name").asText(),
                  p.get("in").asText(),
                  resolve(p.path("schema"), components, 0)));
        }
        JsonNode body = op.path("requestBody").path("content").path("application/json");
        Set<String> roles = new LinkedHashSet<>();
        for (JsonNode requirement : op.path("security")) {
          requirement.path("bearer").forEach(role -> roles.add(role.asText()));
        }
        operations.add(
            new Operation(
                method.toUpperCase(),
                path.getKey(),
                params,
                body.isMissingNode() ? null : resolve(body.path("schema"), components, 0),
                roles));
      }
    }
    return operations;
  }

  /** A copy of {@code schema} with every {@code $ref} replaced by what it names. */
  private static JsonNode resolve(JsonNode schema, JsonNode components, int depth) {
    if (!schema.isObject() || depth > 20) {
      return schema;
    }
    ObjectNode out = ((ObjectNode) schema).deepCopy();
    if (out.has("$ref")) {
      String name = out.remove("$ref").asText().replace("#/components/schemas/", "");
      ObjectNode target = (ObjectNode) resolve(components.get(name), components, depth + 1);
      target.fields().forEachRemaining(e -> out.putIfAbsent(e.getKey(), e.getValue()));
    }
    if (out.has("items")) {
      out.set("items", resolve(out.get("items"), components, depth + 1));
    }
    if (out.has("properties")) {
      ObjectNode properties = (ObjectNode) out.get("properties");
      properties
          .fieldNames()
          .forEachRemaining(
              name -> properties.set(name, resolve(properties.get(name), components, depth + 1)));
    }
    return out;
  }
}
