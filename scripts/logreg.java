///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25+
//DEPS dev.labkit:labkit:0.1.0-SNAPSHOT
//RUNTIME_OPTIONS --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector
//DESCRIPTION Multinomial logistic regression on Fashion-MNIST: accuracy, macro-F1, confusion matrix, per-class weight heatmaps

import static dev.labkit.Lab.*;

import dev.labkit.cli.LabOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The classic first lab: softmax (multinomial logistic) regression on Fashion-MNIST with an L2
 * penalty, C = 1, on all 60,000 training images; scored on the 10,000 test images. The weight
 * heatmaps show which pixels speak for (red) and against (blue) each kind of garment.
 */
@Command(name = "logreg", mixinStandardHelpOptions = true,
    description = "Logistic regression on Fashion-MNIST, recorded as a run and shown in the report.")
class logreg implements Callable<Integer> {
  @Mixin LabOptions lab;

  @Override
  public Integer call() {
    return experiment("logreg-fashion")
        .data(fashionMnist())
        .model(logisticRegression().c(1.0))
        .evaluate(accuracy(), f1(), classificationReport(), confusionMatrix(), weightHeatmaps())
        .run(lab);
  }

  public static void main(String... args) {
    System.exit(cli(new logreg(), args));
  }
}
