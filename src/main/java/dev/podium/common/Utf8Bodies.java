package dev.podium.common;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses a request body that is not well-formed UTF-8 (RFC 3629) with a 400. Jackson reads some
 * malformed sequences without complaint: an overlong {@code C0 99} becomes U+0019, so a body with
 * broken bytes was stored as different text instead of refused. Checked while the body streams into
 * the parser, so nothing is read twice.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class Utf8Bodies implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    context.setInputStream(new Checked(context.getInputStream()));
    try {
      return context.proceed();
    } catch (IOException | RuntimeException e) {
      // Jackson may wrap it with the path where it stopped.
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof Checked.Malformed) {
          throw ApiException.badRequest("$", "is not valid UTF-8");
        }
      }
      throw e;
    }
  }

  /** Passes bytes on while they form UTF-8, across reads; fails at the first that does not. */
  static final class Checked extends FilterInputStream {

    /** An IOException, so that Jackson passes it on rather than reporting a mapping error. */
    static final class Malformed extends IOException {
      Malformed() {
        super("request body is not UTF-8", null);
      }
    }

    /** Continuation bytes still expected, and the range the next one must be in. */
    private int pending;

    private int low = 0x80;
    private int high = 0xBF;

    Checked(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b < 0) {
        end();
      } else {
        check(b);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n < 0) {
        end();
      }
      for (int i = 0; i < n; i++) {
        check(buffer[offset + i] & 0xFF);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // Every byte must be looked at; skipping reads them.
      long skipped = 0;
      while (skipped < n && read() >= 0) {
        skipped++;
      }
      return skipped;
    }

    private void end() throws Malformed {
      if (pending > 0) {
        throw new Malformed();
      }
    }

    /** The well-formed sequences of RFC 3629, section 4. */
    private void check(int b) throws Malformed {
      if (pending > 0) {
        if (b < low || b > high) {
          throw new Malformed();
        }
        pending--;
        low = 0x80;
        high = 0xBF;
        return;
      }
      if (b < 0x80) {
        return;
      }
      if (b >= 0xC2 && b <= 0xDF) {
        pending = 1;
      } else if (b >= 0xE0 && b <= 0xEF) {
        pending = 2;
        low = b == 0xE0 ? 0xA0 : 0x80; // no overlong forms
        high = b == 0xED ? 0x9F : 0xBF; // no surrogates
      } else if (b >= 0xF0 && b <= 0xF4) {
        pending = 3;
        low = b == 0xF0 ? 0x90 : 0x80;
        high = b == 0xF4 ? 0x8F : 0xBF; // nothing above U+10FFFF
      } else {
        throw new Malformed();
      }
    }
  }
}
