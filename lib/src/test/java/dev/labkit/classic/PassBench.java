package dev.labkit.classic;

import dev.labkit.data.Dataset;
import dev.labkit.data.Datasets;
import dev.labkit.data.LoadOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;

/**
 * Microbenchmark of one gradient pass over full Fashion-MNIST (not a test). Prints, over {@code reps}
 * passes, the best and median wall time on all cores and the best CPU time of one pass on one thread
 * (that one is hardly disturbed by other processes sharing the machine, unlike wall time).
 * Run by bench/logreg.sh.
 */
final class PassBench {
  public static void main(String[] args) throws Exception {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    Dataset train = Datasets.fashionMnist().load(LoadOptions.quiet(42)).train();
    int cores = Runtime.getRuntime().availableProcessors();
    double[] theta = new double[train.numClasses() * (train.featureCount() + 1)];
    Random random = new Random(1);
    for (int i = 0; i < theta.length; i++) {
      theta[i] = 0.01 * random.nextGaussian();
    }
    ForkJoinPool one = new ForkJoinPool(1);
    long[] cpu = one.submit(() -> time(objective(train, one), theta, reps, true)).get();
    long[] wall = time(objective(train, new ForkJoinPool(cores)), theta, reps, false);
    System.out.printf("pass: 1 thread CPU best %.1f ms, median %.1f; %d threads wall best %.1f ms, median %.1f (%d reps)%n",
        cpu[0] / 1e6, cpu[reps / 2] / 1e6, cores, wall[0] / 1e6, wall[reps / 2] / 1e6, reps);
  }

  static SoftmaxObjective objective(Dataset train, ForkJoinPool pool) {
    return new SoftmaxObjective(train.features(), train.labels(), train.featureCount(), train.numClasses(),
        1.0 / train.size(), pool);
  }

  static long[] time(SoftmaxObjective objective, double[] theta, int reps, boolean threadCpu) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[] grad = new double[theta.length];
    long[] times = new long[reps];
    for (int r = 0; r < reps; r++) {
      long t = threadCpu ? mx.getCurrentThreadCpuTime() : System.nanoTime();
      objective.valueAndGradient(theta, grad);
      times[r] = (threadCpu ? mx.getCurrentThreadCpuTime() : System.nanoTime()) - t;
    }
    Arrays.sort(times);
    return times;
  }
}
