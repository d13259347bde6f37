///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25+
//REPOS central,labkit=${labkit.repo:https://labkit-dev.github.io/labkit/maven/}
//DEPS dev.labkit:labkit:${labkit.version:0.1.0}
//DEPS org.slf4j:slf4j-simple:2.0.20
//RUNTIME_OPTIONS --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector
//DESCRIPTION Your own experiment: a network, a loss, a metric and a Smile classifier written in the script, on data loaded by the script, compared with labkit's own

import static dev.labkit.Lab.*;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import dev.labkit.cli.LabOptions;
import dev.labkit.data.TrainTest;
import dev.labkit.model.Predictor;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Every extension point in one script: data, network, loss, metric and classifier of your own (docs/dsl.md). */
@Command(name = "own", mixinStandardHelpOptions = true, description = "Your own network, loss, metric and model.")
class own implements Callable<Integer> {
  @Mixin LabOptions lab;

  @Override
  public Integer call() {
    var data = supplied("fashion-10k", options -> { // your own loader: here 10,000 + 2,000 Fashion-MNIST images
      TrainTest all = fashionMnist().trainSize(10_000).testSize(2_000).load(options);
      return new TrainTest(all.train(), all.test());
    });
    var smallCnn = network("small-cnn", (shape, classes) -> new SequentialBlock()
        .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(16).build())
        .add(Activation::relu)
        .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
        .add(Blocks.batchFlattenBlock())
        .add(Linear.builder().setUnits(classes).build()))
        .epochs(5)
        .loss("smoothed-ce", (NDArray scores, NDArray labels) -> { // label smoothing 0.1
          NDArray logp = scores.logSoftmax(1);
          NDArray nll = logp.gather(labels.reshape(-1, 1), 1).neg().mean();
          return nll.mul(0.9f).add(logp.mean(new int[] {1}).neg().mean().mul(0.1f));
        });
    var smileKnn = classifier("smile-knn", t -> Predictor.of(smile.classification.KNN.fit(t.x(), t.y(), t.integer("k"))))
        .param("k", 15);
    var top2 = metric("top2_accuracy", p -> p.share(i -> p.rankOfTruth(i) < 2)); // the truth among the top two
    var yours = experiment("own-fashion").data(data).compare(smallCnn, cnn().epochs(5), smileKnn, softmaxRegression())
        .validation(0.1).evaluate(accuracy(), top2, confusionMatrix());
    return runAll(lab, yours);
  }

  public static void main(String... args) {
    System.exit(cli(new own(), args));
  }
}
