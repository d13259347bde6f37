///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25+
//REPOS central,labkit=${labkit.repo:https://labkit-dev.github.io/labkit/maven/}
//DEPS dev.labkit:labkit:${labkit.version:0.1.0}
//DEPS org.slf4j:slf4j-simple:2.0.20
//RUNTIME_OPTIONS --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector
//DESCRIPTION docs/dsl.md "Your own generator and discriminator": your own G and D through labkit's GAN loop

import static dev.labkit.Lab.*;

import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import dev.labkit.cli.LabOptions;
import dev.labkit.model.Gan;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** A one-hidden-layer G and D of your own on Fashion-MNIST, with the galleries, FID and class histogram. */
@Command(name = "OwnGan", mixinStandardHelpOptions = true, description = "Your own GAN parts.")
class OwnGan implements Callable<Integer> {
  @Mixin LabOptions lab;

  @Override
  public Integer call() {
    var gan = experiment("own-gan").data(fashionMnist()).model(
    // docs:begin
    Gan.own("small", (image, inputs) -> new SequentialBlock().add(Linear.builder().setUnits(256).build())
            .add(Activation.leakyReluBlock(0.2f)).add(Linear.builder().setUnits(image.size()).build()).add(Activation::tanh),
        (image, inputs) -> new SequentialBlock().add(Linear.builder().setUnits(256).build())
            .add(Activation.leakyReluBlock(0.2f)).add(Linear.builder().setUnits(1).build()))
        .steps(3000)
    // docs:end
    );
    return runAll(lab, gan);
  }

  public static void main(String... args) {
    System.exit(cli(new OwnGan(), args));
  }
}
