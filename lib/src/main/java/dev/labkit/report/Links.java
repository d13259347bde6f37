package dev.labkit.report;

import java.nio.charset.StandardCharsets;

/** Relative links between pages. Relative so that the site works from file:// and from the server. */
final class Links {
  private Links() {}

  /** Joins path segments into a URL path, percent-encoding each so any folder name is a safe link. */
  static String relative(String... segments) {
    StringBuilder out = new StringBuilder();
    for (String segment : segments) {
      if (!out.isEmpty()) {
        out.append('/');
      }
      out.append(encode(segment));
    }
    return out.toString();
  }

  /** Percent-encodes everything but RFC 3986's unreserved characters. */
  static String encode(String segment) {
    StringBuilder out = new StringBuilder();
    for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      boolean unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~';
      if (unreserved) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  /** The link from a run page back to the site root: runs/&lt;experiment&gt;/&lt;run-id&gt;/ is three deep. */
  static final String RUN_TO_ROOT = "../../../";
}
