package dev.labkit.data;

import dev.labkit.ground.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Downloads one dataset file into the cache so that the cache only ever holds verified files: the bytes
 * go to a temporary file in the same folder, are checked, and only then renamed to their real name in
 * one atomic step. On any failure the temporary file is deleted.
 */
final class Downloader {
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(15))
      .followRedirects(HttpClient.Redirect.NORMAL)
      .build();

  /** The server could not be reached or did not send the file: the caller reports where it looked. */
  static final class Unavailable extends Exception {
    Unavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private Downloader() {}

  /** Checks a downloaded file before it is kept; throws a {@link UserError} naming {@code where} if it is bad. */
  interface Verifier {
    void verify(String where, Path downloaded, String fix) throws IOException;
  }

  /** Downloads {@code file} from {@code baseUrl} into {@code dir}, verified; returns its final path. */
  static Path download(String baseUrl, Path dir, DataFile file, int dims, Consumer<String> progress)
      throws Unavailable {
    return download(baseUrl, dir, file.name(),
        (where, temp, fix) -> Checks.verified(where, Files.readAllBytes(temp), file, dims, true, fix), progress);
  }

  /** Downloads {@code name} from {@code baseUrl} into {@code dir}, checked by {@code verifier}; returns its path. */
  static Path download(String baseUrl, Path dir, String name, Verifier verifier, Consumer<String> progress)
      throws Unavailable {
    URI url = URI.create(baseUrl).resolve(name);
    Path temp = null;
    try {
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, "." + name + "-", ".part");
      fetch(url, temp, name, progress);
      String fix = "nothing was kept in " + dir + "; try again, or download from another mirror "
          + "(--set data.mirror=URL)";
      verifier.verify(url.toString(), temp, fix);
      Path target = dir.resolve(name);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      temp = null;
      return target;
    } catch (IOException e) {
      throw new UserError("cannot write the download cache " + dir + " (" + describe(e) + "); set LABKIT_CACHE to a "
          + "writable folder", e);
    } finally {
      deleteQuietly(temp);
    }
  }

  private static void fetch(URI url, Path temp, String name, Consumer<String> progress)
      throws Unavailable, IOException {
    HttpResponse<InputStream> response;
    try {
      HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(10)).GET().build();
      response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new Unavailable("download from " + url + " failed (" + describe(e) + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("download from " + url + " was interrupted", e);
    }
    try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(temp)) {
      if (response.statusCode() != 200) {
        throw new Unavailable("download from " + url + " failed (HTTP " + response.statusCode() + ")", null);
      }
      long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      progress.accept("downloading " + name + " from " + url
          + (length > 0 ? " (" + IdxReader.grouped(length) + " bytes)" : ""));
      copy(in, out, length, name, progress);
    } catch (IOException e) {
      throw new Unavailable("download from " + url + " broke off (" + describe(e) + ")", e);
    }
  }

  /** Copies the body, reporting every further quarter of a known length. */
  private static void copy(InputStream in, OutputStream out, long length, String name, Consumer<String> progress)
      throws IOException {
    byte[] buffer = new byte[1 << 16];
    long done = 0;
    int reported = 0;
    for (int read; (read = in.read(buffer)) >= 0; ) {
      out.write(buffer, 0, read);
      done += read;
      int quarter = length > 0 ? (int) (4 * done / length) : 0;
      if (quarter > reported && quarter < 4) {
        reported = quarter;
        progress.accept("downloading " + name + ": " + 25 * quarter + " %");
      }
    }
    progress.accept("downloaded " + name + ": " + IdxReader.grouped(done) + " bytes, verifying");
  }

  /** An exception and its causes on one line: "ConnectException: UnresolvedAddressException". */
  static String describe(Throwable e) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("");
      String part = t.getClass().getSimpleName() + (message.isBlank() ? "" : " " + message);
      if (parts.isEmpty() || !parts.getLast().equals(part)) {
        parts.add(part);
      }
    }
    return String.join(": ", parts);
  }

  private static void deleteQuietly(Path temp) {
    if (temp != null) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException ignored) {
        // the error being reported matters more; a stray .part file is named as such
      }
    }
  }
}
