import dev.labkit.classic.Classifier;
import dev.labkit.classic.Fitting;
import dev.labkit.classic.Measured;
import dev.labkit.classic.SmileForestModel;
import dev.labkit.data.Dataset;
import dev.labkit.data.Datasets;
import dev.labkit.data.LoadOptions;
import dev.labkit.data.TrainTest;
import dev.labkit.model.*;
import java.util.Arrays;
import java.util.Locale;

/**
 * Manual measurement of the classic models on a 20k Fashion-MNIST subset against the full 10k test set
 * (the setting of ../../shared/PEERS.md "Other classifiers"). Usage: one argument per model to run:
 * knn, knn-distance, tree, forest, forest-smile (Smile's forest, which ours replaced), bayes, svm.
 * Predict times are the best of 3 for knn. {@code -Dsplit=first} trains on the first 20,000 training
 * images, as fashion20k.py does for the Python peers (the default is a seeded stratified subset);
 * {@code -Drepeat=N} fits each model N times (the forest's JIT warms up in the first); {@code -Dseed=S}
 * seeds the fits (default 42).
 */
public class ClassifiersBench {
  public static void main(String[] args) {
    int size = Integer.getInteger("train", 20000);
    TrainTest data = "first".equals(System.getProperty("split"))
        ? first(Datasets.fashionMnist().load(LoadOptions.quiet(42)), size)
        : Datasets.fashionMnist().trainSize(size).load(LoadOptions.quiet(42));
    for (String name : args) {
      for (int r = 0; r < Integer.getInteger("repeat", 1); r++) {
        run(name, data);
      }
    }
  }

  /** The first {@code size} training examples, the whole test set. */
  static TrainTest first(TrainTest all, int size) {
    Dataset t = all.train();
    return new TrainTest(new Dataset(t.id() + "/first-" + size, t.sha256(), t.shape(), t.classNames(),
        Arrays.copyOf(t.features(), size * t.featureCount()), Arrays.copyOf(t.labels(), size)), all.test());
  }

  static void run(String name, TrainTest data) {
    ClassifierSpec<?> spec = switch (name) {
      case "knn" -> Knn.defaults();
      case "knn-distance" -> Knn.defaults().weights(Knn.Weights.DISTANCE);
      case "tree" -> DecisionTree.defaults();
      case "forest", "forest-smile" -> RandomForest.defaults();
      case "bayes" -> GaussianNaiveBayes.defaults();
      case "svm" -> Svm.defaults();
      default -> throw new IllegalArgumentException(name);
    };
    String load = load();
    Classifier model = name.equals("forest-smile") ? SmileForestModel.fit((RandomForest) spec, data.train(), 42)
        : Fitting.fit(spec, data.train(), Long.getLong("seed", 42), event -> {});
    int repeats = name.startsWith("knn") ? 3 : 1;
    double best = Double.MAX_VALUE;
    int[] predicted = null;
    for (int r = 0; r < repeats; r++) {
      predicted = model.predict(data.test());
      best = Math.min(best, ((Measured) model).predictSeconds());
    }
    int correct = 0;
    for (int i = 0; i < predicted.length; i++) {
      correct += predicted[i] == data.test().labels()[i] ? 1 : 0;
    }
    Measured m = (Measured) model;
    System.out.printf(Locale.ROOT, "%-14s fit %8.3f s  predict %8.3f s  acc %.4f  memory %,d bytes  load %s%n", name,
        m.fitSeconds(), best, (double) correct / predicted.length, m.memoryBytes(), load);
  }

  /** The 1-minute load average before the fit (the machine may be shared). */
  static String load() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException e) {
      return "?";
    }
  }
}
