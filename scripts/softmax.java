///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25+
//REPOS central,labkit=${labkit.repo:https://labkit-dev.github.io/labkit/maven/}
//DEPS dev.labkit:labkit:${labkit.version:0.1.0}
//DEPS org.slf4j:slf4j-simple:2.0.20
//RUNTIME_OPTIONS --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector
//DESCRIPTION Softmax regression on Fashion-MNIST by a hand-written DJL loop: optimizers, epochs, batch sizes, splits, overfitting; then against an MLP, random forest and SVM

import static dev.labkit.Lab.*;

import dev.labkit.cli.LabOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * Softmax regression (one linear layer, cross-entropy) trained on Fashion-MNIST by labkit's hand-written
 * mini-batch loop. The first experiment crosses Adam, SGD and RMSProp (all at lr 1e-3: SGD's small steps
 * show), 10 and 20 epochs, batches of 32 and 128, and 80/20 and 90/10 train/validation splits: each run's
 * page has its loss and accuracy per epoch (training and validation) with overfitting flagged, the test
 * accuracy, a 3×3 grid of test images with their predictions and the ten per-class weight images; the
 * summary ranks all 24 by validation accuracy. The second puts softmax regression beside an MLP and the
 * classic lab's random forest and SVM on the same 10,000 training images. About 7 minutes on 2 cores.
 * PEERS.md's PyTorch setting: {@code --set model.optimizer=sgd --set model.lr=0.01 --set model.epochs=10
 * --set model.batch=128 --set validation=0.2}.
 */
@Command(name = "softmax", mixinStandardHelpOptions = true,
    description = "Softmax regression on Fashion-MNIST by a hand-written training loop, swept and compared.")
class softmax implements Callable<Integer> {
  @Mixin LabOptions lab;

  @Override
  public Integer call() {
    var sweep = experiment("softmax-fashion")
        .data(fashionMnist())
        .model(softmaxRegression())
        .note("""
            Softmax regression turns the scores $z = Wx + b$ into probabilities $p_k = e^{z_k} / \\sum_j e^{z_j}$
            and is trained on the cross-entropy $$L = -\\sum_k y_k \\log p_k,$$ whose gradient for a score is
            simply $p_k - y_k$.""")
        .sweep("model.optimizer", "adam", "sgd", "rmsprop")
        .sweep("model.epochs", 10, 20)
        .sweep("model.batch", 32, 128)
        .sweep("validation", 0.2, 0.1)
        .evaluate(accuracy(), f1(), classificationReport(), confusionMatrix(), predictionGrid(), weightHeatmaps());
    var versus = experiment("softmax-vs-classic")
        .data(fashionMnist().trainSize(10_000))
        .compare(softmaxRegression(), mlp(256, 128), randomForest(), svm())
        .validation(0.2)
        .evaluate(accuracy(), f1(), confusionMatrix(), predictionGrid());
    return runAll(lab, sweep, versus);
  }

  public static void main(String... args) {
    System.exit(cli(new softmax(), args));
  }
}
