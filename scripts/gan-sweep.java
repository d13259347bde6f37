///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25+
//REPOS central,labkit=${labkit.repo:https://labkit-dev.github.io/labkit/maven/}
//DEPS dev.labkit:labkit:${labkit.version:0.1.0}
//DEPS org.slf4j:slf4j-simple:2.0.20
//RUNTIME_OPTIONS --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector
//DESCRIPTION MLP GAN sweeps over batch size, G's learning rate, steps and G's widths: final losses against domain FID

import static dev.labkit.Lab.*;

import dev.labkit.cli.LabOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The lab report's experiment, one knob at a time from the MLP GAN of gan.java (1,000 steps each, 5,000
 * samples scored): batch size, G's learning rate (2e-3 against D's 2e-4 collapses), training length and
 * G's widths. Each summary page draws the final D and G losses and the domain FID against the knob:
 * the losses hover around the same values whatever the images look like; FID tells the runs apart.
 * 11,500 steps in all (≈ 15 minutes on 2 quiet cores).
 */
@Command(name = "gan-sweep", mixinStandardHelpOptions = true,
    description = "GAN sweeps: final losses do not track sample quality, domain FID does.")
class ganSweep implements Callable<Integer> {
  @Mixin LabOptions lab;

  @Override
  public Integer call() {
    var base = experiment("gan-sweep").data(fashionMnist()).model(gan().steps(1000).samples(5000));
    return runAll(lab,
        base.named("gan-sweep-batch").sweep("model.batch", 32, 128, 512),
        base.named("gan-sweep-lr").sweep("model.lr", 2e-5, 2e-4, 2e-3),
        base.named("gan-sweep-steps").sweep("model.steps", 500, 1000, 2000),
        base.named("gan-sweep-widths").sweep("model.generator", "64x128x256", "256x512x1024"));
  }

  public static void main(String... args) {
    System.exit(cli(new ganSweep(), args));
  }
}
