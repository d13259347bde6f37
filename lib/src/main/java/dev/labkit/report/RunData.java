package dev.labkit.report;

import dev.labkit.chart.Charts;
import dev.labkit.report.Run.Artifact;
import dev.labkit.report.Run.Point;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the compare page needs of one run, as a script beside its page ({@code runs/<e>/<id>/data.js}):
 *
 * <pre>{@code
 * (window.labkitRuns = window.labkitRuns || {})["20261126-213000-1a2b"] = {
 *   "id": "…", "label": "trial 3", "status": "finished", "page": "runs/e/…/index.html",
 *   "params": [["model.c", "2.5"], …], "metrics": {"test/accuracy": 0.8441, …}, "lower": ["train/loss"],
 *   "curves": {"train/loss": [[0, 2.30], [1, 0.9], …]},
 *   "images": [{"group": "Samples", "title": "sample 0", "step": 100, "src": "runs/e/…/artifacts/….png"}]};
 * }</pre>
 *
 * A script and not a JSON file, because a page opened from file:// may load scripts beside it but
 * may not fetch files. Paths are relative to the site root. The compare page loads the data of the
 * runs it shows only, so its own size does not grow with the curves of a thousand runs.
 */
final class RunData {
  private RunData() {}

  /** Each curve is thinned to about this many points: enough for overlaid lines, small to load. */
  static final int POINTS = 300;

  static String script(Run run) {
    String json = Charts.scriptSafe(RunFolders.JSON.writeValueAsString(json(run)));
    return "(window.labkitRuns = window.labkitRuns || {})[" + Charts.scriptSafe(quoted(run.runId())) + "] = "
        + json + ";\n";
  }

  static ObjectNode json(Run run) {
    ObjectNode o = RunFolders.JSON.createObjectNode();
    o.put("id", run.runId());
    o.put("label", label(run));
    o.put("status", run.status());
    String[] runPath = {"runs", run.experiment(), run.runId()};
    o.put("page", Links.relative(runPath) + "/index.html");
    ArrayNode params = o.putArray("params");
    run.params().forEach(e -> params.addArray().add(e.key()).add(e.value()));
    ObjectNode metrics = o.putObject("metrics");
    ArrayNode lower = o.putArray("lower");
    for (Run.Metric m : run.metrics()) {
      if (m.value() != null && Double.isFinite(m.value())) {
        metrics.put(m.name(), m.value());
        if (m.lowerIsBetter()) {
          lower.add(m.name());
        }
      }
    }
    curves(run.series(), o.putObject("curves"));
    ArrayNode images = o.putArray("images");
    for (Artifact a : run.artifacts()) {
      if (a.kind().equals("image")) {
        ObjectNode i = images.addObject();
        i.put("group", a.group() == null ? "Images" : a.group());
        i.put("title", a.title());
        Charts.put(i, "step", a.step());
        i.put("src", Links.relative(runPath) + "/" + a.href());
      }
    }
    return o;
  }

  /** "trial 3" for a sweep's trial, else the run id: how the compare page names a run. */
  static String label(Run run) {
    return run.sweep() != null && run.sweep().trial() != null && run.sweep().trial() > 0
        ? "trial " + run.sweep().trial() + " · " + run.runId() : run.runId();
  }

  /** Every metric logged at two or more steps, as [step, value] pairs (values as floats: shorter text). */
  private static void curves(List<Point> series, ObjectNode out) {
    Map<String, List<Point>> byName = new TreeMap<>(Curves.group(series));
    byName.forEach((name, points) -> {
      if (points.stream().map(Point::step).distinct().count() > 1) {
        ArrayNode line = out.putArray(name);
        for (Point p : Curves.thin(points, POINTS)) {
          ArrayNode pair = line.addArray().add(p.step());
          if (Double.isFinite(p.value())) {
            pair.add((float) p.value());
          } else {
            pair.addNull();
          }
        }
      }
    });
  }

  private static String quoted(String text) {
    return RunFolders.JSON.getNodeFactory().stringNode(text).toString();
  }
}
