package dev.podium.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Entity tags are a hash of the JSON a GET serves, so a tag changes exactly when what a client sees
 * changes (a renamed speaker changes the tags of their talks too). Writes compare {@code If-Match}
 * against the tag of the current representation.
 */
@ApplicationScoped
public class ETags {

  private final ObjectMapper mapper;

  public ETags(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  public byte[] json(Object body) {
    try {
      return mapper.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String of(Object body) {
    return of(json(body));
  }

  public static String of(byte[] json) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(json);
      return '"'
          + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16))
          + '"';
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Throws 412 unless {@code ifMatch} is absent, {@code *} or lists the current tag. */
  public void require(String ifMatch, Object current) {
    if (ifMatch != null && !ifMatch.isBlank() && !matches(ifMatch, of(current))) {
      throw ApiException.preconditionFailed();
    }
  }

  /** Whether a list of tags as sent in If-Match or If-None-Match names {@code tag}. */
  public static boolean matches(String header, String tag) {
    if (header == null) {
      return false;
    }
    for (String candidate : header.split(",")) {
      String c = candidate.strip();
      if (c.equals("*") || c.equals(tag) || (c.startsWith("W/") && c.substring(2).equals(tag))) {
        return true;
      }
    }
    return false;
  }
}
