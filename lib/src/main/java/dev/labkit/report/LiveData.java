package dev.labkit.report;

import dev.labkit.chart.Charts;
import java.util.List;

/**
 * What the page of a running run polls for, served by {@link Server} at
 * {@code runs/<e>/<id>/live.json} (never written into the static site):
 *
 * <pre>{@code
 * {"status": "running", "version": "4be1…", "curves": [<Vega-Lite spec>, …],
 *  "last": [{"name": "train/loss", "step": 12, "value": "0.6123"}, …]}
 * }</pre>
 *
 * {@code version} changes whenever a file of the run folder does, so the page redraws only then;
 * {@code curves} are the same specs the run page embeds ({@link Curves}), in the same order.
 */
final class LiveData {
  private LiveData() {}

  static String json(Run run) {
    StringBuilder out = new StringBuilder("{\"status\":").append(quoted(run.status()))
        .append(",\"version\":").append(quoted(SiteManifest.ofFolder(run.folder()))).append(",\"curves\":[");
    List<ChartView> curves = Curves.of(run.series());
    for (int i = 0; i < curves.size(); i++) {
      out.append(i == 0 ? "" : ",").append(curves.get(i).json()); // already JSON, made script-safe
    }
    out.append("],\"last\":[");
    List<Run.Logged> last = run.lastLogged();
    for (int i = 0; i < last.size(); i++) {
      Run.Logged l = last.get(i);
      out.append(i == 0 ? "" : ",").append("{\"name\":").append(quoted(l.name())).append(",\"step\":").append(l.step())
          .append(",\"value\":").append(quoted(l.display())).append('}');
    }
    return out.append("]}").toString();
  }

  private static String quoted(String text) {
    return Charts.scriptSafe(RunFolders.JSON.getNodeFactory().stringNode(text).toString());
  }
}
