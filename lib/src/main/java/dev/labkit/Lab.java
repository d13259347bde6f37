package dev.labkit;

import dev.labkit.cli.LabOptions;
import dev.labkit.cli.ScriptCommand;
import dev.labkit.data.ArrayData;
import dev.labkit.data.Cifar10Spec;
import dev.labkit.data.CsvDataSpec;
import dev.labkit.data.CsvRegressionSpec;
import dev.labkit.data.Dataset;
import dev.labkit.data.Datasets;
import dev.labkit.data.ImageDataSpec;
import dev.labkit.data.ImageFolderSpec;
import dev.labkit.data.LoadOptions;
import dev.labkit.data.Shape;
import dev.labkit.data.SuppliedData;
import dev.labkit.data.SyntheticLine;
import dev.labkit.data.TrainTest;
import dev.labkit.eval.Evaluation;
import dev.labkit.eval.MetricFunction;
import dev.labkit.eval.SearchSpace;
import dev.labkit.ground.Axis;
import dev.labkit.ground.LabkitVersion;
import dev.labkit.ground.Points;
import dev.labkit.ground.UserError;
import dev.labkit.model.DecisionTree;
import dev.labkit.model.Gan;
import dev.labkit.model.GaussianNaiveBayes;
import dev.labkit.model.Knn;
import dev.labkit.model.LinearRegressionGd;
import dev.labkit.model.LogisticRegression;
import dev.labkit.model.NeuralNet;
import dev.labkit.model.OwnBlock;
import dev.labkit.model.OwnClassifier;
import dev.labkit.model.RandomForest;
import dev.labkit.model.Svm;
import dev.labkit.run.Experiment;
import dev.labkit.run.ExperimentStart;
import java.io.PrintStream;

/**
 * The one class a script imports ({@code import static dev.labkit.Lab.*;}): experiments, datasets,
 * models and evaluations, each a static factory returning an immutable spec.
 *
 * <pre>{@code
 * experiment("logreg-fashion")
 *     .data(fashionMnist())
 *     .model(logisticRegression().c(1.0))
 *     .evaluate(accuracy(), f1(), confusionMatrix(), weightHeatmaps())
 *     .run(lab);
 * }</pre>
 */
public final class Lab {
  private Lab() {}

  /** Starts describing an experiment; its name groups its runs in data/runs and in the report. */
  public static ExperimentStart experiment(String name) {
    return new ExperimentStart(name);
  }

  /**
   * Your own classifier: {@code fit} gets the training data ({@code t.x()}, {@code t.y()}), the run's seed and
   * the params you declare with {@code .param(key, default)}, and returns a {@link Predictor}
   * ({@code Predictor.of(smileModel)}, or your own). It is fitted, evaluated, swept and recorded like a
   * built-in model.
   */
  public static OwnClassifier classifier(String name, OwnClassifier.Fit fit) {
    return new OwnClassifier(name, java.util.Map.of(), fit);
  }

  /** Fashion-MNIST: 60,000 train and 10,000 test 28×28 grey images of 10 kinds of clothing, pixels in [0, 1]. */
  public static ImageDataSpec fashionMnist() {
    return Datasets.fashionMnist();
  }

  /** MNIST handwritten digits, downloaded with checksums on first use; pixels in [0, 1]. */
  public static ImageDataSpec mnist() {
    return Datasets.mnist();
  }

  /** 10,000 real MNIST digits shipped in data/mnist-sample (7,996 train / 2,004 test): works offline. */
  public static ImageDataSpec mnistSample() {
    return Datasets.mnistSample();
  }

  /** CIFAR-10: 50,000 train and 10,000 test 32×32 colour images of 10 classes, pixels in [0, 1]. */
  public static Cifar10Spec cifar10() {
    return Datasets.cifar10();
  }

  /** A CSV file with a header row, numeric feature columns and a label column; 20 % held out as test. */
  public static CsvDataSpec csv(java.nio.file.Path file, String labelColumn) {
    return Datasets.csv(file, labelColumn);
  }

  /**
   * Your own images: a folder with one sub-folder of PNG/JPEG files per class (or train/ and test/ holding
   * those); pixels in [0, 1], 20 % of each class held out for testing unless the folder has test/.
   */
  public static ImageFolderSpec imageFolder(java.nio.file.Path folder) {
    return Datasets.imageFolder(folder);
  }

  /**
   * Your own examples already in memory: {@code features} row after row ({@code shape.size()} values per
   * example), {@code labels} in 0..classNames.size()−1; 20 % of each class held out with the run's seed.
   */
  public static ArrayData arrays(String name, float[] features, int[] labels, Shape shape,
      java.util.List<String> classNames) {
    return Datasets.arrays(name, features, labels, shape, classNames);
  }

  /**
   * A dataset your own code loads, once per run: {@code load} gets the run's seed and smoke flag and returns
   * {@code new TrainTest(Lab.dataset(...), Lab.dataset(...))}.
   */
  public static SuppliedData supplied(String name, java.util.function.Function<LoadOptions, TrainTest> load) {
    return Datasets.supplied(name, load);
  }

  /** One checked part of your own dataset (what a {@link #supplied} loader returns two of), with its digest. */
  public static Dataset dataset(String name, float[] features, int[] labels, Shape shape,
      java.util.List<String> classNames) {
    return Datasets.dataset(name, features, labels, shape, classNames);
  }

  /**
   * Points around the line y = 3x + 2 with N(0, 1) noise, x ~ N(0, 1), 10,000 of them, generated from the
   * run's seed; every part is a {@code data.*} param: {@code line().noise(Noise.LAPLACE).noiseScale(2)}.
   */
  public static SyntheticLine line() {
    return Datasets.line();
  }

  /** The 10,000 points of data/linreg/linreg_data.csv that ../shared/PEERS.md's regression table was computed on. */
  public static CsvRegressionSpec lineReference() {
    return Datasets.lineReference();
  }

  /** A CSV file with a header row for regression: the target column holds real numbers, the rest are features. */
  public static CsvRegressionSpec csvRegression(java.nio.file.Path file, String targetColumn) {
    return Datasets.csvRegression(file, targetColumn);
  }

  /**
   * Linear regression fitted by gradient descent with DJL: MSE, plain SGD at lr 0.01, 2,000 full-batch steps
   * from W = b = 0; {@code .loss(...)}, {@code .lr(...)}, {@code .training(t -> ...)}, {@code .init(...)},
   * {@code .noise(...)} change it.
   */
  public static LinearRegressionGd linearRegression() {
    return LinearRegressionGd.defaults();
  }

  /** An RBF-kernel SVM, C = 1, gamma "scale" (1 / (features · variance)), as scikit-learn's {@code SVC()}. */
  public static Svm svm() {
    return Svm.defaults();
  }

  /** A random forest of 100 trees grown to purity, gini, √features tried per split. */
  public static RandomForest randomForest() {
    return RandomForest.defaults();
  }

  /** k-nearest neighbours, k = 5, uniform weights; batch, multi-core prediction. */
  public static Knn knn() {
    return Knn.defaults();
  }

  /** A decision tree grown to purity, gini. */
  public static DecisionTree decisionTree() {
    return DecisionTree.defaults();
  }

  /** Gaussian naive Bayes, variance smoothing 1e-9 as scikit-learn's {@code GaussianNB()}. */
  public static GaussianNaiveBayes naiveBayes() {
    return GaussianNaiveBayes.defaults();
  }

  /** Multinomial logistic regression, L2, C = 1: equals scikit-learn's {@code LogisticRegression()}. */
  public static LogisticRegression logisticRegression() {
    return LogisticRegression.defaults();
  }

  /**
   * Softmax regression trained by labkit's hand-written mini-batch loop (DJL): one linear layer and a
   * softmax, cross-entropy, Adam at lr 1e-3, 10 epochs of batch 128, as the PyTorch notebook's
   * {@code nn.Linear(784, 10)}. Per epoch it logs training and validation loss and accuracy.
   */
  public static NeuralNet softmaxRegression() {
    return NeuralNet.softmaxRegression();
  }

  /**
   * A multi-layer perceptron with these hidden widths ({@code mlp(256, 128)}), ReLU and no dropout, trained
   * by the same loop as {@link #softmaxRegression()}: {@code mlp(256).dropout(0.2).activation(TANH)}.
   */
  public static NeuralNet mlp(int... hidden) {
    return NeuralNet.mlp(hidden);
  }

  /**
   * A LeNet-like CNN sized by the data's shape (28×28×1, 32×32×3, …): 3×3 convolutions of 32 and 64 channels,
   * each with ReLU and 2×2 max-pooling, a dense layer of 128 with dropout 0.25, one score per class; trained
   * by the same loop as {@link #softmaxRegression()}: {@code cnn().conv(16, 32).epochs(5)}.
   */
  public static NeuralNet cnn() {
    return NeuralNet.cnn();
  }

  /**
   * Your own network: {@code factory} returns a DJL block for the data's shape and class count, taking images
   * as (batch, channels, height, width) and giving one score per class; trained, measured and recorded as the
   * built-in networks are (optimizer, lr, epochs, early stopping, curves, evaluations).
   */
  public static NeuralNet network(String name, OwnBlock.Factory factory) {
    return NeuralNet.network(name, factory);
  }

  /**
   * The MLP GAN: G 100→256→512→1024→784 (LeakyReLU 0.2, tanh), D 784→1024→512→256→1 (LeakyReLU 0.2,
   * dropout 0.3, logits), two Adams at 2e-4 (0.5, 0.999), batch 128, 3,000 steps; see {@link dev.labkit.model.Gan}.
   */
  public static Gan gan() {
    return Gan.defaults();
  }

  /** The DCGAN for 28×28×1 or 32×32×3 images: transposed convolutions with batch norm in G, strided convolutions in D. */
  public static Gan dcgan() {
    return Gan.dcgan();
  }

  /** The conditional MLP GAN: the class label (one-hot) goes into G and D, so samples come with labels. */
  public static Gan cgan() {
    return Gan.cgan();
  }

  /**
   * {@code n} values from {@code lo} to {@code hi}, evenly spaced on a log scale, for sweeping scale
   * parameters: {@code .sweep("model.c", logGrid(0.01, 10, 8))}.
   */
  public static Points logGrid(double lo, double hi, int n) {
    return Axis.logPoints(lo, hi, n);
  }

  /** Test and train accuracy. */
  public static Evaluation accuracy() {
    return new Evaluation.Accuracy();
  }

  /** Macro and weighted F1 on the test set. */
  public static Evaluation f1() {
    return new Evaluation.F1();
  }

  /** Per-class precision, recall, F1 and support. */
  public static Evaluation classificationReport() {
    return new Evaluation.Report();
  }

  /** The test confusion matrix. */
  public static Evaluation confusionMatrix() {
    return new Evaluation.Confusion();
  }

  /** One heatmap per class of a linear model's weights: red positive, blue negative, shared scale. */
  public static Evaluation weightHeatmaps() {
    return new Evaluation.WeightHeatmaps();
  }

  /**
   * Class {@code a}'s weights minus class {@code b}'s as a diverging heatmap (the lab's 6 against 8), for
   * logistic or softmax regression; more pairs with {@code .and(3, 5)}.
   */
  public static Evaluation.WeightDifference weightDifference(int a, int b) {
    return new Evaluation.WeightDifference(a, b);
  }

  /** A 3×3 grid of test images with their true and predicted labels. */
  public static Evaluation predictionGrid() {
    return new Evaluation.PredictionGrid(9);
  }

  /** The nine test images the model got wrong most confidently. */
  public static Evaluation confidentMistakes() {
    return new Evaluation.ConfidentMistakes(9);
  }

  /** Accuracy, macro precision, recall and F1, weighted F1, ROC AUC and log-loss on the test set, as one table. */
  public static Evaluation metricsTable() {
    return new Evaluation.MetricsTable();
  }

  /** One ROC curve per class (that class against the rest) on the test set, with its AUC. */
  public static Evaluation rocCurves() {
    return new Evaluation.RocCurves();
  }

  /**
   * Your own metric over a classifier's predictions ({@code p.labels()}, {@code p.predicted()},
   * {@code p.proba(i, c)}), recorded as {@code train/}, {@code val/} and {@code test/<name>} like a built-in
   * one; higher is better unless you add {@code .smallerIsBetter()}.
   */
  public static Evaluation.Custom metric(String name, MetricFunction function) {
    return new Evaluation.Custom(name, false, function);
  }

  /** Stratified k-fold cross-validation on the training set: per-fold scores, mean and std. */
  public static Evaluation crossValidation(int k) {
    return new Evaluation.CrossValidation(k);
  }

  /**
   * Nested cross-validation on the training set: {@code outer} folds, each choosing its parameters by a
   * random search of {@code nIter} points of {@code space} scored over {@code inner} folds.
   */
  public static Evaluation nestedCv(int outer, int inner, SearchSpace space, int nIter) {
    return new Evaluation.NestedCv(outer, inner, space, nIter);
  }

  /**
   * A search space over a model's parameters (relative names, as the model spec has them):
   * {@code searchSpace().logUniform("model.c", 0.01, 10).choice("model.penalty", "l1", "l2")}.
   */
  public static SearchSpace searchSpace() {
    return SearchSpace.of();
  }

  /**
   * Runs several experiments of one script in order, each with its own runs (and sweep summary), for a
   * lab that asks several questions of the same data; returns the worst exit code. Each
   * {@code --set} applies to every experiment, so it must name a key they all have; {@code --experiment NAME}
   * runs one of them alone, and every run records that option in the command that re-runs it.
   *
   * <pre>{@code return runAll(lab, losses, noise, injection);}</pre>
   */
  public static int runAll(LabOptions options, Experiment... experiments) {
    return SeveralExperiments.run(options, experiments);
  }

  /**
   * Stops in one line, naming the wanted and the found version, when the labkit on the class path is older
   * than {@code version} (X.Y.Z): a script that uses newer parts of the library says so at its start instead
   * of failing later with a missing method. {@code requires("0.1.0"); return experiment("…")…}
   */
  public static void requires(String version) {
    LabkitVersion.require(version);
  }

  /**
   * Runs a script's picocli command and returns its exit code. User mistakes ({@link UserError},
   * bad options) print one line on stderr with no stack trace and exit with 2.
   */
  public static int cli(Object command, String... args) {
    return cli(command, System.err, args);
  }

  static int cli(Object command, PrintStream err, String... args) {
    return ScriptCommand.execute(command, err, args);
  }
}
