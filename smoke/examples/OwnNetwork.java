///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25+
//REPOS central,labkit=${labkit.repo:https://labkit-dev.github.io/labkit/maven/}
//DEPS dev.labkit:labkit:${labkit.version:0.1.0}
//DEPS org.slf4j:slf4j-simple:2.0.20
//RUNTIME_OPTIONS --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector
//DESCRIPTION docs/dsl.md "Networks": your own DJL block trained by labkit's loop, and the CNN with your own loss

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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** A small CNN of your own beside labkit's cnn() trained with label smoothing. */
@Command(name = "OwnNetwork", mixinStandardHelpOptions = true, description = "Your own network and loss.")
class OwnNetwork implements Callable<Integer> {
  @Mixin LabOptions lab;

  @Override
  public Integer call() {
    var smallCnn = experiment("small-cnn").data(fashionMnist().trainSize(10_000))
    // docs:begin
    .model(network("small-cnn", (shape, classes) -> new SequentialBlock()
        .add(Conv2d.builder().setKernelShape(new Shape(5, 5)).setFilters(16).build())
        .add(Activation::relu)
        .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
        .add(Blocks.batchFlattenBlock())
        .add(Linear.builder().setUnits(classes).build())).epochs(5))
    // docs:end
        .validation(0.1).evaluate(accuracy());
    var smoothed = experiment("smoothed-cnn").data(fashionMnist().trainSize(10_000)).model(
    // docs:begin
    cnn().loss("smoothed-ce", (scores, labels) -> {      // label smoothing 0.1
      NDArray logp = scores.logSoftmax(1);
      NDArray nll = logp.gather(labels.reshape(-1, 1), 1).neg().mean();
      return nll.mul(0.9f).add(logp.mean(new int[] {1}).neg().mean().mul(0.1f));
    })
    // docs:end
        .epochs(3)).validation(0.1).evaluate(accuracy());
    return runAll(lab, smallCnn, smoothed);
  }

  public static void main(String... args) {
    System.exit(cli(new OwnNetwork(), args));
  }
}
