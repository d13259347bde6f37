package dev.labkit.data;

import dev.labkit.ground.UserError;
import java.net.URI;
import java.net.URISyntaxException;

/** Checks the base URL a dataset is downloaded from. */
final class Mirrors {
  private Mirrors() {}

  /** {@code url} with a trailing slash, so file names resolve inside it; empty stays empty. */
  static String normalize(String url) {
    if (url == null || url.isBlank()) {
      return "";
    }
    String base = url.trim().endsWith("/") ? url.trim() : url.trim() + "/";
    try {
      URI uri = new URI(base);
      String scheme = uri.getScheme();
      if (uri.getHost() == null || scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
        throw new UserError("mirror must be an http:// or https:// URL, got '" + url + "'");
      }
    } catch (URISyntaxException e) {
      throw new UserError("mirror must be an http:// or https:// URL, got '" + url + "'");
    }
    return base;
  }
}
