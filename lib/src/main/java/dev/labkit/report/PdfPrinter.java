package dev.labkit.report;

import dev.labkit.ground.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Prints a page of the site to PDF with headless Chromium, as a browser's "Save as PDF" would (the page's
 * print stylesheet applies): {@code chromium --headless --no-pdf-header-footer --print-to-pdf=FILE URL}.
 * Charts are drawn by scripts after the page loads, so Chromium is given a virtual-time budget: it runs
 * the page's timers and promises until they settle (or the budget is spent) before it prints.
 */
final class PdfPrinter {
  private PdfPrinter() {}

  /** Where the browser is looked for, after {@code $LABKIT_CHROMIUM} and the PATH. */
  static final List<String> KNOWN = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
      "/usr/bin/google-chrome", "/snap/bin/chromium",
      "/Applications/Chromium.app/Contents/MacOS/Chromium",
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
      "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
      "C:\\Program Files\\Chromium\\Application\\chrome.exe");

  private static final List<String> ON_PATH = List.of("chromium", "chromium-browser", "google-chrome", "chrome");

  /** The one line a user without Chromium gets: which package to install, per system. */
  static final String MISSING = "no Chromium found to print the PDF: install it (Debian/Ubuntu: apt install chromium;"
      + " macOS: brew install --cask chromium; Windows: winget install Hibbiki.Chromium) or set LABKIT_CHROMIUM"
      + " to the browser's path";

  /** How long the page's scripts may run, in virtual milliseconds, before the page is printed. */
  static final int SCRIPT_BUDGET_MS = 20_000;

  /** The browser: {@code $LABKIT_CHROMIUM} when set, else the first of the PATH and {@link #KNOWN}. */
  static Optional<Path> find(String fromEnv, String path) {
    if (fromEnv != null && !fromEnv.isBlank()) {
      Path given = Path.of(fromEnv);
      return Files.isExecutable(given) ? Optional.of(given) : Optional.empty();
    }
    List<Path> candidates = new ArrayList<>();
    for (String dir : path == null ? new String[0] : path.split(java.io.File.pathSeparator)) {
      ON_PATH.forEach(name -> candidates.add(Path.of(dir.isEmpty() ? "." : dir, windows() ? name + ".exe" : name)));
    }
    KNOWN.forEach(known -> candidates.add(Path.of(known)));
    return candidates.stream().filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
  }

  /** Prints {@code page} to {@code pdf} with {@code browser}; a browser that fails is a one-line error. */
  static Path print(Path browser, Path page, Path pdf) {
    Path profile = null;
    try {
      Files.createDirectories(pdf.toAbsolutePath().getParent());
      Files.deleteIfExists(pdf);
      profile = Files.createTempDirectory("labkit-pdf-");
      List<String> command = new ArrayList<>(List.of(browser.toString(), "--headless", "--disable-gpu",
          "--no-first-run", "--disable-background-networking", "--disable-component-update",
          "--user-data-dir=" + profile, "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
          "--virtual-time-budget=" + SCRIPT_BUDGET_MS, "--print-to-pdf=" + pdf.toAbsolutePath()));
      if ("root".equals(System.getProperty("user.name"))) {
        command.add("--no-sandbox"); // Chromium refuses to start as root with its sandbox (containers, CI)
      }
      command.add(page.toAbsolutePath().toUri().toString());
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(profile.resolve("chromium.log").toFile()).start();
      if (!process.waitFor(180, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new UserError(browser + " did not print " + page + " within 180 s; open the page in a browser and"
            + " print it from there");
      }
      if (!Files.isRegularFile(pdf) || Files.size(pdf) == 0) {
        throw new UserError(browser + " exited with " + process.exitValue() + " and wrote no PDF: "
            + lastLine(profile.resolve("chromium.log")));
      }
      return pdf;
    } catch (IOException e) {
      throw new UserError("cannot print " + page + " with " + browser + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("printing " + page + " was interrupted", e);
    } finally {
      deleteQuietly(profile);
    }
  }

  private static String lastLine(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
    return lines.isEmpty() ? "it said nothing" : lines.getLast().strip();
  }

  private static void deleteQuietly(Path folder) {
    if (folder == null) {
      return;
    }
    try (Stream<Path> all = Files.walk(folder)) {
      all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException e) {
      // a temporary profile left behind is harmless
    }
  }

  /** Whether this machine is Windows (the PATH holds .exe files there). */
  static boolean windows() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
  }
}
