package dev.podium;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Bearer tokens for tests, signed with the dev-only key in {@code dev-keys/} that the test profile
 * trusts: the same tokens {@code scripts/token.sh} mints.
 */
public final class Tokens {

  public static final String ISSUER = "urn:podium:dev-only";
  private static final PrivateKey DEV_KEY = read(Path.of("dev-keys/private.pem"));

  private Tokens() {}

  /** A token for {@code roles}, valid for an hour. */
  public static String withRoles(String... roles) {
    return claims(roles).sign(DEV_KEY);
  }

  /** The claims of a token for {@code roles}, to change before signing. */
  public static JwtClaimsBuilder claims(String... roles) {
    return Jwt.issuer(ISSUER)
        .subject("test")
        .upn("test")
        .groups(Set.of(roles))
        .issuedAt(Instant.now())
        .expiresIn(Duration.ofHours(1));
  }

  /** Signs with the dev key. */
  public static String sign(JwtClaimsBuilder claims) {
    return claims.sign(DEV_KEY);
  }

  /** A fresh RSA key nobody trusts. */
  public static PrivateKey untrustedKey() {
    try {
      return KeyUtils.generateKeyPair(2048).getPrivate();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static PrivateKey read(Path pem) {
    try {
      return KeyUtils.decodePrivateKey(Files.readString(pem));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
