///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25+
//REPOS central,labkit=${labkit.repo:https://labkit-dev.github.io/labkit/maven/}
//DEPS dev.labkit:labkit:${labkit.version:0.1.0}
//DEPS org.slf4j:slf4j-simple:2.0.20
//RUNTIME_OPTIONS --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector
//DESCRIPTION 5-fold and nested cross-validation of logistic regression, with a randomized search over C

import static dev.labkit.Lab.*;

import dev.labkit.cli.LabOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * How well does logistic regression generalise, and which C should it use? Plain 5-fold
 * cross-validation gives a score per fold; nested cross-validation (6 outer folds, each choosing C by
 * a randomized search over a log-uniform range scored on 3 inner folds) gives an honest estimate of
 * the whole tuning procedure. Both run on the training set only. The same search then chooses C once
 * on the whole training set, and that model, refitted there, is what the test set's metrics table,
 * classification report and ROC curves describe (the page says which C and how many outer folds agreed).
 */
@Command(name = "cv", mixinStandardHelpOptions = true,
    description = "Cross-validation and nested cross-validation of logistic regression.")
class cv implements Callable<Integer> {
  @Mixin LabOptions lab;

  @Override
  public Integer call() {
    return experiment("cv-fashion")
        .data(fashionMnist().trainSize(10_000))
        .model(logisticRegression())
        .evaluate(crossValidation(5),
            nestedCv(6, 3, searchSpace().logUniform("model.c", 0.01, 10), 8),
            metricsTable(), classificationReport(), rocCurves(), confusionMatrix())
        .run(lab);
  }

  public static void main(String... args) {
    System.exit(cli(new cv(), args));
  }
}
