package dev.labkit.report;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Real headless Debian Chromium driven over the DevTools protocol, on the JDK's own WebSocket: no
 * WebDriver, no extra dependency. One browser, one tab; it records what the tests check: console
 * errors and warnings, uncaught exceptions, failed loads, and the URL of every request it makes.
 *
 * <pre>{@code
 * try (Chromium browser = Chromium.start(tmp)) {
 *   browser.open(page.toUri().toString());
 *   browser.waitFor("document.querySelectorAll('svg.marks').length > 0", Duration.ofSeconds(10));
 *   browser.screenshot(Path.of("target/screenshots/run.png"));
 * }
 * }</pre>
 */
final class Chromium implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/chromium");

  private final Process process;
  private final WebSocket socket;
  private final String session;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final List<JsonNode> events = new CopyOnWriteArrayList<>();
  final List<String> problems = new CopyOnWriteArrayList<>();
  final List<String> requests = new CopyOnWriteArrayList<>();

  /**
   * Skips the calling test where there is no Chromium, except in CI ({@code LABKIT_CI=1}, set by
   * .ci/run), where a missing browser must fail rather than let the browser tests pass unseen.
   */
  static void require() {
    boolean present = Files.isExecutable(BINARY);
    if (!present && "1".equals(System.getenv("LABKIT_CI"))) {
      throw new AssertionError("LABKIT_CI=1 but there is no " + BINARY + ": .ci/run must install Debian's chromium");
    }
    assumeTrue(present, "no " + BINARY + " here: apt-get install chromium to run the browser tests");
  }

  private Chromium(Process process, WebSocket socket, String session) {
    this.process = process;
    this.socket = socket;
    this.session = session;
  }

  /** Starts Chromium headless with a fresh profile under {@code work} and opens one tab. */
  static Chromium start(Path work) throws IOException, InterruptedException {
    Path profile = Files.createDirectories(work.resolve("chromium-profile"));
    Process process = new ProcessBuilder(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--no-first-run",
        "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=1280,900", "about:blank")
        .redirectErrorStream(true).redirectOutput(work.resolve("chromium.log").toFile()).start();
    Path port = profile.resolve("DevToolsActivePort");
    for (int i = 0; i < 300 && !(Files.isRegularFile(port) && Files.readAllLines(port).size() >= 2); i++) {
      Thread.sleep(100);
    }
    List<String> lines = Files.readAllLines(port);
    Listener listener = new Listener();
    WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create("ws://127.0.0.1:" + lines.get(0) + lines.get(1)), listener).join();
    Chromium browser = new Chromium(process, socket, null);
    listener.browser = browser;
    String target = browser.send("Target.createTarget", obj().put("url", "about:blank")).path("targetId").asString();
    String session = browser.send("Target.attachToTarget", obj().put("targetId", target).put("flatten", true))
        .path("sessionId").asString();
    Chromium tab = new Chromium(process, socket, session);
    listener.browser = tab;
    for (String domain : List.of("Page", "Runtime", "Log", "Network")) {
      tab.send(domain + ".enable", obj());
    }
    return tab;
  }

  /** Opens a URL and waits for its load event. */
  void open(String url) {
    openUntil(url, "document.readyState === 'complete'", Duration.ofSeconds(20));
  }

  /** Opens a URL and waits until a condition holds; returns the time from the navigation on. */
  Duration openUntil(String url, String condition, Duration timeout) {
    events.clear();
    long start = System.nanoTime();
    send("Page.navigate", obj().put("url", url));
    waitFor("document.readyState === 'complete' && (" + condition + ")", timeout);
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** Applies the page's print stylesheet (@media print) on screen, as Chromium does when it prints. */
  void emulatePrint() {
    send("Emulation.setEmulatedMedia", obj().put("media", "print"));
  }

  /** Evaluates JavaScript in the page (promises awaited) and returns its value as JSON. */
  JsonNode eval(String expression) {
    JsonNode result = send("Runtime.evaluate",
        obj().put("expression", expression).put("returnByValue", true).put("awaitPromise", true));
    if (result.has("exceptionDetails")) {
      throw new AssertionError("page script failed: " + expression + ": " + result.path("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** Polls a JavaScript condition every 50 ms until it is true; returns how long that took. */
  Duration waitFor(String condition, Duration timeout) {
    long start = System.nanoTime();
    while (!holds(condition)) {
      if (System.nanoTime() - start > timeout.toNanos()) {
        throw new AssertionError("not true within " + timeout.toSeconds() + " s: " + condition + "; problems: " + problems);
      }
      sleep(50);
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** Whether a condition holds now; false while the page is between two documents (a navigation). */
  private boolean holds(String condition) {
    try {
      return eval("!!(" + condition + ")").asBoolean();
    } catch (AssertionError e) {
      if (String.valueOf(e.getMessage()).contains("navigated") || String.valueOf(e.getMessage()).contains("context")) {
        return false;
      }
      throw e;
    }
  }

  /** A PNG of the whole page. */
  void screenshot(Path file) throws IOException {
    JsonNode shot = send("Page.captureScreenshot", obj().put("format", "png").put("captureBeyondViewport", true));
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode(shot.path("data").asString()));
  }

  @Override
  public void close() {
    try {
      send("Browser.close", obj());
    } catch (RuntimeException ignored) {
      // the browser may be gone already
    }
    socket.abort();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private JsonNode send(String method, ObjectNode params) {
    int id = ids.incrementAndGet();
    ObjectNode message = obj().put("id", id).put("method", method);
    message.set("params", params);
    if (session != null) {
      message.put("sessionId", session);
    }
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    synchronized (socket) {
      socket.sendText(message.toString(), true).join();
    }
    JsonNode reply = answer.orTimeout(30, TimeUnit.SECONDS).join();
    if (reply.has("error")) {
      throw new AssertionError(method + " failed: " + reply.path("error"));
    }
    return reply.path("result");
  }

  /** Records what the tests look at from the events Chromium sends. */
  private void event(JsonNode message) {
    JsonNode p = message.path("params");
    switch (message.path("method").asString()) {
      case "Runtime.consoleAPICalled" -> {
        String type = p.path("type").asString();
        if (type.equals("error") || type.equals("warning") || type.equals("assert")) {
          problems.add("console." + type + ": " + p.path("args").toString());
        }
      }
      case "Runtime.exceptionThrown" -> problems.add("exception: " + p.path("exceptionDetails").toString());
      case "Log.entryAdded" -> {
        if (List.of("warning", "error").contains(p.path("entry").path("level").asString())) {
          problems.add("log: " + p.path("entry").path("text").asString() + " " + p.path("entry").path("url").asString());
        }
      }
      case "Network.requestWillBeSent" -> requests.add(p.path("request").path("url").asString());
      default -> { }
    }
    events.add(message);
  }

  static ObjectNode obj() {
    return RunFolders.JSON.createObjectNode();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** Joins the frames of each message and hands whole messages to the tab. */
  private static final class Listener implements WebSocket.Listener {
    volatile Chromium browser;
    private final StringBuilder buffer = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        JsonNode message = RunFolders.JSON.readTree(buffer.toString());
        buffer.setLength(0);
        if (message.has("id")) {
          CompletableFuture<JsonNode> answer = browser.pending.remove(message.path("id").asInt());
          if (answer != null) {
            answer.complete(message);
          }
        } else {
          browser.event(message);
        }
      }
      socket.request(1);
      return null;
    }
  }
}
