///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25+
//REPOS central,labkit=${labkit.repo:https://labkit-dev.github.io/labkit/maven/}
//DEPS dev.labkit:labkit:${labkit.version:0.1.0}
//DEPS org.slf4j:slf4j-simple:2.0.20
//RUNTIME_OPTIONS --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector
//DESCRIPTION A conditional GAN on Fashion-MNIST: samples per class, per-class interpolation, and logistic regression trained on 60,000 samples tested on real images

import static dev.labkit.Lab.*;

import dev.labkit.cli.LabOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * A conditional GAN: the class label, one-hot, joins the noise going into G and the image going into D,
 * so G learns to draw the class it is asked for and every sample comes with a label. That makes the
 * strongest test of sample quality possible: train logistic regression on 60,000 generated images with
 * their labels and test it on the real test set (train on synthetic, test on real), next to the same
 * model trained on the real training set. The gallery has one column per class. About 6 minutes on 2 cores.
 */
@Command(name = "cgan", mixinStandardHelpOptions = true,
    description = "A conditional GAN on Fashion-MNIST, with train-on-synthetic/test-on-real accuracy.")
class cgan implements Callable<Integer> {
  @Mixin LabOptions lab;

  @Override
  public Integer call() {
    return experiment("cgan-fashion")
        .data(fashionMnist())
        .model(cgan().steps(6000)) // 3,000 steps: 0.66 train-on-synthetic accuracy; 6,000: 0.74
        .run(lab);
  }

  public static void main(String... args) {
    System.exit(cli(new cgan(), args));
  }
}
