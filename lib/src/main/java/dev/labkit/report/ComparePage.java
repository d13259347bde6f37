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
 * <p>The same page over every run of the site ({@code compare/index.html}, {@link #across}) takes the
 * runs ticked on the index, from any experiments; {@code name} is then null and labels name the experiment.
 *
 * @param index      every run of the experiment as JSON (id, label, data script), script-safe
 * @param curve      the Vega-Lite spec of an overlaid curve, data left empty for the script to fill
 * @param curveLog   the same with a logarithmic y axis
 * @param root       the link from the page to the site's root
 */
public record ComparePage(String name, int runCount, String index, String curve, String curveLog, String root) {

  static ComparePage of(ExperimentPage experiment) {
    List<Run> runs = experiment.rows().stream().map(ExperimentPage.Row::run).toList();
    return new ComparePage(experiment.name(), experiment.runCount(),
        Charts.scriptSafe(index(runs, ExperimentPage.TO_ROOT, RunData::label)),
        Charts.scriptSafe(curve(Scale.LINEAR)), Charts.scriptSafe(curve(Scale.LOG)), ExperimentPage.TO_ROOT);
  }

  /** The compare page of every run ({@code site/compare/index.html}): the index's "compare selected" opens it. */
  static ComparePage across(List<Run> runs) {
    return new ComparePage(null, runs.size(),
        Charts.scriptSafe(index(runs, CrossComparePage.TO_ROOT, CrossComparePage::label)),
        Charts.scriptSafe(curve(Scale.LINEAR)), Charts.scriptSafe(curve(Scale.LOG)), CrossComparePage.TO_ROOT);
  }

  private static ArrayNode index(List<Run> runs, String root, java.util.function.Function<Run, String> label) {
    ArrayNode index = RunFolders.JSON.createArrayNode();
    for (Run run : runs) {
      ObjectNode o = index.addObject();
      o.put("id", run.runId());
      o.put("label", label.apply(run));
      o.put("data", root + Links.relative("runs", run.experiment(), run.runId(), SiteGenerator.DATA_JS));
    }
    return index;
  }

  /** One metric, one line per run; hover shows the run, step and value. The title is set per metric. */
  static ObjectNode curve(Scale scale) {
    ObjectNode spec = Charts.line("metric").x("step", "step")
        .y("value", scale == Scale.LOG ? "value (log scale)" : "value", scale)
        .series("run", "run").data(List.of()).spec();
    // legend labels in full: "gan-fashion · 20261206-…" cut at 160 px would name two runs alike
    spec.putObject("config").putObject("legend").put("labelLimit", 0);
    return spec;
  }
}
