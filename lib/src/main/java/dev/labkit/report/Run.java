package dev.labkit.report;

import dev.labkit.ground.Axis;
import dev.labkit.ground.Selection;
import dev.labkit.store.RunStatus;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run folder as the report sees it: everything a page shows, already read and checked.
 * Lists keep the order the run wrote them in (params in the spec's order, artifacts as emitted).
 *
 * @param folder     where the run lives on disk ({@code <runs>/<experiment>/<runId>})
 * @param status     running, finished, failed or interrupted (as written; see {@link #statusClass()})
 * @param error      the one-line error of a failed run, or null
 * @param command    the command line that re-runs it (provenance.command), or null
 * @param metrics    final metrics from summary.json; empty while the run is still going
 * @param headline   the metric summary.json names as the headline, or null
 * @param lastLogged the last value of each metric in metrics.csv, sorted by name
 * @param series     every line of metrics.csv, in file order (for charts)
 * @param sweep      the sweep this run is a trial of (run.json's optional {@code sweep}), or null
 * @param kind       the task family that ran (classify, regress, generate): whose rule picks a sweep's best
 * @param description the script's {@code //DESCRIPTION}, or null
 * @param notes      the script's {@code .note("…")} texts, Markdown, in order
 */
public record Run(
    String experiment,
    String runId,
    Path folder,
    String status,
    String error,
    String started,
    String ended,
    List<Entry> params,
    List<Entry> provenance,
    String command,
    DatasetInfo dataset,
    List<Metric> metrics,
    Metric headline,
    List<Logged> lastLogged,
    List<Point> series,
    List<Artifact> artifacts,
    SweepPlace sweep,
    String kind,
    String description,
    List<String> notes) {

  /** The same run without its metric series: what the index and experiment pages keep of it. */
  public Run overview() {
    return new Run(experiment, runId, folder, status, error, started, ended, params, provenance, command, dataset,
        metrics, headline, lastLogged, List.of(), artifacts, sweep, kind,
        description, notes);
  }

  /** A CSS class for the status badge, from a fixed list so no run can inject a class name. */
  public String statusClass() {
    RunStatus known = runStatus();
    return "status-" + (known == null ? "unknown" : known.text());
  }

  /** The status as the enum, or null when run.json gives none this labkit knows. */
  public RunStatus runStatus() {
    return RunStatus.parse(status);
  }

  public String startedDisplay() {
    return Format.date(started);
  }

  public String durationDisplay() {
    return Format.duration(started, ended);
  }

  /** A row of a key/value table; numeric values are right-aligned. */
  public record Entry(String key, String value, boolean numeric) {
    /** The value as a number, or null when it is not one. */
    public Double number() {
      if (!numeric) {
        return null;
      }
      try {
        return Double.parseDouble(value);
      } catch (NumberFormatException e) {
        return null;
      }
    }
  }

  /**
   * A final metric; {@code display} is the value as the page prints it, {@code value} the number (or null);
   * {@code lowerIsBetter} as the script declared it for its own metrics, else as the name says (loss, error, FID).
   */
  public record Metric(String name, String display, boolean numeric, Double value, boolean lowerIsBetter) {
    public Metric(String name, String display, boolean numeric, Double value) {
      this(name, display, numeric, value, SweepView.lowerIsBetter(name));
    }
  }

  /** The final value of a metric, if the run has it as a number. */
  public Double metric(String name) {
    for (Metric m : metrics) {
      if (m.name().equals(name)) {
        return m.value();
      }
    }
    return null;
  }

  /** A parameter's value as written (null if the run has no such parameter). */
  public Entry param(String key) {
    for (Entry e : params) {
      if (e.key().equals(key)) {
        return e;
      }
    }
    return null;
  }

  /**
   * The trial of a sweep (a grid or random search) a run is: {@code "sweep": {"id": "20261126-220000-ab12",
   * "trial": 3, "trials": 16}} in run.json. {@code trial} and {@code trials} may be null; {@code repeat} and
   * {@code repeats} are this run's seed of the trial's N ({@code --repeat N}), 0 without repeats. {@code axes}: the
   * swept keys' typed values and scales as run.json records them (empty for folders older than that).
   */
  public record SweepPlace(String id, Integer trial, Integer trials, Map<String, Axis> axes, int repeat, int repeats,
      Selection.Rule rank) {
    public SweepPlace {
      axes = axes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(axes));
    }

    public SweepPlace(String id, Integer trial, Integer trials, Map<String, Axis> axes) {
      this(id, trial, trials, axes, 0, 0, null);
    }

    public SweepPlace(String id, Integer trial, Integer trials) {
      this(id, trial, trials, Map.of());
    }

    /** How the index lists it: "sweep summary (16 trials)" or "trial 3 of 16". */
    public String role() {
      if (Integer.valueOf(0).equals(trial)) {
        return "sweep summary" + (trials == null ? "" : " (" + trials + " trials)");
      }
      return (trial == null ? "trial" : "trial " + trial) + (trials == null ? "" : " of " + trials)
          + (repeats > 1 && repeat > 0 ? ", seed " + repeat + " of " + repeats : "");
    }
  }

  /** The last value logged for one metric name, and at which step. */
  public record Logged(String name, long step, double value) {
    public String display() {
      return Format.named(name, value);
    }
  }

  /** One line of metrics.csv. */
  public record Point(long step, String name, double value, double wallTime) {}

  /** The dataset's splits and the provenance as CSV, Markdown and LaTeX, for the links beside their tables. */
  public TableExport datasetExport() {
    return TableExports.dataset(this);
  }

  public TableExport provenanceExport() {
    return TableExports.provenance(this);
  }

  /** What the run was trained and tested on. */
  public record DatasetInfo(String id, List<Split> splits, String shape, List<String> classes) {}

  /** One split of the dataset; the page shows a short hash and keeps the full one in a tooltip. */
  public record Split(String name, String id, String size, String sha256) {
    public String shortSha() {
      return sha256 == null || sha256.length() <= 12 ? sha256 : sha256.substring(0, 12) + "\u2026";
    }
  }

  /**
   * An entry of artifacts.json. {@code path} is relative to the run folder and was checked to stay
   * inside it; {@code maxAbs} is the optional {@code max_abs} of a diverging heatmap (its colour scale
   * runs from −maxAbs to +maxAbs), which lets the page draw the legend.
   */
  public record Artifact(
      String name, String kind, String title, String path, Long step, String group, Double maxAbs,
      Integer columns) {
    /** The path as a relative URL: each segment percent-encoded. */
    public String href() {
      return Links.relative(path.split("/"));
    }
  }
}
