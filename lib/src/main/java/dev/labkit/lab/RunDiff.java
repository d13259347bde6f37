package dev.labkit.lab;

import dev.labkit.store.RunFolder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What differs between two runs: their params, what they ran on (script digest, dependencies, JDK,
 * machine, git commit, data digests) and their final metrics. Only differences are kept.
 *
 * <p>Metrics compare bit for bit ({@link Double#equals}): a seeded labkit run repeats exactly, so any
 * difference, however small, means something changed. Timing metrics (names ending in
 * {@code _seconds}) measure the machine, not the model, and never count as a difference.
 */
public record RunDiff(List<Row> params, List<Row> provenance, List<Row> metrics) {

  /** One differing value; {@code change} says by how much (numbers) or is empty. */
  public record Row(String key, String a, String b, String change) {}

  /**
   * Fields left out: times and the reproduced run differ between any two runs, and {@code args} says
   * again what {@code command} says.
   */
  private static final Set<String> PER_RUN = Set.of("started", "ended", "reproduces", "args");

  /** Timing metrics: the wall-clock time of a phase, which no seed fixes. */
  public static boolean isTiming(String metric) {
    return metric.endsWith("_seconds") || metric.startsWith("ms_"); // fit_seconds, a GAN's ms_per_step
  }

  public static RunDiff between(RunFolder a, RunFolder b) {
    List<Row> params = values(flatten(a.params()), flatten(b.params()));
    Map<String, String> whatA = whatRan(a);
    Map<String, String> whatB = whatRan(b);
    List<Row> provenance = new ArrayList<>(values(whatA, whatB));
    Row deps = dependencies(a.provenance().path("dependencies"), b.provenance().path("dependencies"));
    if (deps != null) {
      provenance.add(deps);
    }
    List<Row> metrics = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>(a.metrics().keySet());
    names.addAll(b.metrics().keySet());
    for (String name : names) {
      Double x = a.metrics().get(name);
      Double y = b.metrics().get(name);
      if (!Objects.equals(x, y)) {
        metrics.add(new Row(name, show(x), show(y), isTiming(name) ? "timing, not compared" : change(x, y)));
      }
    }
    return new RunDiff(params, provenance, metrics);
  }

  /** The metrics that differ, timing metrics left out. */
  public List<Row> metricDifferences() {
    return metrics.stream().filter(row -> !isTiming(row.key())).toList();
  }

  private static Map<String, String> whatRan(RunFolder run) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("status", run.statusText());
    fields.put("seed", RunFolder.text(run.json().path("seed"), null));
    fields.putAll(flatten(run.json().path("dataset"), "dataset."));
    run.provenance().properties().forEach(e -> {
      if (!PER_RUN.contains(e.getKey()) && !e.getKey().equals("dependencies")) {
        fields.putAll(e.getValue().isObject() ? flatten(e.getValue(), e.getKey() + ".")
            : Map.of(e.getKey(), RunFolder.text(e.getValue(), "null")));
      }
    });
    return fields;
  }

  /** Jars on one run's class path and not on the other's (a changed version shows on both sides). */
  private static Row dependencies(JsonNode a, JsonNode b) {
    if (!a.isArray() && !b.isArray()) {
      return null;
    }
    Set<String> onlyA = new LinkedHashSet<>(a.valueStream().map(JsonNode::asString).toList());
    Set<String> onlyB = new LinkedHashSet<>(b.valueStream().map(JsonNode::asString).toList());
    Set<String> shared = new LinkedHashSet<>(onlyA);
    shared.retainAll(onlyB);
    onlyA.removeAll(shared);
    onlyB.removeAll(shared);
    if (onlyA.isEmpty() && onlyB.isEmpty()) {
      return null;
    }
    return new Row("dependencies", onlyA.isEmpty() ? "-" : String.join(" ", onlyA),
        onlyB.isEmpty() ? "-" : String.join(" ", onlyB), onlyA.size() + " only in A, " + onlyB.size() + " only in B");
  }

  private static List<Row> values(Map<String, String> a, Map<String, String> b) {
    Set<String> keys = new LinkedHashSet<>(a.keySet());
    keys.addAll(b.keySet());
    List<Row> rows = new ArrayList<>();
    for (String key : keys) {
      String x = a.get(key);
      String y = b.get(key);
      if (!Objects.equals(x, y)) {
        rows.add(new Row(key, x == null ? "(absent)" : x, y == null ? "(absent)" : y, ""));
      }
    }
    return rows;
  }

  private static Map<String, String> flatten(JsonNode object) {
    return flatten(object, "");
  }

  private static Map<String, String> flatten(JsonNode object, String prefix) {
    Map<String, String> flat = new LinkedHashMap<>();
    object.properties().forEach(e -> {
      if (e.getValue().isObject()) {
        flat.putAll(flatten(e.getValue(), prefix + e.getKey() + "."));
      } else {
        flat.put(prefix + e.getKey(), RunFolder.text(e.getValue(), "null"));
      }
    });
    return flat;
  }

  private static String show(Double value) {
    return value == null ? "(absent)" : Double.toString(value);
  }

  /** {@code +0.0012 (+0.15%)}: the difference B − A and its size relative to A. */
  private static String change(Double x, Double y) {
    if (x == null || y == null || x.isNaN() || y.isNaN()) {
      return "";
    }
    double delta = y - x;
    String relative = x == 0 ? "" : String.format(Locale.ROOT, " (%+.3g%%)", 100 * delta / Math.abs(x));
    return String.format(Locale.ROOT, "%+.3g", delta) + relative;
  }
}
