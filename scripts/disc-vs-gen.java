///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25+
//REPOS central,labkit=${labkit.repo:https://labkit-dev.github.io/labkit/maven/}
//DEPS dev.labkit:labkit:${labkit.version:0.1.0}
//DEPS org.slf4j:slf4j-simple:2.0.20
//RUNTIME_OPTIONS --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector
//DESCRIPTION Discriminative against generative in one table: logistic regression, SVM, a tree and a GAN (through train-on-synthetic)

import static dev.labkit.Lab.*;

import dev.labkit.cli.LabOptions;
import dev.labkit.kinds.generate.GanTstrClassifier;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The lab's closing table: three discriminative models and a generative one trained on the same 10,000
 * Fashion-MNIST images and tested on the same 10,000 real test images. The GAN (the MLP GAN of gan.java)
 * is scored by train-on-synthetic, test-on-real: its fit trains the GAN, labels 10,000 of its samples
 * with the reference classifier and trains logistic regression on them. The comparison's trials table
 * gives each model's fit time (the GAN's: its whole training) and test accuracy, and the GAN's domain
 * FID ({@code final/fid}); the GAN's own page has its loss curves and D(x), D(G(z)).
 */
@Command(name = "disc-vs-gen", mixinStandardHelpOptions = true,
    description = "Logistic regression, SVM, a tree and a GAN (train on synthetic) in one table.")
class discVsGen implements Callable<Integer> {
  @Mixin LabOptions lab;

  @Override
  public Integer call() {
    var gan = lab.smoke() ? gan().smoke() : gan();
    return experiment("disc-vs-gen")
        .data(fashionMnist().trainSize(10_000))
        .compare(logisticRegression(), svm(), decisionTree(), GanTstrClassifier.of(gan))
        .evaluate(accuracy())
        .run(lab);
  }

  public static void main(String... args) {
    System.exit(cli(new discVsGen(), args));
  }
}
