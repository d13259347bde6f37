///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25+
//REPOS central,labkit=${labkit.repo:https://labkit-dev.github.io/labkit/maven/}
//DEPS dev.labkit:labkit:${labkit.version:0.1.0}
//DEPS org.slf4j:slf4j-simple:2.0.20
//RUNTIME_OPTIONS --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector
//DESCRIPTION docs/dsl.md "Your own classifier": a Smile classifier fitted by a lambda, its own param swept

import static dev.labkit.Lab.*;

import dev.labkit.Lab;
import dev.labkit.cli.LabOptions;
import dev.labkit.model.Predictor;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Smile's KNN as a model of your own, k swept. */
@Command(name = "OwnClassifier", mixinStandardHelpOptions = true, description = "Your own classifier.")
class OwnClassifier implements Callable<Integer> {
  @Mixin LabOptions lab;

  @Override
  public Integer call() {
    // docs:begin
    var knn = Lab.experiment("own-knn").data(fashionMnist().trainSize(5_000))
        .model(Lab.classifier("smile-knn", t -> Predictor.of(smile.classification.KNN.fit(t.x(), t.y(), t.integer("k"))))
            .param("k", 15))
        .evaluate(accuracy(), confusionMatrix())
        .sweep("model.k", 5, 15, 45)
    // docs:end
        ;
    return runAll(lab, knn);
  }

  public static void main(String... args) {
    System.exit(cli(new OwnClassifier(), args));
  }
}
