///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25+
//REPOS central,labkit=${labkit.repo:https://labkit-dev.github.io/labkit/maven/}
//DEPS dev.labkit:labkit:${labkit.version:0.1.0}
//DEPS org.slf4j:slf4j-simple:2.0.20
//RUNTIME_OPTIONS --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector
//DESCRIPTION docs/dsl.md "Your own images": a folder of PNG/JPEG images, one sub-folder per class

import static dev.labkit.Lab.*;

import dev.labkit.Lab;
import dev.labkit.cli.LabOptions;
import dev.labkit.data.Scale;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Logistic regression on ./pets (pets/cat/*.png, pets/dog/*.png, …). */
@Command(name = "OwnImages", mixinStandardHelpOptions = true, description = "Your own images.")
class OwnImages implements Callable<Integer> {
  @Mixin LabOptions lab;

  @Override
  public Integer call() {
    // docs:begin
    var pets = Lab.experiment("pets").data(Lab.imageFolder(Path.of("pets")).scale(Scale.SYMMETRIC).testFraction(0.25))
    // docs:end
        .model(logisticRegression()).evaluate(accuracy(), confusionMatrix());
    return runAll(lab, pets);
  }

  public static void main(String... args) {
    System.exit(cli(new OwnImages(), args));
  }
}
