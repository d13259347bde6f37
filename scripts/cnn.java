///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25+
//REPOS central,labkit=${labkit.repo:https://labkit-dev.github.io/labkit/maven/}
//DEPS dev.labkit:labkit:${labkit.version:0.1.0}
//DEPS org.slf4j:slf4j-simple:2.0.20
//RUNTIME_OPTIONS --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector
//DESCRIPTION A LeNet-like CNN on Fashion-MNIST (or any image data) by labkit's training loop: loss and accuracy per epoch, test accuracy, confusion matrix, its mistakes

import static dev.labkit.Lab.*;

import dev.labkit.cli.LabOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * A convolutional network on Fashion-MNIST: two 3×3 convolutions (32 and 64 channels, each with ReLU and
 * 2×2 max-pooling), a dense layer of 128 with dropout 0.25 and one score per class, trained with Adam by the
 * same hand-written loop as softmax regression, 10 % of the training set held out to watch for overfitting.
 * The network is sized by the data's shape: {@code --set data=cifar10} trains the same layers on 32×32×3.
 * {@code --set model.conv=16,32} or {@code --sweep model.conv=16,32;32,64} changes the channels.
 */
@Command(name = "cnn", mixinStandardHelpOptions = true,
    description = "A LeNet-like CNN on Fashion-MNIST, trained by labkit's loop.")
class cnn implements Callable<Integer> {
  @Mixin LabOptions lab;

  @Override
  public Integer call() {
    var cnn = experiment("cnn-fashion")
        .data(fashionMnist())
        .model(cnn().epochs(8))
        .validation(0.1)
        .evaluate(accuracy(), f1(), classificationReport(), confusionMatrix(), confidentMistakes());
    return runAll(lab, cnn);
  }

  public static void main(String... args) {
    System.exit(cli(new cnn(), args));
  }
}
