package dev.labkit.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.labkit.ground.Event;
import dev.labkit.model.Injection;
import dev.labkit.model.NeuralNet;
import dev.labkit.data.LoadOptions;
import dev.labkit.data.Noise;
import dev.labkit.data.TrainTest;
import dev.labkit.model.Training;
import dev.labkit.model.Training.Optimizer;
import dev.labkit.run.BlobData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Softmax regression trained on the JVM ({@link LinearEpochs}) against the same network trained by libtorch
 * (the built-in loss given as your own forces libtorch's steps): the same batches, the same rules, so the same
 * curves and predictions up to float rounding, for every optimizer.
 */
class LinearEpochsTest {
  record Fit(List<Double> trainLoss, List<Double> trainAccuracy, List<Double> valLoss, double[] proba) {}

  static Fit fit(NeuralNet spec) {
    return fit(spec, ClassifierTrainerTest.SPLIT);
  }

  static Fit fit(NeuralNet spec, TrainTest data) {
    List<Event> events = new ArrayList<>();
    NeuralClassifier model = ClassifierTrainer.fit(spec, data.train(), data.test(), 42, events::add);
    return new Fit(scalars(events, "train/loss"), scalars(events, "train/accuracy"), scalars(events, "val/loss"),
        model.predictProba(data.test()));
  }

  static List<Double> scalars(List<Event> events, String name) {
    return events.stream().filter(e -> e instanceof Event.Scalar s && s.name().equals(name))
        .map(e -> ((Event.Scalar) e).value()).toList();
  }

  static NeuralNet onLibtorch(NeuralNet spec) {
    return spec.loss("cross-entropy", NetLoss::crossEntropy);
  }

  void assertSameTraining(NeuralNet spec) {
    assertSameTraining(spec, ClassifierTrainerTest.SPLIT);
  }

  void assertSameTraining(NeuralNet spec, TrainTest data) {
    Fit jvm = fit(spec, data);
    Fit torch = fit(onLibtorch(spec), data);
    assertThat(jvm.trainLoss()).hasSize(spec.epochs());
    for (int e = 0; e < spec.epochs(); e++) {
      assertThat(jvm.trainLoss().get(e)).as("train loss, epoch %d", e + 1).isCloseTo(torch.trainLoss().get(e),
          within(2e-4));
      assertThat(jvm.trainAccuracy().get(e)).as("train accuracy, epoch %d", e + 1)
          .isCloseTo(torch.trainAccuracy().get(e), within(2.0 / data.train().size()));
      assertThat(jvm.valLoss().get(e)).as("validation loss, epoch %d", e + 1).isCloseTo(torch.valLoss().get(e),
          within(2e-4));
    }
    for (int i = 0; i < jvm.proba().length; i++) {
      assertThat(jvm.proba()[i]).as("probability %d", i).isCloseTo(torch.proba()[i], within(2e-3));
    }
  }

  @Test
  void adam_on_the_jvm_trains_as_libtorch_does() {
    assertSameTraining(NeuralNet.softmaxRegression().epochs(3));
  }

  @Test
  void sgd_with_momentum_and_weight_decay_and_a_step_schedule_train_as_libtorch_does() {
    Training sgd = Training.defaults().optimizer(Optimizer.SGD).lr(0.05).momentum(0.9).weightDecay(1e-3)
        .schedule(Training.Schedule.STEP).lrStep(40).lrFactor(0.5);
    assertSameTraining(NeuralNet.softmaxRegression().training(sgd).epochs(3));
  }

  @Test
  void rmsprop_with_momentum_and_adagrad_train_as_libtorch_does() {
    assertSameTraining(NeuralNet.softmaxRegression().training(Training.defaults().optimizer(Optimizer.RMSPROP)
        .lr(1e-3).momentum(0.5)).epochs(3));
    assertSameTraining(NeuralNet.softmaxRegression().optimizer(Optimizer.ADAGRAD).lr(0.05).epochs(3));
  }

  @Test
  void four_features_and_a_last_batch_of_three_rows_train_as_libtorch_does() {
    // 4 features: shorter than one vector, so every sum is the kernels' scalar tail; 579 rows = 18 batches of 32 and 3
    TrainTest blobs = new BlobData(579, 200).load(LoadOptions.quiet(7));
    assertSameTraining(NeuralNet.softmaxRegression().batch(32).lr(0.01).epochs(4), blobs);
  }

  @Test
  void the_jvm_epochs_train_softmax_regression_only_with_the_built_in_loss_and_without_noise() {
    var train = ClassifierTrainerTest.SPLIT.train();
    List<NeuralNet> specs = List.of(NeuralNet.softmaxRegression(), NeuralNet.mlp(8),
        onLibtorch(NeuralNet.softmaxRegression()),
        NeuralNet.softmaxRegression().noise(new Injection(Noise.GAUSSIAN, 0.1, 0, 0)));
    List<Boolean> onJvm = new ArrayList<>();
    try (var manager = Torch.manager()) {
      for (NeuralNet spec : specs) {
        var net = ClassifierNetworks.build(spec, train.shape(), train.numClasses());
        ClassifierNetworks.initialize(net, manager, spec, train.shape(), train.numClasses());
        onJvm.add(LinearEpochs.of(spec, train, net.getParameters().values(), net.getParameters().keys()) != null);
      }
    }
    assertThat(onJvm).containsExactly(true, false, false, false);
  }
}
