///usr/bin/env jbang "$0" "$@" ; exit $?
//JAVA 25+
//DEPS dev.labkit:labkit:0.1.0-SNAPSHOT
//DEPS org.slf4j:slf4j-simple:2.0.20
//RUNTIME_OPTIONS --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector
//DESCRIPTION Logistic regression whose Slurm array task 1 sleeps past a one-minute limit while LABKIT_TEST_SLOW_TASK is set (SlurmSweepTest)

import static dev.labkit.Lab.*;

import dev.labkit.cli.LabOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** SlurmSweepTest's slow trial: a time limit ends it (TIMEOUT) once; without the variable, --resume finishes it. */
@Command(name = "slow", mixinStandardHelpOptions = true, description = "A sweep with one task that outlives --slurm-time 1.")
class slow implements Callable<Integer> {
  @Mixin LabOptions lab;

  @Override
  public Integer call() {
    return experiment("slurm-slow")
        .data(fashionMnist())
        .model(logisticRegression())
        .validation(0.1)
        .evaluate(accuracy(), metric("waited", p -> waitIfSlowTask()))
        .run(lab);
  }

  /** Array task 1 sleeps inside its run (its folder written) while the variable is set: Slurm ends it first. */
  static double waitIfSlowTask() {
    if (System.getenv("LABKIT_TEST_SLOW_TASK") != null && "1".equals(System.getenv("SLURM_ARRAY_TASK_ID"))) {
      try {
        Thread.sleep(240_000); // asleep, so the two cores stay free
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return 0;
  }

  public static void main(String... args) {
    System.exit(cli(new slow(), args));
  }
}
