package dev.podium.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Predicate;

/**
 * Reading JSON strictly where {@code quarkus.jackson.*} has no setting: a body with anything after
 * its one JSON value is malformed (400), not quietly cut short, and so is a string with a NUL
 * character, which PostgreSQL cannot store (see {@link NulCharacters}), and a date or instant
 * outside the years 1 to 9999 of the catalog format's RFC 3339 dates, which Java reads (as far as
 * year 999999999) but PostgreSQL cannot store. Unknown fields are refused in {@code
 * application.properties}.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

  @Override
  public void customize(ObjectMapper mapper) {
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.registerModule(
        new SimpleModule("podium-strict")
            .addDeserializer(
                String.class,
                new Checked<>(
                    String.class,
                    StringDeserializer.instance,
                    s -> s.indexOf('\0') < 0,
                    NulCharacters.MESSAGE,
                    raw -> true))
            .addDeserializer(
                LocalDate.class,
                new Checked<>(
                    LocalDate.class,
                    LocalDateDeserializer.INSTANCE,
                    d -> inYears(d.getYear()),
                    YEARS,
                    StrictJson::bare))
            .addDeserializer(
                Instant.class,
                new Checked<>(
                    Instant.class,
                    InstantDeserializer.INSTANT,
                    i -> inYears(i.atOffset(ZoneOffset.UTC).getYear()),
                    YEARS,
                    StrictJson::bare)));
  }

  /**
   * Last, after Quarkus registers Jackson's Java time module: of two deserializers for one type,
   * the one registered later wins.
   */
  @Override
  public int priority() {
    return MINIMUM_PRIORITY;
  }

  private static final String YEARS = "must lie in the years 1 to 9999";

  private static boolean inYears(int year) {
    return year >= 1 && year <= 9999;
  }

  /**
   * Whether a date's text is only the date: Jackson trims it first, which also drops control
   * characters such as NUL around it, and "2019-11-11\u0000" is no date.
   */
  private static boolean bare(String text) {
    return text.chars().allMatch(c -> c > ' ');
  }

  /** Jackson's own reading of a {@code T}, refusing a value that {@code allowed} does not take. */
  private static final class Checked<T> extends StdScalarDeserializer<T> {

    private final JsonDeserializer<T> reader;
    private final Predicate<T> allowed;
    private final String message;
    private final Predicate<String> text;

    Checked(
        Class<T> type,
        JsonDeserializer<T> reader,
        Predicate<T> allowed,
        String message,
        Predicate<String> text) {
      super(type);
      this.reader = reader;
      this.allowed = allowed;
      this.message = message;
      this.text = text;
    }

    @Override
    public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      if (parser.currentToken() == JsonToken.VALUE_STRING && !text.test(parser.getText())) {
        throw InvalidFormatException.from(
            parser,
            "is not a date or instant as RFC 3339 writes it",
            parser.getText(),
            handledType());
      }
      T value = reader.deserialize(parser, context);
      if (value != null && !allowed.test(value)) {
        throw InvalidFormatException.from(parser, message, value, handledType());
      }
      return value;
    }
  }
}
