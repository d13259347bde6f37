package dev.labkit.classic;

import dev.labkit.data.Dataset;
import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import dev.labkit.ground.UserError;
import dev.labkit.model.ClassifierSpec;
import dev.labkit.model.DecisionTree;
import dev.labkit.model.GaussianNaiveBayes;
import dev.labkit.model.Knn;
import dev.labkit.model.LogisticRegression;
import dev.labkit.model.ModelSpec;
import dev.labkit.model.NeuralNet;
import dev.labkit.model.OwnClassifier;
import dev.labkit.model.RandomForest;
import dev.labkit.model.Svm;
import dev.labkit.neural.ClassifierTrainer;
import java.util.Locale;

/** Fits any classic model spec, reporting progress as events. */
public final class Fitting {
  /** The seed of {@link #fit(ModelSpec, Dataset, EventSink)}, for callers that have no run seed. */
  public static final long DEFAULT_SEED = 42;

  private Fitting() {}

  /**
   * Starts what can be done for {@code spec} before the data is there: for logistic regression, compiling its
   * kernels on a thread of their own ({@link KernelWarmup}). Call it before loading the data.
   */
  public static void prepare(ModelSpec<?> spec) {
    if (spec instanceof LogisticRegression) {
      KernelWarmup.start();
    }
  }

  /** Fits with {@link #DEFAULT_SEED}; a run should pass its own seed to the other overload. */
  public static Classifier fit(ClassifierSpec<?> spec, Dataset train, EventSink events) {
    return fit(spec, train, DEFAULT_SEED, events);
  }

  /** Fits {@code spec} on {@code train}; {@code seed} drives every random choice (a forest's trees). */
  public static Classifier fit(ClassifierSpec<?> spec, Dataset train, long seed, EventSink events) {
    return fit(spec, train, null, seed, false, events);
  }

  /**
   * Fits {@code spec} on {@code train}. A trainer that measures itself as it goes (a network, per epoch)
   * also watches {@code validation} (null when the run holds none out); {@code smoke} shortens its
   * training to a few epochs, as {@code --smoke} asks.
   */
  public static Classifier fit(ClassifierSpec<?> spec, Dataset train, Dataset validation, long seed, boolean smoke,
      EventSink events) {
    return fit(spec, train, validation, seed, smoke, events, null);
  }

  /**
   * The same; a network keeps a checkpoint in {@code checkpoints} after each epoch but the last, or goes on
   * from the one there (null: no checkpoint; the other models fit in one call and keep none).
   */
  public static Classifier fit(ClassifierSpec<?> spec, Dataset train, Dataset validation, long seed, boolean smoke,
      EventSink events, ClassifierTrainer.Checkpoints checkpoints) {
    return switch (spec) {
      case LogisticRegression lr -> fitLogistic(lr, train, events);
      case Svm svm -> announce(events, spec, train, () -> SvmModel.fit(svm, train, seed));
      case RandomForest forest -> announce(events, spec, train, () -> ForestModel.fit(forest, train, seed));
      case Knn knn -> announce(events, spec, train, () -> KnnModel.fit(knn, train));
      case DecisionTree tree -> announce(events, spec, train, () -> TreeModel.fit(tree, train));
      case GaussianNaiveBayes bayes -> announce(events, spec, train, () -> NaiveBayesModel.fit(bayes, train));
      case NeuralNet net -> ClassifierTrainer.fit(smoke ? net.smoke() : net, train, validation, seed, events, checkpoints);
      case OwnClassifier own -> announce(events, spec, train, () -> OwnModel.fit(own, train, seed, events));
    };
  }

  /** Models fitted in one call say when they start and how long they took. */
  private static Classifier announce(EventSink events, ClassifierSpec<?> spec, Dataset train,
      java.util.function.Supplier<? extends Classifier> fit) {
    events.accept(new Event.Phase("fit", String.format(Locale.ROOT, "fitting %s on %,d examples", spec.name(),
        train.size())));
    Classifier model = fit.get();
    if (model instanceof Measured measured) {
      events.accept(new Event.Phase("fit", String.format(Locale.ROOT, "fitted %s in %.2f s", spec.name(),
          measured.fitSeconds())));
    }
    return model;
  }

  private static LogisticModel fitLogistic(LogisticRegression spec, Dataset train, EventSink events) {
    int every = Math.max(1, spec.maxIter() / 10);
    return LogisticRegressionTrainer.fit(spec, train, (iteration, objective, gradMax) -> {
      events.accept(new Event.Scalar(iteration, "train/objective", objective));
      events.accept(new Event.Scalar(iteration, "train/grad_max", gradMax));
      // the console's progress line: max_iter is a ceiling (most fits converge before it), so time left is one too
      events.accept(new Event.Progress("iteration", iteration, spec.maxIter(),
          String.format(Locale.ROOT, "objective %.5f · max|grad| %.2e", objective, gradMax)));
      if (iteration % every == 0) {
        events.accept(new Event.Phase("fit", String.format(Locale.ROOT,
            "iteration %d/%d  objective %.5f  max|grad| %.2e", iteration, spec.maxIter(), objective, gradMax)));
      }
    });
  }
}
