package dev.labkit.smoke;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Static files over HTTP on 127.0.0.1, read-only, as GitHub Pages would serve a site: each URL prefix maps
 * to a folder, paths that leave it and refused prefixes answer 404, and every request is logged.
 *
 * <pre>{@code
 * try (StaticServer server = StaticServer.start(Map.of("/", site, "/maven/", releases), List.of())) {
 *   server.url("/jbang-catalog.json");
 * }
 * }</pre>
 */
final class StaticServer implements AutoCloseable {
  private final HttpServer http;
  private final TreeMap<String, Path> folders;
  private final List<String> refused;
  private final List<String> requests = new CopyOnWriteArrayList<>();

  private StaticServer(HttpServer http, Map<String, Path> folders, List<String> refused) {
    this.http = http;
    this.folders = new TreeMap<>(folders);
    this.refused = List.copyOf(refused);
  }

  /** Serves {@code folders} (URL prefix ending in "/" → folder), refusing paths that start with one of {@code refused}. */
  static StaticServer start(Map<String, Path> folders, List<String> refused) throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    StaticServer server = new StaticServer(http, folders, refused);
    http.createContext("/", server::handle);
    http.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    http.start();
    return server;
  }

  String url(String path) {
    return "http://127.0.0.1:" + http.getAddress().getPort() + path;
  }

  /** Every path requested so far, with its status: "200 /maven/…". */
  List<String> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      Path file = resolve(path);
      boolean found = file != null && Files.isRegularFile(file) && (method.equals("GET") || method.equals("HEAD"));
      requests.add((found ? "200 " : "404 ") + path);
      if (!found) {
        exchange.sendResponseHeaders(404, -1);
        return;
      }
      long size = Files.size(file);
      exchange.getResponseHeaders().set("Content-Type", path.endsWith(".json") ? "application/json" : "application/octet-stream");
      if (method.equals("HEAD")) {
        exchange.getResponseHeaders().set("Content-Length", Long.toString(size));
        exchange.sendResponseHeaders(200, -1);
        return;
      }
      exchange.sendResponseHeaders(200, size == 0 ? -1 : size);
      try (InputStream in = Files.newInputStream(file); OutputStream out = exchange.getResponseBody()) {
        in.transferTo(out);
      }
    }
  }

  /** The file for a URL path, or null when no prefix maps it, a refused prefix matches, or it leaves its folder. */
  private Path resolve(String path) {
    if (refused.stream().anyMatch(path::startsWith)) {
      return null;
    }
    Map.Entry<String, Path> best = null;
    for (Map.Entry<String, Path> e : folders.entrySet()) {
      if (path.startsWith(e.getKey()) && (best == null || e.getKey().length() > best.getKey().length())) {
        best = e;
      }
    }
    if (best == null) {
      return null;
    }
    Path root = best.getValue().toAbsolutePath().normalize();
    Path file = root.resolve(path.substring(best.getKey().length())).normalize();
    return file.startsWith(root) ? file : null;
  }

  @Override
  public void close() {
    http.stop(0);
    ((java.util.concurrent.ExecutorService) http.getExecutor()).shutdownNow();
  }
}
