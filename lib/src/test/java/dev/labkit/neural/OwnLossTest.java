package dev.labkit.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.labkit.ground.Event;
import dev.labkit.ground.UserError;
import dev.labkit.model.NeuralNet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A loss written in the script drives the training loop and its curves. */
class OwnLossTest {
  // a hidden layer keeps both losses on libtorch, where the same ops give the same bits (softmax regression
  // with the built-in loss trains on the JVM: LinearEpochsTest compares the two)
  static final NeuralNet BASE = NeuralNet.softmaxRegression().hidden(16).epochs(2);

  List<Double> trainLosses(NeuralNet spec, List<double[]> proba) {
    List<Event> events = new ArrayList<>();
    NeuralClassifier model = ClassifierTrainer.fit(spec, ClassifierTrainerTest.SPLIT.train(),
        ClassifierTrainerTest.SPLIT.test(), 42, events::add);
    proba.add(model.predictProba(ClassifierTrainerTest.DATA.test()));
    return events.stream().filter(e -> e instanceof Event.Scalar s && s.name().equals("train/loss"))
        .map(e -> ((Event.Scalar) e).value()).toList();
  }

  @Test
  void cross_entropy_plus_a_constant_trains_the_same_network_and_its_curve_is_shifted_by_it() {
    List<double[]> proba = new ArrayList<>();
    List<Double> builtIn = trainLosses(BASE, proba);
    NeuralNet shifted = BASE.loss("ce-plus-5", (scores, labels) ->
        scores.logSoftmax(1).gather(labels.reshape(-1, 1), 1).mean().neg().add(5));
    List<Double> own = trainLosses(shifted, proba);

    assertThat(proba.get(1)).containsExactly(proba.get(0)); // the same gradients, so the same weights
    for (int epoch = 0; epoch < 2; epoch++) {
      assertThat(own.get(epoch)).isCloseTo(builtIn.get(epoch) + 5, within(1e-5));
    }
    assertThat(shifted.params()).containsEntry("loss", "custom:ce-plus-5");
    assertThat(BASE.params()).doesNotContainKey("loss");
  }

  @Test
  void a_loss_that_is_not_one_number_or_that_throws_stops_the_run_in_one_line_naming_where() {
    NeuralNet perExample = BASE.loss("per-example", (scores, labels) -> scores.logSoftmax(1).neg());
    assertThatThrownBy(() -> trainLosses(perExample, new ArrayList<>())).isInstanceOf(UserError.class)
        .hasMessage("your loss per-example gave an array of shape (128, 10) at epoch 1, step 1; it must give one "
            + "number (end it with .mean() or .sum())");
    NeuralNet failing = BASE.loss("failing", (scores, labels) -> {
      throw new IllegalStateException("weights not set");
    });
    assertThatThrownBy(() -> trainLosses(failing, new ArrayList<>())).isInstanceOf(UserError.class)
        .hasMessage("your loss failing failed at epoch 1, step 1: java.lang.IllegalStateException: weights not set");
    List<double[]> proba = new ArrayList<>();
    NeuralNet doubled = BASE.loss("ce-in-float64", (scores, labels) ->
        scores.logSoftmax(1).gather(labels.reshape(-1, 1), 1).mean().neg().mul(1.0)); // a Java double: float64
    assertThat(trainLosses(doubled, proba)).hasSize(2).allMatch(Double::isFinite);
    assertThatThrownBy(() -> BASE.with("loss", "focal")).isInstanceOf(UserError.class)
        .hasMessageStartingWith("model.loss=focal: a classification network knows cross_entropy");
  }
}
