///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25+
//REPOS central,labkit=${labkit.repo:https://labkit-dev.github.io/labkit/maven/}
//DEPS dev.labkit:labkit:${labkit.version:0.1.0}
//DEPS org.slf4j:slf4j-simple:2.0.20
//RUNTIME_OPTIONS --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector
//DESCRIPTION Logistic regression, SVM, random forest, KNN, decision tree and naive Bayes side by side on Fashion-MNIST

import static dev.labkit.Lab.*;

import dev.labkit.cli.LabOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The model comparison of the classic lab: six classifiers trained on the same 20,000 Fashion-MNIST
 * images and scored on the same 10,000 test images. The summary page holds the comparison table
 * (fit and predict time, model size, train and test accuracy, macro-F1); each model's own page has
 * its confusion matrix, classification report and most confident mistakes. For the full 60,000:
 * {@code --set data.train_size=0} (the SVM then takes a long while).
 */
@Command(name = "classifiers", mixinStandardHelpOptions = true,
    description = "Six classifiers on the same Fashion-MNIST subset, compared in one table.")
class classifiers implements Callable<Integer> {
  @Mixin LabOptions lab;

  @Override
  public Integer call() {
    return experiment("classifiers-fashion")
        .data(fashionMnist().trainSize(20_000))
        .compare(logisticRegression(), svm(), randomForest(), knn(), decisionTree(), naiveBayes())
        .evaluate(accuracy(), f1(), classificationReport(), confusionMatrix(), confidentMistakes())
        .run(lab);
  }

  public static void main(String... args) {
    System.exit(cli(new classifiers(), args));
  }
}
