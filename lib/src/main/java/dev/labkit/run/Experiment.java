package dev.labkit.run;

import dev.labkit.Params;
import dev.labkit.Spec;
import dev.labkit.UserError;
import dev.labkit.cli.LabOptions;
import dev.labkit.data.DataSpec;
import dev.labkit.eval.Evaluation;
import dev.labkit.model.ModelSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole experiment, described and not yet run: a name, the data, the model, what to evaluate and
 * the seed. Immutable; every wither returns a new experiment, so a base experiment can be forked.
 * Its {@link #params()} gather every knob under one dotted name ({@code data.scale}, {@code model.c}),
 * the names {@code --set} takes and the report shows.
 */
public record Experiment(String name, DataSpec<?> data, ModelSpec<?> model, List<Evaluation> evaluations, long seed)
    implements Spec<Experiment> {

  public static final long DEFAULT_SEED = 42;

  public Experiment {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
      throw new UserError("experiment name must be letters, digits, '.', '_' or '-', got '" + name + "'");
    }
    evaluations = List.copyOf(evaluations);
  }

  /** The same experiment, evaluated with {@code more} as well. */
  public Experiment evaluate(Evaluation... more) {
    List<Evaluation> all = new java.util.ArrayList<>(evaluations);
    all.addAll(List.of(more));
    return new Experiment(name, data, model, all, seed);
  }

  public Experiment seed(long value) {
    return new Experiment(name, data, model, evaluations, value);
  }

  public Experiment data(DataSpec<?> value) {
    return new Experiment(name, value, model, evaluations, seed);
  }

  public Experiment model(ModelSpec<?> value) {
    return new Experiment(name, data, value, evaluations, seed);
  }

  @Override
  public Map<String, Object> params() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("seed", seed);
    params.put("data", data.name());
    data.params().forEach((key, value) -> params.put("data." + key, value));
    params.put("model", model.name());
    model.params().forEach((key, value) -> params.put("model." + key, value));
    return params;
  }

  @Override
  public Experiment with(String key, String value) {
    if (key.equals("seed")) {
      return seed(Params.parseInt(key, value));
    }
    try {
      if (key.startsWith("data.")) {
        return data((DataSpec<?>) data.with(key.substring(5), value));
      }
      if (key.startsWith("model.")) {
        return model((ModelSpec<?>) model.with(key.substring(6), value));
      }
    } catch (UserError e) {
      if (e.getMessage().startsWith("unknown parameter")) {
        throw Params.unknownKey(key, settable());
      }
      throw new UserError(key.substring(0, key.indexOf('.') + 1) + e.getMessage(), e);
    }
    throw Params.unknownKey(key, settable());
  }

  /** The keys {@code --set} accepts: every param except the names of the data and the model. */
  private Map<String, Object> settable() {
    Map<String, Object> keys = params();
    keys.remove("data");
    keys.remove("model");
    return keys;
  }

  /** Runs the experiment with the options of a script's command line; returns the exit code. */
  public int run(LabOptions options) {
    return Runner.run(this, options);
  }
}
