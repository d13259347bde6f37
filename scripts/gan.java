///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25+
//REPOS central,labkit=${labkit.repo:https://labkit-dev.github.io/labkit/maven/}
//DEPS dev.labkit:labkit:${labkit.version:0.1.0}
//DEPS org.slf4j:slf4j-simple:2.0.20
//RUNTIME_OPTIONS --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector
//DESCRIPTION An MLP GAN on Fashion-MNIST: loss curves, sample gallery, interpolation, class histogram and domain FID over training

import static dev.labkit.Lab.*;

import dev.labkit.cli.LabOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The GAN lab's first experiment: a generator of 100 noise numbers → 256 → 512 → 1024 → 784 pixels
 * against a discriminator 784 → 1024 → 512 → 256 → 1, each with its own Adam (2e-4, β1 0.5), for 3,000
 * steps of 128 images. The page shows D's and G's losses and D(x), D(G(z)) over training, the same 64
 * noise vectors drawn every 500 steps, linear and spherical walks between noise vectors, the classes a
 * reference classifier sees in 10,000 samples (with a mode-collapse verdict), and the domain FID falling
 * as the images improve. Other data: {@code --set data=mnist}; a collapsing run:
 * {@code --set model.lr=2e-3} (G learning 10× faster than D); one rate for both networks:
 * {@code --set model.lrs=1e-3}; a GAN of one class: {@code --set data.classes=7} (sneakers; FID against
 * that class's real images, the class histogram "does not apply"). The page also says when D or G
 * dominated (with the steps), charts both networks' gradient norms, and trains logistic regression on
 * 60,000 samples labelled by the reference classifier (train on synthetic, test on real).
 */
@Command(name = "gan", mixinStandardHelpOptions = true,
    description = "An MLP GAN on Fashion-MNIST, with gallery, interpolation, class histogram and domain FID.")
class gan implements Callable<Integer> {
  @Mixin LabOptions lab;

  @Override
  public Integer call() {
    return experiment("gan-fashion")
        .data(fashionMnist())
        .model(gan())
        .run(lab);
  }

  public static void main(String... args) {
    System.exit(cli(new gan(), args));
  }
}
