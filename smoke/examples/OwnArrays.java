///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25+
//REPOS central,labkit=${labkit.repo:https://labkit-dev.github.io/labkit/maven/}
//DEPS dev.labkit:labkit:${labkit.version:0.1.0}
//DEPS org.slf4j:slf4j-simple:2.0.20
//RUNTIME_OPTIONS --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector
//DESCRIPTION docs/dsl.md "Your own arrays, or your own loader": data held in the script, and a loader of your own

import static dev.labkit.Lab.*;

import dev.labkit.Lab;
import dev.labkit.cli.LabOptions;
import dev.labkit.data.Shape;
import dev.labkit.data.TrainTest;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Two Gaussian blobs, once as arrays and once through a loader: the same logistic regression on both. */
@Command(name = "OwnArrays", mixinStandardHelpOptions = true, description = "Your own arrays and loader.")
class OwnArrays implements Callable<Integer> {
  @Mixin LabOptions lab;

  /** n points in 2-d: class 0 around (-1, -1), class 1 around (1, 1), features row after row. */
  static float[] points(int n, int[] labels, long seed) {
    Random random = new Random(seed);
    float[] x = new float[2 * n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 2;
      x[2 * i] = (float) (random.nextGaussian() + (labels[i] == 0 ? -1 : 1));
      x[2 * i + 1] = (float) (random.nextGaussian() + (labels[i] == 0 ? -1 : 1));
    }
    return x;
  }

  @Override
  public Integer call() {
    int[] y = new int[1_000];
    float[] x = points(1_000, y, 1);
    var classes = List.of("left", "right");
    int d = 2;
    // docs:begin
    // in memory: features row after row, labels 0..k-1; 20 % of each class held out with the run's seed
    var blobs = Lab.experiment("blobs").data(Lab.arrays("blobs", x, y, Shape.flat(2), List.of("left", "right")))
    // docs:end
        .model(logisticRegression()).evaluate(accuracy());
    int[] trainY = new int[800];
    int[] testY = new int[200];
    float[] trainX = points(800, trainY, 2);
    float[] testX = points(200, testY, 3);
    // docs:begin
    // your own loader, called once per run
    var mine = Lab.experiment("mine").data(Lab.supplied("mine", options -> new TrainTest(
        Lab.dataset("mine/train", trainX, trainY, Shape.flat(d), classes),
        Lab.dataset("mine/test", testX, testY, Shape.flat(d), classes))))
    // docs:end
        .model(logisticRegression()).evaluate(accuracy());
    return runAll(lab, blobs, mine);
  }

  public static void main(String... args) {
    System.exit(cli(new OwnArrays(), args));
  }
}
