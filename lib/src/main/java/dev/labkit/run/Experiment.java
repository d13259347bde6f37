package dev.labkit.run;

import dev.labkit.data.DataSpec;
import dev.labkit.data.Datasets;
import dev.labkit.eval.Evaluation;
import dev.labkit.ground.Params;
import dev.labkit.ground.Selection;
import dev.labkit.ground.Spec;
import dev.labkit.ground.UserError;
import dev.labkit.model.ClassifierSpec;
import dev.labkit.model.ModelSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole experiment, described and not yet run: a name, the data, the model (or several models to
 * compare), parameters to sweep, what to evaluate and the seed. Immutable; every wither returns a new
 * experiment, so a base experiment can be forked. Its {@link #params()} gather every knob under one
 * dotted name ({@code data.scale}, {@code model.c}), the names {@code --set} takes and the report shows.
 *
 * @param compared   the models of a comparison, each run as its own trial; empty for one model
 * @param validation share of the training set held out to choose between trials (0 = none)
 * @param repeats    seeds each trial runs with ({@link #repeat}); 1: the seed alone
 * @param notes      what the script says about the experiment, in Markdown with {@code $…$} and {@code $$…$$}
 *                   math, in the order written: recorded in every run's run.json, shown on the report page
 */
public record Experiment(String name, DataSpec<?> data, ModelSpec<?> model, List<ClassifierSpec<?>> compared,
    List<Sweep> sweeps, double validation, List<Evaluation> evaluations, long seed, int repeats, List<String> notes)
    implements Spec<Experiment> {

  public static final long DEFAULT_SEED = 42;

  public Experiment {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new UserError("experiment name must be letters, digits, '.', '_' or '-', got '" + name + "'");
    }
    if (!(validation >= 0 && validation < 1)) {
      throw new UserError("validation must be in [0, 1), got " + Params.show(validation));
    }
    if (repeats < 1) {
      throw new UserError("repeat needs N ≥ 1 seeds per trial, got " + repeats + " (.repeat(3), or --repeat 3)");
    }
    compared = List.copyOf(compared);
    sweeps = List.copyOf(sweeps);
    evaluations = List.copyOf(evaluations);
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  /** An experiment with no notes, run once per trial. */
  public Experiment(String name, DataSpec<?> data, ModelSpec<?> model, List<ClassifierSpec<?>> compared,
      List<Sweep> sweeps, double validation, List<Evaluation> evaluations, long seed) {
    this(name, data, model, compared, sweeps, validation, evaluations, seed, 1, List.of());
  }

  /**
   * Adds a note for the report page: Markdown, with inline math between {@code $…$} and display math
   * between {@code $$…$$} (rendered offline by KaTeX); raw HTML is shown as text. Repeatable, kept in order.
   *
   * <pre>{@code
   * .note("max_iter stays 200: L1 at C = 10 needs 2,322 iterations to converge, and scores *lower* on test.")
   * .note("The loss is the cross-entropy $-\\sum_k y_k \\log p_k$.")
   * }</pre>
   */
  public Experiment note(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      throw new UserError("note needs some text, got " + (markdown == null ? "null" : "an empty string"));
    }
    List<String> all = new ArrayList<>(notes);
    all.add(markdown.strip());
    return new Experiment(name, data, model, compared, sweeps, validation, evaluations, seed, repeats, all);
  }

  /** The same experiment, evaluated with {@code more} as well. */
  public Experiment evaluate(Evaluation... more) {
    List<Evaluation> all = new ArrayList<>(evaluations);
    all.addAll(List.of(more));
    return new Experiment(name, data, model, compared, sweeps, validation, all, seed, repeats, notes);
  }

  /**
   * Chooses a sweep's best trial by your own metric instead of the kind's (accuracy, MSE, FID), in its
   * direction; read on the usual part (CV mean, validation, then test, said so). The metric must be measured.
   */
  public Experiment rankBy(Evaluation.Custom metric) {
    return rankBy(metric.name(), metric.lowerIsBetter());
  }

  /** Chooses a sweep's best trial by {@code measure} (e.g. {@code macro_f1}), higher better unless said. */
  public Experiment rankBy(String measure, boolean lowerIsBetter) {
    List<Evaluation> all = new ArrayList<>(evaluations);
    all.removeIf(e -> e instanceof Evaluation.RankBy);
    all.add(new Evaluation.RankBy(measure, lowerIsBetter));
    return new Experiment(name, data, model, compared, sweeps, validation, all, seed, repeats, notes);
  }

  /** The rule {@link #rankBy} set, or null for the kind's own. */
  public Selection.Rule rank() {
    return evaluations.stream().filter(e -> e instanceof Evaluation.RankBy).map(e -> (Evaluation.RankBy) e)
        .map(r -> new Selection.Rule(r.measure(), r.lowerIsBetter())).reduce((a, b) -> b).orElse(null);
  }

  /** The same experiment under another name: a fork of a base experiment that asks another question. */
  public Experiment named(String value) {
    return new Experiment(value, data, model, compared, sweeps, validation, evaluations, seed, repeats, notes);
  }

  public Experiment seed(long value) {
    return new Experiment(name, data, model, compared, sweeps, validation, evaluations, value, repeats, notes);
  }

  /**
   * Runs every trial (or the single run) {@code n} times, with {@code n} seeds derived from the seed
   * (the first is the seed itself), each in its own run folder; tables show mean ± std over them and the
   * best trial is chosen on the mean. {@code --repeat N} overrides it.
   */
  public Experiment repeat(int n) {
    return new Experiment(name, data, model, compared, sweeps, validation, evaluations, seed, n, notes);
  }

  public Experiment data(DataSpec<?> value) {
    return new Experiment(name, value, model, compared, sweeps, validation, evaluations, seed, repeats, notes);
  }

  public Experiment model(ModelSpec<?> value) {
    return new Experiment(name, data, value, List.of(), sweeps, validation, evaluations, seed, repeats, notes);
  }

  /**
   * Holds out {@code fraction} of the training set (stratified, seeded) as a validation set: every
   * trial reports {@code val/accuracy}, and a sweep picks its best trial by it instead of by the test set.
   */
  public Experiment validation(double fraction) {
    return new Experiment(name, data, model, compared, sweeps, fraction, evaluations, seed, repeats, notes);
  }

  /**
   * Runs one trial per value of {@code key} (crossed with any other sweep). Each value is checked now:
   * a key the experiment does not have, or a value it refuses, is an error before anything runs.
   */
  public Experiment sweep(String key, Object... values) {
    Sweep sweep = Sweep.of(key, values);
    Experiment single = new Experiment(name, data, model, compared, List.of(), validation, evaluations, seed, repeats, notes);
    sweep.values().forEach(value -> single.with(key, value));
    List<Sweep> all = new ArrayList<>(sweeps);
    all.removeIf(existing -> overlaps(existing.key(), key));
    all.add(sweep);
    return new Experiment(name, data, model, compared, all, validation, evaluations, seed, repeats, notes);
  }

  /**
   * A tied sweep: one trial per value, each value given to every one of {@code keys} at once, e.g. G's and D's
   * widths changed together ({@code sweepTogether(List.of("model.generator", "model.discriminator"), "128",
   * "256x512")}). Its key is the keys joined by commas, as {@code --sweep model.generator,model.discriminator=…}
   * writes it; it crosses with other sweeps like any sweep.
   */
  public Experiment sweepTogether(List<String> keys, Object... values) {
    if (keys.size() < 2) {
      throw new UserError("sweepTogether ties 2 or more keys, got " + keys + "; for one key use sweep(key, values)");
    }
    return sweep(String.join(",", keys), values);
  }

  /** Whether two sweep keys (a tied one is keys joined by commas) share a key. */
  private static boolean overlaps(String a, String b) {
    List<String> left = List.of(a.split(","));
    return List.of(b.split(",")).stream().anyMatch(left::contains);
  }

  /** Compares several models: one trial each, on the same data and splits. */
  public Experiment compare(ClassifierSpec<?>... models) {
    if (models.length == 0) {
      throw new UserError("compare needs at least one model");
    }
    return new Experiment(name, data, models[0], List.of(models), sweeps, validation, evaluations, seed, repeats, notes);
  }

  /** Every run this experiment makes: the compared models crossed with every swept value. */
  public List<Trial> trials() {
    return Trial.allOf(this);
  }

  @Override
  public Map<String, Object> params() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("seed", seed);
    params.put("data", data.name());
    data.params().forEach((key, value) -> params.put("data." + key, value));
    params.put("validation", validation);
    params.put("model", model.name());
    model.params().forEach((key, value) -> params.put("model." + key, value));
    return params;
  }

  /** Sets one parameter; setting a swept key replaces that sweep by the single value. */
  @Override
  public Experiment with(String key, String value) {
    if (key.contains(",")) { // a tied key: the value goes to each of its keys
      Experiment each = this;
      for (String one : key.split(",")) {
        each = each.with(one.trim(), value);
      }
      return each.unsweep(key);
    }
    Experiment unswept = unsweep(key);
    return switch (key) {
      case "seed" -> unswept.seed(Params.parseInt(key, value));
      case "validation" -> unswept.validation(Params.parseDouble(key, value));
      case "model" -> unswept.choose(value);
      case "data" -> unswept.data(Datasets.parse(value));
      default -> unswept.route(key, value);
    };
  }

  /** Drops the sweep of {@code key}; a new dataset ({@code data}) also drops the sweeps of the old one's params. */
  private Experiment unsweep(String key) {
    List<Sweep> rest = new ArrayList<>(sweeps);
    rest.removeIf(sweep -> overlaps(sweep.key(), key) || key.equals("data") && sweep.key().startsWith("data."));
    return new Experiment(name, data, model, compared, rest, validation, evaluations, seed, repeats, notes);
  }

  /** {@code --set model=random-forest}: keeps the one compared model of that name. */
  private Experiment choose(String modelName) {
    List<ModelSpec<?>> models = compared.isEmpty() ? List.of(model) : List.copyOf(compared);
    for (ModelSpec<?> each : models) {
      if (each.name().equals(modelName)) {
        return model(each);
      }
    }
    throw new UserError("model must be one of " + String.join(", ", models.stream().map(ModelSpec::name).toList())
        + ", got '" + modelName + "'");
  }

  private Experiment route(String key, String value) {
    try {
      if (key.startsWith("data.")) {
        return data((DataSpec<?>) data.with(key.substring(5), value));
      }
      if (key.startsWith("model.") && compared.isEmpty()) {
        return model((ModelSpec<?>) model.with(key.substring(6), value));
      }
      if (key.startsWith("model.")) { // a comparison: set it on every model that has it
        String relative = key.substring(6);
        List<ClassifierSpec<?>> changed = new ArrayList<>();
        boolean any = false;
        for (ClassifierSpec<?> each : compared) {
          boolean has = each.params().containsKey(relative);
          any |= has;
          changed.add(has ? (ClassifierSpec<?>) each.with(relative, value) : each);
        }
        if (any) {
          return new Experiment(name, data, changed.getFirst(), changed, sweeps, validation, evaluations, seed, repeats, notes);
        }
      }
    } catch (UserError e) {
      if (e.getMessage().startsWith("unknown parameter")) {
        throw Params.unknownKey(key, settable());
      }
      throw new UserError(key.substring(0, key.indexOf('.') + 1) + e.getMessage(), e);
    }
    throw Params.unknownKey(key, settable());
  }

  /** The keys {@code --set} accepts: every param (for a comparison, every model's). */
  private Map<String, Object> settable() {
    Map<String, Object> keys = params();
    if (compared.isEmpty()) {
      keys.remove("model");
    }
    for (ClassifierSpec<?> each : compared) {
      each.params().forEach((key, value) -> keys.putIfAbsent("model." + key, value));
    }
    return keys;
  }

  /** Runs the experiment with the settings of a script's command line ({@code .run(lab)}); returns the exit code. */
  public int run(SettingsSource settings) {
    return Runner.run(this, settings);
  }
}
