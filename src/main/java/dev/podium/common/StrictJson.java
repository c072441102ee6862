package dev.podium.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Reading JSON strictly where {@code quarkus.jackson.*} has no setting: a body with anything after
 * its one JSON value is malformed (400), not quietly cut short, and so is a string with a NUL
 * character, which PostgreSQL cannot store (see {@link NulCharacters}). Unknown fields are refused
 * in {@code application.properties}.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.registerModule(
        new SimpleModule("podium-strings").addDeserializer(String.class, new NoNul()));
  }

  /** Jackson's own string reading, refusing a NUL character. */
  private static final class NoNul extends StdScalarDeserializer<String> {

    NoNul() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String value = StringDeserializer.instance.deserialize(parser, context);
      if (value != null && value.indexOf('\0') >= 0) {
        throw InvalidFormatException.from(parser, NulCharacters.MESSAGE, value, String.class);
      }
      return value;
    }
  }
}
