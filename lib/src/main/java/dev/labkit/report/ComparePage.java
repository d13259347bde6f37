package dev.labkit.report;

import dev.labkit.chart.Chart.Scale;
import dev.labkit.chart.Charts;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The view model of an experiment's compare page ({@code experiments/<e>/compare.html}). One static
 * page serves every selection: it reads the chosen run ids from its address
 * ({@code compare.html#runs=<id>,<id>}), loads those runs' {@code data.js} ({@link RunData}) and
 * draws, in assets/compare.js, a param diff, the final metrics with the best marked, overlaid curves
 * and the images of each run at one step, side by side. Works from file:// as from the server.
 *
 * @param index      every run of the experiment as JSON (id, label, data script), script-safe
 * @param curve      the Vega-Lite spec of an overlaid curve, data left empty for the script to fill
 * @param curveLog   the same with a logarithmic y axis
 */
public record ComparePage(String name, int runCount, String index, String curve, String curveLog) {

  static ComparePage of(ExperimentPage experiment) {
    ArrayNode index = RunFolders.JSON.createArrayNode();
    for (ExperimentPage.Row row : experiment.rows()) {
      Run run = row.run();
      ObjectNode o = index.addObject();
      o.put("id", run.runId());
      o.put("label", RunData.label(run));
      o.put("data", ExperimentPage.TO_ROOT + Links.relative("runs", run.experiment(), run.runId(), SiteGenerator.DATA_JS));
    }
    return new ComparePage(experiment.name(), experiment.runCount(), Charts.scriptSafe(index),
        Charts.scriptSafe(curve(Scale.LINEAR)), Charts.scriptSafe(curve(Scale.LOG)));
  }

  /** One metric, one line per run; hover shows the run, step and value. The title is set per metric. */
  static ObjectNode curve(Scale scale) {
    return Charts.line("metric").x("step", "step")
        .y("value", scale == Scale.LOG ? "value (log scale)" : "value", scale)
        .series("run", "run").data(List.of()).spec();
  }
}
