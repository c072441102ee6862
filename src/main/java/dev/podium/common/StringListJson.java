package dev.podium.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/** Stores a short ordered list of strings as a JSON array in one text column. */
@Converter
public class StringListJson implements AttributeConverter<List<String>, String> {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final TypeReference<List<String>> LIST = new TypeReference<>() {};

  @Override
  public String convertToDatabaseColumn(List<String> values) {
    return json(values);
  }

  /** The column text of {@code values}: a JSON array, or null for none. */
  public static String json(List<String> values) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    try {
      return MAPPER.writeValueAsString(values);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Override
  public List<String> convertToEntityAttribute(String json) {
    if (json == null || json.isEmpty()) {
      return List.of();
    }
    try {
      return List.copyOf(MAPPER.readValue(json, LIST));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Corrupt list column", e);
    }
  }
}
