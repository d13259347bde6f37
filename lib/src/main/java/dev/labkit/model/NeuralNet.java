package dev.labkit.model;

import dev.labkit.ground.DeclaredSpec;
import dev.labkit.ground.Declare;
import dev.labkit.ground.ParamTable;
import dev.labkit.ground.ParamType;
import dev.labkit.ground.UserError;
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
 * @param conv            channels of the convolution layers (3×3, ReLU, 2×2 max-pool each), input side first;
 *                        empty for a network of dense layers only
 * @param hidden          widths of the hidden layers, input side first; empty for softmax regression
 * @param activation      after each hidden layer: {@code relu}, {@code tanh}, {@code sigmoid} or
 *                        {@code leaky-relu} (slope 0.01 below zero)
 * @param dropout         share of each hidden layer's outputs zeroed while training, in [0, 1)
 * @param epochs          passes over the training set, ≥ 1
 * @param batch           examples per update, ≥ 1 (and at most the training set, checked when fitting)
 * @param threads         libtorch's intra-op threads, ≥ 1. One by default: on 2 cores a second thread made an
 *                        epoch 1.4× faster when the machine was idle and up to 23× slower when it was busy, and a
 *                        fixed count keeps runs bit-identical (bench/README.md). Softmax regression with the
 *                        built-in loss trains on one JVM thread and ignores it
 * @param overfitPatience flag overfitting after this many epochs in which the validation loss and
 *                        accuracy both failed to beat their best while the training loss kept falling; 0 = off
 * @param training        optimizer, learning rate, schedule and early stopping
 * @param block           your own network in place of the layers above; null for labkit's
 * @param loss            your own loss in place of cross-entropy; null for cross-entropy
 * @param noise           noise injected while training: on the inputs of every batch, on every parameter after
 *                        each update, on the learning rate ({@link Injection}; none by default)
 */
public record NeuralNet(List<Integer> conv, List<Integer> hidden, Activation activation, double dropout, int epochs,
    int batch, int threads, int overfitPatience, Training training, OwnBlock block, OwnLoss loss, Injection noise) implements ClassifierSpec<NeuralNet>, DeclaredSpec<NeuralNet> {

  /** The non-linearities between layers. */
  public enum Activation { RELU, TANH, SIGMOID, LEAKY_RELU }

  /** Epochs a {@code --smoke} run trains at most: enough to see every event, in a second. */
  public static final int SMOKE_EPOCHS = 2;

  private static final Declare<NeuralNet> P = Declare.of(NeuralNet.class);

  /** Every knob, declared once (the training's are its own); hidden, activation and dropout show for an MLP only. */
  public static final ParamTable<NeuralNet> PARAMS = ParamTable.of(
      P.widths("conv", ParamType.widths(",", true), NeuralNet::conv,
          (net, widths) -> net.conv(widths.stream().mapToInt(Integer::intValue).toArray()),
          "channels of the 3×3 convolution layers, each with ReLU and 2×2 max-pooling: `32,64` (CNN only)")
          .check(widths -> widths.stream().allMatch(w -> w != null && w >= 1), "widths ≥ 1 such as 32,64")
          .shownWhen(net -> !net.conv().isEmpty()),
      P.widths("hidden", ParamType.widths(",", true), NeuralNet::hidden,
          (net, widths) -> net.hidden(widths.stream().mapToInt(Integer::intValue).toArray()),
          "hidden layer widths, input side first: `256,128` (MLP only; `none` makes softmax regression)")
          .check(widths -> widths.stream().allMatch(w -> w != null && w >= 1), "widths ≥ 1 such as 256,128")
          .shownWhen(net -> !net.hidden().isEmpty()),
      P.choice("activation", Activation.class, NeuralNet::activation, NeuralNet::activation,
          "after each hidden layer: `relu`, `tanh`, `sigmoid`, `leaky-relu` (slope 0.01)")
          .shownWhen(net -> !net.linear() && net.block() == null),
      P.number("dropout", NeuralNet::dropout, NeuralNet::dropout, "share of hidden units zeroed while training")
          .check(v -> v >= 0 && v < 1, "in [0, 1)", "the share of units zeroed")
          .shownWhen(net -> !net.linear() && net.block() == null),
      P.of("loss", ParamType.of("cross_entropy / custom:<name>", (key, text) -> text.trim()), NeuralNet::lossName,
          (net, text) -> text.equals(net.lossName()) ? net : net.withoutLoss(text),
          "`cross_entropy`; `custom:<name>` is a loss given in the script with `.loss(name, (scores, labels) -> …)`")
          .shownWhen(net -> net.loss() != null),
      P.integer("epochs", NeuralNet::epochs, NeuralNet::epochs, "passes over the training set (`--smoke`: at most 2)")
          .check(v -> v >= 1, "≥ 1"),
      P.integer("batch", NeuralNet::batch, NeuralNet::batch,
          "examples per update; more than the training set is an error")
          .check(v -> v >= 1, "≥ 1", "examples per update; try 128"),
      P.integer("threads", NeuralNet::threads, NeuralNet::threads,
          "libtorch intra-op threads; 2 is 1.4× faster on an idle 2-core machine but far slower on a busy one "
          + "(bench/README.md); softmax regression trains on one JVM thread and ignores it").check(v -> v >= 1, "≥ 1", "libtorch intra-op threads"),
      P.integer("overfit_patience", NeuralNet::overfitPatience, NeuralNet::overfitPatience,
          "flag overfitting after this many epochs in which validation loss and accuracy both stall while the "
          + "training loss falls; 0 = off").check(v -> v >= 0, "≥ 0", "0 switches the flag off"),
      P.group(NeuralNet::training, NeuralNet::training, Training.PARAMS),
      P.group(NeuralNet::noise, NeuralNet::noise, Injection.PARAMS));

  public NeuralNet {
    PARAMS.validate(conv, hidden, activation, dropout, null, epochs, batch, threads, overfitPatience);
    conv = List.copyOf(conv);
    hidden = List.copyOf(hidden);
    if (training == null || noise == null) {
      throw new UserError("training and noise must be given (Injection.none() for no noise)");
    }
  }

  /**
   * Softmax regression as in the PyTorch notebook: {@code nn.Linear(784, 10)}, cross-entropy, Adam at
   * lr 1e-3, 10 epochs of batch 128, on one libtorch thread; overfitting flagged after 3 stalled epochs.
   */
  public static NeuralNet softmaxRegression() {
    return new NeuralNet(List.of(), List.of(), Activation.RELU, 0, 10, 128, 1, 3,
        Training.defaults().optimizer(Training.Optimizer.ADAM).lr(1e-3), null, null, Injection.none());
  }

  /** An MLP with these hidden widths and ReLU, otherwise as {@link #softmaxRegression()}. */
  public static NeuralNet mlp(int... hidden) {
    if (hidden.length == 0) {
      throw new UserError("mlp needs at least one hidden layer width, e.g. mlp(256); softmaxRegression() has none");
    }
    return softmaxRegression().hidden(hidden);
  }

  /**
   * A LeNet-like convolutional network sized by the data's shape (28×28×1, 32×32×3, any image): two 3×3
   * convolutions of 32 and 64 channels, each with ReLU and 2×2 max-pooling, then a dense layer of 128 with
   * dropout 0.25, then one score per class; Adam at lr 1e-3, 10 epochs of batch 128.
   */
  public static NeuralNet cnn() {
    return softmaxRegression().conv(32, 64).hidden(128).dropout(0.25);
  }

  /**
   * Your own network, trained by the same loop as the built-in ones (optimizers, schedules, early stopping,
   * curves, evaluation): {@code factory} builds a DJL block for the data's shape and class count (see
   * {@link OwnBlock}). Adam at lr 1e-3, 10 epochs of batch 128, as {@link #softmaxRegression()}.
   */
  public static NeuralNet network(String name, OwnBlock.Factory factory) {
    return softmaxRegression().block(new OwnBlock(name, factory));
  }

  public NeuralNet conv(int... channels) {
    return new NeuralNet(java.util.Arrays.stream(channels).boxed().toList(), hidden, activation, dropout, epochs,
        batch, threads, overfitPatience, training, block, loss, noise);
  }

  /** Your own block in place of labkit's layers; its conv, hidden, activation and dropout params no longer apply. */
  public NeuralNet block(OwnBlock value) {
    return new NeuralNet(List.of(), List.of(), activation, 0, epochs, batch, threads, overfitPatience, training, value, loss, noise);
  }

  /** {@code --set model.loss=cross_entropy} goes back to the built-in loss; any other name is not known here. */
  private NeuralNet withoutLoss(String text) {
    if (!text.equals("cross_entropy")) {
      throw new UserError("model.loss=" + text + ": a classification network knows cross_entropy; a loss of your "
          + "own is given in the script with .loss(\"name\", (scores, labels) -> …)");
    }
    return new NeuralNet(conv, hidden, activation, dropout, epochs, batch, threads, overfitPatience, training, block,
        null, noise);
  }

  /** Trains with your own loss in place of cross-entropy (see {@link OwnLoss}). */
  public NeuralNet loss(String name, java.util.function.BinaryOperator<ai.djl.ndarray.NDArray> function) {
    return new NeuralNet(conv, hidden, activation, dropout, epochs, batch, threads, overfitPatience, training, block,
        new OwnLoss(name, function), noise);
  }

  /** The loss's name as params show it: {@code cross_entropy}, or {@code custom:<name>}. */
  public String lossName() {
    return loss == null ? "cross_entropy" : "custom:" + loss.name();
  }

  public NeuralNet hidden(int... widths) {
    return new NeuralNet(conv, java.util.Arrays.stream(widths).boxed().toList(), activation, dropout, epochs, batch,
        threads, overfitPatience, training, block, loss, noise);
  }

  public NeuralNet activation(Activation value) {
    return new NeuralNet(conv, hidden, value, dropout, epochs, batch, threads, overfitPatience, training, block, loss, noise);
  }

  public NeuralNet dropout(double value) {
    return new NeuralNet(conv, hidden, activation, value, epochs, batch, threads, overfitPatience, training, block, loss, noise);
  }

  public NeuralNet epochs(int value) {
    return new NeuralNet(conv, hidden, activation, dropout, value, batch, threads, overfitPatience, training, block, loss, noise);
  }

  public NeuralNet batch(int value) {
    return new NeuralNet(conv, hidden, activation, dropout, epochs, value, threads, overfitPatience, training, block, loss, noise);
  }

  public NeuralNet threads(int value) {
    return new NeuralNet(conv, hidden, activation, dropout, epochs, batch, value, overfitPatience, training, block, loss, noise);
  }

  public NeuralNet overfitPatience(int value) {
    return new NeuralNet(conv, hidden, activation, dropout, epochs, batch, threads, value, training, block, loss, noise);
  }

  public NeuralNet training(Training value) {
    return new NeuralNet(conv, hidden, activation, dropout, epochs, batch, threads, overfitPatience, value, block, loss, noise);
  }

  /** Trains with noise injected: into the inputs, the parameters or the learning rate ({@link Injection}). */
  public NeuralNet noise(Injection value) {
    return new NeuralNet(conv, hidden, activation, dropout, epochs, batch, threads, overfitPatience, training, block,
        loss, value);
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
    return hidden.isEmpty() && conv.isEmpty() && block == null;
  }

  /** Whether the network takes images as (batch, channels, height, width): a CNN or your own block. */
  public boolean takesImages() {
    return !conv.isEmpty() || block != null;
  }

  @Override
  public String name() {
    return block != null ? block.name() : !conv.isEmpty() ? "cnn" : linear() ? "softmax-regression" : "mlp";
  }

  @Override
  public ParamTable<NeuralNet> paramTable() {
    return PARAMS;
  }

}
