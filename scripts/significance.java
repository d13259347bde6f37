///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25+
//REPOS central,labkit=${labkit.repo:https://labkit-dev.github.io/labkit/maven/}
//DEPS dev.labkit:labkit:${labkit.version:0.1.0}
//DEPS org.slf4j:slf4j-simple:2.0.20
//RUNTIME_OPTIONS --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector
//DESCRIPTION Is one classifier really better? Five models under 5-fold CV, fold accuracies plotted, each marked against the best by a corrected t-test

import static dev.labkit.Lab.*;

import dev.labkit.cli.LabOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * A difference of one point in test accuracy can be noise. Each model here (logistic regression, the
 * RBF SVM, KNN, a tree, naive Bayes) is cross-validated on the same five folds of 10,000 Fashion-MNIST
 * images — the SVM too, on all of them: a fold's fit takes seconds. The summary shows every model's
 * accuracy in each fold (a dot per fold, a tick at the mean, a rule over ±1 std), cv/accuracy_std beside
 * the mean in the trials table, and marks every model against the best one with the corrected resampled
 * t-test of Nadeau and Bengio (▲ better, ● no significant difference, ▼ worse at α = 0.05, with the
 * p-value), which allows for the folds sharing most of their training data — the plain paired t-test
 * does not, and finds differences that are not there.
 */
@Command(name = "significance", mixinStandardHelpOptions = true,
    description = "Five classifiers under 5-fold cross-validation, compared with a corrected t-test.")
class significance implements Callable<Integer> {
  @Mixin LabOptions lab;

  @Override
  public Integer call() {
    return experiment("significance-fashion")
        .data(fashionMnist().trainSize(10_000))
        .compare(logisticRegression().c(0.1), svm(), knn(), decisionTree(), naiveBayes())
        .note("""
            **All five on the same 10,000 images.** The SVM is cross-validated on the whole training set like the
            others, not on a subset: each of its fold fits (8,000 images) takes seconds.""")
        .evaluate(accuracy(), f1(), crossValidation(5), confusionMatrix())
        .run(lab);
  }

  public static void main(String... args) {
    System.exit(cli(new significance(), args));
  }
}
