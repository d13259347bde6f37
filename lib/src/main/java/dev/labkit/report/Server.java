package dev.labkit.report;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The live report: the same pages as the static site, re-rendered from the run folders on each
 * request, so reloading a run's page while it trains shows its latest metrics and images.
 *
 * <p>How: a before-handler renders the requested page (the index, or one run's page and its
 * artifacts) into {@code siteDir} with {@link SiteGenerator}'s code, then Javalin's static file
 * handler serves it. That handler resolves every path inside {@code siteDir} and refuses the rest:
 * {@code ../}, encoded and double-encoded dots, backslashes, and links that point outside.
 *
 * <p>The page of a running run polls {@code live.json} beside it once a second (assets/live.js) and
 * redraws its curves and last values when the run folder changed, so it follows training without a
 * reload; when the run ends the page reloads once to show its final metrics and artifacts.
 *
 * <pre>{@code
 * try (Server server = Server.start("127.0.0.1", 0, Home.runs(), Home.site())) {
 *   System.out.println(server.url());   // http://127.0.0.1:41234/
 *   ...
 * }
 * }</pre>
 */
public final class Server implements AutoCloseable {
  private final Javalin app;
  private final String host;

  private Server(Javalin app, String host) {
    this.app = app;
    this.host = host;
  }

  /** Serves on 127.0.0.1 only, on a free port. */
  public static Server start(Path runsDir, Path siteDir) {
    return start("127.0.0.1", 0, runsDir, siteDir);
  }

  /**
   * Builds the site once, then serves it live.
   *
   * @param host the address to listen on; anything but a loopback address shows the runs to the network
   * @param port the port, or 0 for a free one (see {@link #url()})
   */
  public static Server start(String host, int port, Path runsDir, Path siteDir) {
    return start(host, port, runsDir, siteDir, System.err::println);
  }

  static Server start(String host, int port, Path runsDir, Path siteDir, Consumer<String> warn) {
    Path site = siteDir.toAbsolutePath().normalize();
    SiteGenerator.build(runsDir, site, warn);
    Renderer renderer = new Renderer(runsDir, site, warn);
    Javalin app = Javalin.create(config -> {
      config.startup.showJavalinBanner = false;
      config.jetty.host = host;
      config.jetty.port = port;
      // pages are rendered just before the static handler looks for them
      config.routes.before(renderer::refresh);
      // what the page of a running run polls for (assets/live.js); answered here, never written to site/
      config.routes.get("/runs/{experiment}/{run}/live.json", renderer::live);
      config.staticFiles.add(files -> {
        files.hostedPath = "/";
        files.directory = site.toString();
        files.location = Location.EXTERNAL;
        files.headers = java.util.Map.of("Cache-Control", "no-cache");
      });
    });
    app.start();
    return new Server(app, host);
  }

  /** The address of the index page, such as {@code http://127.0.0.1:41234/}. */
  public String url() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return "http://" + h + ":" + app.port() + "/";
  }

  public int port() {
    return app.port();
  }

  /** Whether a host name or address is this machine only (127.0.0.0/8, ::1, localhost). */
  public static boolean isLoopback(String host) {
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (!address.isLoopbackAddress()) {
          return false;
        }
      }
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  @Override
  public void close() {
    app.stop();
  }

  /** Re-renders the page a request asks for. Serialised: two renders never write one file at once. */
  private record Renderer(Path runsDir, Path siteDir, Consumer<String> warn) {
    synchronized void refresh(Context ctx) {
      List<String> parts;
      try {
        parts = segments(ctx.req().getRequestURI());
      } catch (IllegalArgumentException badEscape) {
        return; // "%zz": no page of ours; the static handler answers 404
      }
      if (parts.isEmpty() || parts.equals(List.of("index.html"))) {
        SiteGenerator.writeIndex(siteDir, RunFolders.readOverviews(runsDir, warn));
      } else if (parts.size() >= 2 && parts.getFirst().equals("experiments")
          && (parts.size() == 2 || parts.size() == 3 && (parts.get(2).equals("index.html")
              || parts.get(2).equals(SiteGenerator.REPORT)))) {
        List<Run> runs = RunFolders.readExperiment(runsDir, parts.get(1), warn);
        if (!runs.isEmpty()) {
          SiteGenerator.writeExperiment(siteDir, ExperimentPage.of(parts.get(1), runs));
        }
      } else if (parts.size() >= 3 && parts.getFirst().equals("runs")
          && (parts.size() == 3 || parts.size() == 4 && parts.get(3).equals("index.html"))) {
        // the names are matched against existing folders, never joined into a path
        RunFolders.find(runsDir, parts.get(1), parts.get(2), warn)
            .ifPresent(run -> SiteGenerator.writeRun(siteDir, RunPage.of(run, warn)));
      }
    }

    /** The live data of a run ({@link LiveData}); 404 for a run that does not exist. */
    void live(Context ctx) {
      var run = RunFolders.find(runsDir, ctx.pathParam("experiment"), ctx.pathParam("run"), warn);
      if (run.isEmpty()) {
        ctx.status(404).result("no such run");
        return;
      }
      ctx.header("Cache-Control", "no-store").contentType("application/json").result(LiveData.json(run.get()));
    }

    /** The decoded, non-empty segments of a request path; "/runs/a%20b/" is [runs, a b]. */
    static List<String> segments(String rawPath) {
      return java.util.Arrays.stream(rawPath.split("/"))
          .filter(s -> !s.isEmpty())
          .map(s -> URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8))
          .toList();
    }
  }
}
