///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25+
//REPOS central,labkit=${labkit.repo:https://labkit-dev.github.io/labkit/maven/}
//DEPS dev.labkit:labkit:${labkit.version:0.1.0}
//DEPS org.slf4j:slf4j-simple:2.0.20
//RUNTIME_OPTIONS --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector
//DESCRIPTION MLP GAN sweeps over batch size, learning rates, steps and G's, D's and both widths: losses against FID, sample grids side by side

import static dev.labkit.Lab.*;

import dev.labkit.cli.LabOptions;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The lab report's experiment, one knob at a time from the MLP GAN of gan.java (1,000 steps each, 5,000
 * samples scored): batch size, G's learning rate alone ({@code model.lr}: 2e-3 against D's 2e-4
 * collapses), both rates together ({@code model.lrs}), training length, G's widths, D's widths, and G's
 * and D's widths changed together (a tied sweep: both take the same widths in each trial). Each summary
 * page draws the final D and G losses and the domain FID against the knob, and shows every trial's
 * final sample grid beside its FID and class histogram: the losses hover around the same values
 * whatever the images look like; FID and the grids tell the runs apart. 19,500 steps in all.
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
        base.named("gan-sweep-lrs").sweep("model.lrs", 2e-5, 2e-4, 2e-3),
        base.named("gan-sweep-steps").sweep("model.steps", 500, 1000, 2000),
        base.named("gan-sweep-widths").sweep("model.generator", "64x128x256", "256x512x1024"),
        base.named("gan-sweep-d-widths").sweep("model.discriminator", "256x128x64", "1024x512x256"),
        base.named("gan-sweep-both-widths").sweepTogether(List.of("model.generator", "model.discriminator"),
            "128", "256x256", "512x512"));
  }

  public static void main(String... args) {
    System.exit(cli(new ganSweep(), args));
  }
}
