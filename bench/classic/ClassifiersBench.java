import dev.labkit.classic.Classifier;
import dev.labkit.classic.Fitting;
import dev.labkit.classic.Measured;
import dev.labkit.data.Datasets;
import dev.labkit.data.LoadOptions;
import dev.labkit.data.TrainTest;
import dev.labkit.model.*;
import java.util.Locale;

/**
 * Manual measurement of the classic models on a 20k Fashion-MNIST subset against the full 10k test set
 * (the setting of ../../shared/PEERS.md "Other classifiers"). Usage: one argument per model to run:
 * knn, knn-distance, tree, forest, bayes, svm. Predict times are the best of 3 for knn.
 */
public class ClassifiersBench {
  public static void main(String[] args) {
    TrainTest data = Datasets.fashionMnist().trainSize(Integer.getInteger("train", 20000)).load(LoadOptions.quiet(42));
    for (String name : args) {
      ModelSpec<?> spec = switch (name) {
        case "knn" -> Knn.defaults();
        case "knn-distance" -> Knn.defaults().weights(Knn.Weights.DISTANCE);
        case "tree" -> DecisionTree.defaults();
        case "forest" -> RandomForest.defaults();
        case "bayes" -> GaussianNaiveBayes.defaults();
        case "svm" -> Svm.defaults();
        default -> throw new IllegalArgumentException(name);
      };
      Classifier model = Fitting.fit(spec, data.train(), 42, event -> {});
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
      System.out.printf(Locale.ROOT, "%-14s fit %8.3f s  predict %8.3f s  acc %.4f  memory %,d bytes%n", name,
          m.fitSeconds(), best, (double) correct / predicted.length, m.memoryBytes());
    }
  }
}
