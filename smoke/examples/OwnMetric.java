///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25+
//REPOS central,labkit=${labkit.repo:https://labkit-dev.github.io/labkit/maven/}
//DEPS dev.labkit:labkit:${labkit.version:0.1.0}
//DEPS org.slf4j:slf4j-simple:2.0.20
//RUNTIME_OPTIONS --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector
//DESCRIPTION docs/dsl.md "Your own metric": top-2 accuracy measured like a built-in metric, and a cost that ranks a sweep

import static dev.labkit.Lab.*;

import dev.labkit.cli.LabOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Logistic regression over C, measured by top-2 accuracy and ranked by a cost of your own. */
@Command(name = "OwnMetric", mixinStandardHelpOptions = true, description = "Your own metric.")
class OwnMetric implements Callable<Integer> {
  @Mixin LabOptions lab;

  @Override
  public Integer call() {
    var misses = metric("misses", p -> p.share(i -> p.predicted()[i] != p.labels()[i])).smallerIsBetter();
    var top2 = experiment("top2").data(fashionMnist().trainSize(5_000)).model(logisticRegression())
        .sweep("model.c", 0.01, 1.0).validation(0.2)
    // docs:begin
    .evaluate(accuracy(), metric("top2_accuracy", p -> p.share(i -> p.rankOfTruth(i) < 2)))
    // docs:end
        .evaluate(misses).rankBy(misses);
    return runAll(lab, top2);
  }

  public static void main(String... args) {
    System.exit(cli(new OwnMetric(), args));
  }
}
