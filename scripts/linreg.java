///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25+
//REPOS central,labkit=${labkit.repo:https://labkit-dev.github.io/labkit/maven/}
//DEPS dev.labkit:labkit:${labkit.version:0.1.0}
//DEPS org.slf4j:slf4j-simple:2.0.20
//RUNTIME_OPTIONS --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector
//DESCRIPTION Linear regression by gradient descent with DJL: losses, learning rates, patience, initial values, steps, data noise and injected noise

import static dev.labkit.Lab.*;

import dev.labkit.cli.LabOptions;
import dev.labkit.model.Init;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The gradient-descent lab: fit y = 3x + 2 + N(0, 1) (10,000 points, x ~ N(0, 1)) by full-batch gradient
 * descent for 2,000 steps from W = b = 0, and ask four questions, one experiment each. Which loss (MSE,
 * MAE, Huber, hybrid) at which learning rate (0.001, 0.01), with or without the patience schedule (halve
 * the rate after 10 steps without progress)? Where does it start and how long does it run? What do the
 * level (0.1, 1, 2) and kind (Gaussian, uniform, Laplace) of the data's noise do? And noise injected into
 * the data, the weights and the learning rate? Both noise experiments run under each of the four losses,
 * and their loss curves come one panel per loss. Each summary page has the table of final W, b, loss and
 * steps to converge, the loss curves with the rate drops marked, and the fitted lines over the data.
 * The fifth, {@code linreg-lab}, is the lab's own setting: W = b = 0.5, lr 0.001, 5,000 steps (the same
 * {@code --set}s on any other experiment: docs/dsl.md). PEERS.md's points: {@code --set data=line-reference}.
 */
@Command(name = "linreg", mixinStandardHelpOptions = true,
    description = "Linear regression by gradient descent: losses, learning rates, schedules, starts, noise.")
class linreg implements Callable<Integer> {
  @Mixin LabOptions lab;

  @Override
  public Integer call() {
    var losses = experiment("linreg-losses").data(line()).model(linearRegression())
        .sweep("model.loss", "mse", "mae", "huber", "hybrid")
        .sweep("model.lr", 0.001, 0.01)
        .sweep("model.schedule", "constant", "patience");
    var start = experiment("linreg-start").data(line()).model(linearRegression().init(Init.constant(0.5, 0.5)))
        .sweep("model.init_w", -5, 0.5, 10)
        .sweep("model.steps", 100, 500, 2000);
    var noise = experiment("linreg-noise").data(line()).model(linearRegression())
        .sweep("model.loss", "mse", "mae", "huber", "hybrid")
        .sweep("data.noise", "gaussian", "uniform", "laplace")
        .sweep("data.noise_scale", 0.1, 1, 2);
    var injected = experiment("linreg-injected").data(line()).model(linearRegression())
        .sweep("model.loss", "mse", "mae", "huber", "hybrid")
        .sweep("model.noise_data", 0, 0.5)
        .sweep("model.noise_weights", 0, 0.01)
        .sweep("model.noise_lr", 0, 1);
    var labDefaults = experiment("linreg-lab").data(line())
        .model(linearRegression().init(Init.constant(0.5, 0.5)).lr(0.001).steps(5000));
    return runAll(lab, losses, start, noise, injected, labDefaults);
  }

  public static void main(String... args) {
    System.exit(cli(new linreg(), args));
  }
}
