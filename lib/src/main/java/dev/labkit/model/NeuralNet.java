package dev.labkit.model;

import dev.labkit.Params;
import dev.labkit.UserError;
import dev.labkit.neural.Training;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A classifier network trained by labkit's hand-written mini-batch loop (DJL, PyTorch engine): softmax
 * regression when {@code hidden} is empty (one linear layer, then softmax), a multi-layer perceptron
 * otherwise. How it is trained (optimizer, learning rate, schedule, early stopping) is a {@link Training},
 * whose keys show among the model's: {@code model.optimizer}, {@code model.lr}, {@code model.early_stop}.
 *
 * <pre>{@code
 * softmaxRegression()                                  // Adam, lr 1e-3, 10 epochs, batch 128
 * softmaxRegression().optimizer(Optimizer.SGD).lr(0.01)
 * mlp(256, 128).activation(Activation.TANH).dropout(0.2).epochs(20)
 * }</pre>
 *
 * @param hidden          widths of the hidden layers, input side first; empty for softmax regression
 * @param activation      after each hidden layer: {@code relu}, {@code tanh}, {@code sigmoid} or
 *                        {@code leaky-relu} (slope 0.01 below zero)
 * @param dropout         share of each hidden layer's outputs zeroed while training, in [0, 1)
 * @param epochs          passes over the training set, ≥ 1
 * @param batch           examples per update, ≥ 1 (and at most the training set, checked when fitting)
 * @param threads         libtorch's intra-op threads, ≥ 1. One by default: on 2 cores a second thread made an
 *                        epoch 1.4× faster when the machine was idle and up to 23× slower when it was busy, and a
 *                        fixed count keeps runs bit-identical (bench/README.md)
 * @param overfitPatience flag overfitting after this many epochs in which the validation loss and
 *                        accuracy both failed to beat their best while the training loss kept falling; 0 = off
 * @param training        optimizer, learning rate, schedule and early stopping
 */
public record NeuralNet(List<Integer> hidden, Activation activation, double dropout, int epochs, int batch,
    int threads, int overfitPatience, Training training) implements ModelSpec<NeuralNet> {

  /** The non-linearities between layers. */
  public enum Activation { RELU, TANH, SIGMOID, LEAKY_RELU }

  /** Epochs a {@code --smoke} run trains at most: enough to see every event, in a second. */
  public static final int SMOKE_EPOCHS = 2;

  public NeuralNet {
    hidden = List.copyOf(hidden);
    for (int width : hidden) {
      if (width < 1) {
        throw new UserError("hidden layer widths must be ≥ 1, got " + hidden);
      }
    }
    if (activation == null) {
      throw new UserError("activation must be one of relu, tanh, sigmoid, leaky-relu, got nothing");
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new UserError("dropout must be in [0, 1), got " + Params.show(dropout) + " (the share of units zeroed)");
    }
    if (epochs < 1) {
      throw new UserError("epochs must be ≥ 1, got " + epochs);
    }
    if (batch < 1) {
      throw new UserError("batch must be ≥ 1, got " + batch + " (examples per update; try 128)");
    }
    if (threads < 1) {
      throw new UserError("threads must be ≥ 1, got " + threads + " (libtorch intra-op threads)");
    }
    if (overfitPatience < 0) {
      throw new UserError("overfit_patience must be ≥ 0, got " + overfitPatience + " (0 switches the flag off)");
    }
    if (training == null) {
      throw new UserError("training must be given");
    }
  }

  /**
   * Softmax regression as in the PyTorch notebook: {@code nn.Linear(784, 10)}, cross-entropy, Adam at
   * lr 1e-3, 10 epochs of batch 128, on one libtorch thread; overfitting flagged after 3 stalled epochs.
   */
  public static NeuralNet softmaxRegression() {
    return new NeuralNet(List.of(), Activation.RELU, 0, 10, 128, 1, 3,
        Training.defaults().optimizer(Training.Optimizer.ADAM).lr(1e-3));
  }

  /** An MLP with these hidden widths and ReLU, otherwise as {@link #softmaxRegression()}. */
  public static NeuralNet mlp(int... hidden) {
    if (hidden.length == 0) {
      throw new UserError("mlp needs at least one hidden layer width, e.g. mlp(256); softmaxRegression() has none");
    }
    return softmaxRegression().hidden(hidden);
  }

  public NeuralNet hidden(int... widths) {
    return new NeuralNet(java.util.Arrays.stream(widths).boxed().toList(), activation, dropout, epochs, batch,
        threads, overfitPatience, training);
  }

  public NeuralNet activation(Activation value) {
    return new NeuralNet(hidden, value, dropout, epochs, batch, threads, overfitPatience, training);
  }

  public NeuralNet dropout(double value) {
    return new NeuralNet(hidden, activation, value, epochs, batch, threads, overfitPatience, training);
  }

  public NeuralNet epochs(int value) {
    return new NeuralNet(hidden, activation, dropout, value, batch, threads, overfitPatience, training);
  }

  public NeuralNet batch(int value) {
    return new NeuralNet(hidden, activation, dropout, epochs, value, threads, overfitPatience, training);
  }

  public NeuralNet threads(int value) {
    return new NeuralNet(hidden, activation, dropout, epochs, batch, value, overfitPatience, training);
  }

  public NeuralNet overfitPatience(int value) {
    return new NeuralNet(hidden, activation, dropout, epochs, batch, threads, value, training);
  }

  public NeuralNet training(Training value) {
    return new NeuralNet(hidden, activation, dropout, epochs, batch, threads, overfitPatience, value);
  }

  /** Shortcut for {@code training(training().optimizer(value))}. */
  public NeuralNet optimizer(Training.Optimizer value) {
    return training(training.optimizer(value));
  }

  /** Shortcut for {@code training(training().lr(value))}. */
  public NeuralNet lr(double value) {
    return training(training.lr(value));
  }

  /** Shortcut for {@code training(training().earlyStop(value))}. */
  public NeuralNet earlyStop(int value) {
    return training(training.earlyStop(value));
  }

  /** The same net trained for at most {@link #SMOKE_EPOCHS} epochs: what {@code --smoke} fits. */
  public NeuralNet smoke() {
    return epochs(Math.min(epochs, SMOKE_EPOCHS));
  }

  /** Whether this is softmax regression: no hidden layer, so its weights are one image per class. */
  public boolean linear() {
    return hidden.isEmpty();
  }

  @Override
  public String name() {
    return linear() ? "softmax-regression" : "mlp";
  }

  /** The network's keys, then the training's; hidden, activation and dropout only for an MLP. */
  @Override
  public Map<String, Object> params() {
    Map<String, Object> params = new LinkedHashMap<>();
    if (!linear()) {
      params.put("hidden", String.join(",", hidden.stream().map(String::valueOf).toList()));
      params.put("activation", Params.name(activation));
      params.put("dropout", dropout);
    }
    params.put("epochs", epochs);
    params.put("batch", batch);
    params.put("threads", threads);
    params.put("overfit_patience", overfitPatience);
    params.putAll(training.params());
    return params;
  }

  @Override
  public NeuralNet with(String key, String value) {
    if (Training.has(key)) {
      return training(training.with(key, value));
    }
    return switch (key) {
      case "hidden" -> hidden(parseWidths(value));
      case "activation" -> activation(Params.parseEnum(key, value, Activation.class));
      case "dropout" -> dropout(Params.parseDouble(key, value));
      case "epochs" -> epochs(Params.parseInt(key, value));
      case "batch" -> batch(Params.parseInt(key, value));
      case "threads" -> threads(Params.parseInt(key, value));
      case "overfit_patience" -> overfitPatience(Params.parseInt(key, value));
      default -> throw Params.unknownKey(key, params());
    };
  }

  /** "256,128" → {256, 128}; "" or "none" → no hidden layer. */
  private static int[] parseWidths(String value) {
    List<Integer> widths = new ArrayList<>();
    String text = value.trim();
    if (!text.isEmpty() && !text.equalsIgnoreCase("none")) {
      for (String part : text.split(",")) {
        widths.add(Params.parseInt("hidden", part));
      }
    }
    return widths.stream().mapToInt(Integer::intValue).toArray();
  }
}
