package dev.labkit.neural;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import dev.labkit.data.Dataset;
import dev.labkit.data.Datasets;
import dev.labkit.data.LoadOptions;
import dev.labkit.data.TrainTest;
import dev.labkit.data.Transforms;
import dev.labkit.ground.Event;
import dev.labkit.model.NeuralNet;
import dev.labkit.model.Training;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seconds per epoch of the training loop on Fashion-MNIST (48,000 images an epoch, batch 128, Adam), for
 * softmax regression and a 784→256→10 MLP at 1 and 2 libtorch threads: our loop ({@link ClassifierTrainer},
 * with its per-epoch loss and accuracy) against the bare DJL calls it is made of (gather, forward, loss,
 * backward, update; nothing kept). Then the test accuracy of Adam, SGD and RMSProp at 10 epochs as in
 * PEERS.md. Run by bench/nn.sh; not a test. Arguments: epochs per timing (default 6); "timing" or
 * "accuracy" to run one part only ("all" both); the thread counts to time, e.g. "1,2" (the default); the
 * models to time, "softmax,mlp" (the default) or "cnn" (cnn(): 3×3 conv 32 → pool → 3×3 conv 64 → pool → 128 → 10).
 */
public final class NeuralBench {
  private NeuralBench() {}

  public static void main(String[] args) {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 6;
    String part = args.length > 1 ? args[1] : "all";
    int[] threadCounts = args.length > 2 ? Arrays.stream(args[2].split(",")).mapToInt(Integer::parseInt).toArray()
        : new int[] {1, 2};
    TrainTest data = Datasets.fashionMnist().load(LoadOptions.quiet(42));
    TrainTest split = Transforms.stratifiedSplit(data.train(), 0.2, 42);
    if (!part.equals("accuracy")) {
      System.out.println("| model | threads | ours s/epoch | raw DJL s/epoch | ours / raw | ours CPU s/epoch | raw CPU s/epoch "
          + "| ours / raw (CPU) |");
      System.out.println("|---|---|---|---|---|---|---|---|");
      List<String> names = List.of((args.length > 3 ? args[3] : "softmax,mlp").split(","));
      List<NeuralNet> models = names.stream().map(name -> switch (name) {
        case "softmax" -> NeuralNet.softmaxRegression();
        case "mlp" -> NeuralNet.mlp(256);
        case "cnn" -> NeuralNet.cnn();
        default -> throw new IllegalArgumentException("models: softmax, mlp or cnn, got " + name);
      }).toList();
      for (NeuralNet model : models) {
        for (int threads : threadCounts) {
          NeuralNet spec = model.threads(threads).epochs(epochs);
          double[][] raw = raw(spec, split.train(), 42);
          double[][] ours = ours(spec, split.train(), 42);
          System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f |%n", model.linear()
              ? "softmax 784→10" : model.conv().isEmpty() ? "mlp 784→256→10" : "cnn 32,64→128", threads, median(ours[0]), median(raw[0]),
              median(ours[0]) / median(raw[0]), median(ours[1]), median(raw[1]), median(ours[1]) / median(raw[1]));
        }
      }
    }
    if (!part.equals("timing")) {
      accuracies(split, data.test());
    }
  }

  private static void accuracies(TrainTest split, Dataset test) {
    System.out.println("| optimizer | lr | test accuracy | s/epoch (with validation) |");
    System.out.println("|---|---|---|---|");
    for (Training.Optimizer optimizer : List.of(Training.Optimizer.ADAM, Training.Optimizer.SGD,
        Training.Optimizer.RMSPROP)) {
      double lr = optimizer == Training.Optimizer.SGD ? 1e-2 : 1e-3;
      NeuralNet spec = NeuralNet.softmaxRegression().optimizer(optimizer).lr(lr).epochs(10);
      NeuralClassifier model = ClassifierTrainer.fit(spec, split.train(), split.test(), 42, e -> { });
      int[] predicted = model.predict(test);
      int right = 0;
      for (int i = 0; i < predicted.length; i++) {
        right += predicted[i] == test.labels()[i] ? 1 : 0;
      }
      System.out.printf(Locale.ROOT, "| %s | %s | %.2f %% | %.3f |%n", optimizer.name().toLowerCase(Locale.ROOT), lr,
          100.0 * right / predicted.length, model.fitSeconds() / 10);
    }
  }

  /**
   * Epoch times of our loop, wall and CPU of the training thread, from the gaps between its per-epoch events
   * (no validation set: training only). On one libtorch thread every op runs on the calling thread, so its
   * CPU time is the work done, which other processes on the machine disturb far less than wall time.
   */
  static double[][] ours(NeuralNet spec, Dataset train, long seed) {
    List<long[]> stamps = new ArrayList<>();
    long[] start = now();
    ClassifierTrainer.fit(spec, train, null, seed, event -> {
      if (event instanceof Event.Scalar s && s.name().equals("train/loss")) {
        stamps.add(now());
      }
    });
    double[][] seconds = new double[2][stamps.size()];
    for (int i = 0; i < stamps.size(); i++) {
      long[] before = i == 0 ? start : stamps.get(i - 1);
      seconds[0][i] = (stamps.get(i)[0] - before[0]) / 1e9;
      seconds[1][i] = (stamps.get(i)[1] - before[1]) / 1e9;
    }
    return seconds;
  }

  /** Wall time and this thread's CPU time, in nanoseconds. */
  private static long[] now() {
    return new long[] {System.nanoTime(), ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime()};
  }

  /** Epoch times of the bare DJL calls: the same data layout, network, optimizer and batches. */
  static double[][] raw(NeuralNet spec, Dataset train, long seed) {
    Torch.configure(spec.threads(), seed);
    double[][] seconds = new double[2][spec.epochs()];
    try (NDManager manager = Torch.manager()) {
      Block net = ClassifierNetworks.build(spec, train.shape(), train.numClasses());
      ClassifierNetworks.initialize(net, manager, spec, train.shape(), train.numClasses());
      ParameterStore store = new ParameterStore(manager, false);
      List<Parameter> parameters = net.getParameters().values();
      Optimizer optimizer = Optimizers.build(spec.training(), LearningRate.start(spec.training(), 1));
      Tensors data = Tensors.of(manager, train);
      SplittableRandom random = new SplittableRandom(seed);
      for (int epoch = 0; epoch < spec.epochs(); epoch++) {
        long[] start = now();
        try (NDManager epochScope = manager.newSubManager()) {
          NDArray order = epochScope.create(Batches.permutation(train.size(), random));
          for (int from = 0; from < train.size(); from += spec.batch()) {
            try (NDManager scope = manager.newSubManager()) {
              NDArray rows = order.get(scope, new NDIndex(from + ":" + Math.min(train.size(), from + spec.batch())));
              NDArray x = data.x().get(scope, new NDIndex("{}", rows));
              NDArray y = data.y().get(scope, new NDIndex("{}", rows));
              try (GradientCollector tape = Engine.getInstance().newGradientCollector()) {
                NDArray input = ClassifierNetworks.input(x, spec, train.shape());
                tape.backward(NetLoss.crossEntropy(net.forward(store, new NDList(input), true).singletonOrThrow(), y));
              }
              for (Parameter p : parameters) {
                try (NDArray gradient = p.getArray().getGradient()) {
                  optimizer.update(p.getId(), p.getArray(), gradient);
                }
              }
            }
          }
        }
        long[] end = now();
        seconds[0][epoch] = (end[0] - start[0]) / 1e9;
        seconds[1][epoch] = (end[1] - start[1]) / 1e9;
      }
    }
    return seconds;
  }

  /** The median of every epoch but the first (which pays for warm-up). */
  static double median(double[] seconds) {
    double[] rest = Arrays.copyOfRange(seconds, 1, seconds.length);
    Arrays.sort(rest);
    return rest.length % 2 == 1 ? rest[rest.length / 2] : (rest[rest.length / 2 - 1] + rest[rest.length / 2]) / 2;
  }
}
