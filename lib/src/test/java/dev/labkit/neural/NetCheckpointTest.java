package dev.labkit.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.labkit.data.Dataset;
import dev.labkit.data.TrainTest;
import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import dev.labkit.data.Noise;
import dev.labkit.model.Injection;
import dev.labkit.model.NeuralNet;
import dev.labkit.model.Training;
import dev.labkit.data.LoadOptions;
import dev.labkit.run.BlobData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training loop alone: stopped after epoch 4 and resumed from the checkpoint of epoch 3, it logs the
 * same numbers from epoch 4 on and ends with the same weights as the uninterrupted loop.
 */
class NetCheckpointTest {
  @TempDir Path dir;

  static final class Stop extends RuntimeException {}

  record Outcome(List<String> scalars, double[] probabilities) {}

  static Outcome train(NeuralNet spec, TrainTest data, Path file, boolean resume, long stopAfter) {
    List<String> scalars = new ArrayList<>();
    EventSink events = event -> {
      if (event instanceof Event.Scalar s) {
        if (s.step() > stopAfter) {
          throw new Stop();
        }
        scalars.add(s.step() + " " + s.name() + " " + s.value());
      }
    };
    NeuralClassifier model = ClassifierTrainer.fit(spec, data.train(), data.test(), 7, events,
        file == null ? null : new ClassifierTrainer.Checkpoints(file, resume));
    return new Outcome(scalars, model.predictProba(data.test()));
  }

  void assertResumes(NeuralNet spec) {
    TrainTest data = new BlobData(600, 300).load(LoadOptions.quiet(7));
    Outcome straight = train(spec, data, dir.resolve("straight.bin"), false, Long.MAX_VALUE);
    Path file = dir.resolve("stopped.bin");
    assertThatThrownBy(() -> train(spec, data, file, false, 4)).isInstanceOf(Stop.class);
    assertThat(NetCheckpoint.header(file).epoch()).isEqualTo(4);
    Outcome resumed = train(spec, data, file, true, Long.MAX_VALUE);
    List<String> after = straight.scalars().stream().filter(line -> Long.parseLong(line.split(" ")[0]) > 4).toList();
    assertThat(resumed.scalars()).isEqualTo(after);
    assertThat(resumed.probabilities()).isEqualTo(straight.probabilities());
  }

  @Test
  void without_dropout() {
    assertResumes(NeuralNet.mlp(16).epochs(6).batch(32));
    assertResumes(NeuralNet.softmaxRegression().epochs(6).batch(32)); // trained on the JVM (LinearEpochs)
  }

  @Test
  void with_dropout() {
    assertResumes(NeuralNet.mlp(16).dropout(0.3).epochs(6).batch(32));
  }

  @Test
  void with_noise_on_the_inputs_the_weights_and_the_learning_rate() {
    assertResumes(NeuralNet.mlp(16).epochs(6).batch(32).noise(new Injection(Noise.LAPLACE, 0.2, 0.001, 0.3)));
  }

  @Test
  void injected_noise_changes_training_and_drowning_the_inputs_in_it_leaves_chance_accuracy() {
    TrainTest data = new BlobData(600, 300).load(LoadOptions.quiet(7));
    NeuralNet net = NeuralNet.mlp(16).epochs(4).batch(32).lr(0.01);
    Outcome clean = train(net, data, null, false, Long.MAX_VALUE);
    Outcome noisy = train(net.noise(new Injection(Noise.GAUSSIAN, 0.2, 0, 0)), data, null, false, Long.MAX_VALUE);
    Outcome drowned = train(net.noise(new Injection(Noise.GAUSSIAN, 1e4, 0, 0)), data, null, false, Long.MAX_VALUE);

    assertThat(noisy.scalars()).isNotEqualTo(clean.scalars());
    assertThat(accuracy(clean)).isGreaterThan(0.85);
    assertThat(accuracy(drowned)).isLessThan(0.7); // two balanced classes: 0.5 is chance
  }

  static double accuracy(Outcome outcome) {
    return outcome.scalars().stream().filter(line -> line.startsWith("4 val/accuracy ")).map(line -> line.split(" ")[2])
        .mapToDouble(Double::parseDouble).findFirst().orElseThrow();
  }
}
