package dev.labkit.gan;

import ai.djl.ndarray.NDManager;
import dev.labkit.ground.UserError;
import dev.labkit.data.Dataset;
import dev.labkit.model.Gan;
import dev.labkit.console.ConsoleSink;
import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trains a GAN for {@code steps} steps and reports as it goes: {@code train/d_loss}, {@code train/g_loss},
 * {@code train/d_real} (D's mean probability that real images are real), {@code train/d_fake} (the same
 * for G's images) and {@code train/g_grad_norm}, {@code train/d_grad_norm} (each network's gradient norm in
 * its update) about 500 times over the run, a progress line every tenth of it, and at step 0, every
 * {@code sample_every} steps and at the end a call to the caller's {@link SampleHook} (sample grids,
 * FID), and every {@code checkpoint_every} steps a {@link Checkpoint} that a stopped run can go on from.
 * Apart from that one file it writes nothing and prints nothing: everything goes out as events.
 *
 * <p>How to read the numbers: in a healthy game D(x) stays above D(G(z)) but neither goes to 1 or 0,
 * and both losses wander around a level instead of one of them going to 0. A D loss near 0 with D(G(z))
 * near 0 means D has won and G learns nothing; the losses alone say little about image quality, which
 * is why the run also measures FID and the class histogram.
 */
public final class GanTrainer {
  private GanTrainer() {}

  /** Called with G at the sample steps: step 0, every {@code sample_every} steps, and the last step. */
  @FunctionalInterface
  public interface SampleHook {
    void sample(long step, Generator generator);
  }

  /**
   * The trained generator, D's and G's losses averaged over the logged steps of the last tenth of
   * training (a single step's loss is too noisy to compare runs by), the mean time of a step, and the
   * training's time as a whole (sampling included); a resumed run counts the time before its checkpoint.
   */
  public record Result(Generator generator, double finalDLoss, double finalGLoss, double msPerStep,
      double trainSeconds, List<Balance.Point> logged) {}

  /**
   * Where the run keeps its checkpoint ({@link Checkpoint}), one file replaced every {@code checkpoint_every}
   * steps (null: none), and whether to go on from the one there ({@code --resume}) instead of from step 0.
   */
  public record Checkpoints(Path file, boolean resume) {}

  /** Trains on {@code train} (pixels in [-1, 1]); every array lives in {@code manager}, which the caller closes. */
  public static Result train(Gan spec, Dataset train, long seed, NDManager manager, EventSink events,
      SampleHook hook, Checkpoints checkpoints) {
    long began = System.nanoTime();
    GanTraining training = new GanTraining(spec, train, seed, manager);
    Checkpoint.Loop loop = Checkpoint.Loop.start();
    if (checkpoints.resume()) {
      loop = Checkpoint.restore(checkpoints.file(), training, spec, train);
      events.accept(new Event.Phase(ConsoleSink.NOTE, "resumed from the checkpoint of step " + loop.step() + " ("
          + checkpoints.file().getFileName() + ")"));
    } else {
      hook.sample(0, training.generator());
    }
    int logEvery = Math.max(1, spec.steps() / 500);
    int progressEvery = Math.max(1, spec.steps() / 10);
    began -= loop.trainNanos();
    long started = System.nanoTime() - loop.stepNanos(); // when the steps began, had they run without a break
    double[] tail = {loop.dLossSum(), loop.gLossSum(), loop.tailCount()}; // over the last tenth: D, G, count
    String shown = ""; // the last losses read back, for the console's progress line
    List<Balance.Point> logged = new ArrayList<>(); // this session's logged steps (a resumed run: since the resume)
    for (long step = loop.step() + 1; step <= spec.steps(); step++) {
      boolean log = step == 1 || step % logEvery == 0 || step == spec.steps();
      GanTraining.Losses losses = training.step(step, log);
      if (log) {
        emit(events, step, losses);
        shown = String.format(Locale.ROOT, "D loss %.3f · G loss %.3f", losses.dLoss(), losses.gLoss());
        logged.add(new Balance.Point(step, losses.dReal(), losses.dFake(), losses.gLoss()));
        if (step > spec.steps() - progressEvery) {
          tail[0] += losses.dLoss();
          tail[1] += losses.gLoss();
          tail[2]++;
        }
      }
      events.accept(new Event.Progress("step", step, spec.steps(), shown));
      if (step % progressEvery == 0 || step == spec.steps()) {
        double ms = (System.nanoTime() - started) / 1e6 / step;
        events.accept(new Event.Phase("train", String.format(Locale.ROOT,
            "step %d/%d  D loss %.3f  G loss %.3f  D(x) %.2f  D(G(z)) %.2f  %.1f ms/step", step, spec.steps(),
            losses == null ? Double.NaN : losses.dLoss(), losses == null ? Double.NaN : losses.gLoss(),
            losses == null ? Double.NaN : losses.dReal(), losses == null ? Double.NaN : losses.dFake(), ms)));
      }
      long before = System.nanoTime();
      if (step % spec.sampleEvery() == 0 || step == spec.steps()) {
        hook.sample(step, training.generator());
      }
      // after the step's samples, so a run resumed from here has every event up to this step; none at the
      // end, where nothing is left to resume (a stop while measuring resumes from the last one before)
      if (checkpoints.file() != null && spec.checkpointEvery() > 0 && step % spec.checkpointEvery() == 0
          && step < spec.steps()) {
        long now = System.nanoTime();
        Checkpoint.write(checkpoints.file(), training, spec, train, new Checkpoint.Loop(step, tail[0], tail[1],
            (int) tail[2], before - started, now - began));
      }
      started += System.nanoTime() - before; // step times leave out the sampling, measuring and checkpoints
    }
    double ms = (System.nanoTime() - started) / 1e6 / spec.steps();
    return new Result(training.generator(), tail[0] / tail[2], tail[1] / tail[2], ms,
        (System.nanoTime() - began) / 1e9, List.copyOf(logged));
  }

  private static void emit(EventSink events, long step, GanTraining.Losses losses) {
    if (!Double.isFinite(losses.dLoss()) || !Double.isFinite(losses.gLoss())) {
      throw new UserError("the GAN diverged at step " + step + " (a loss is " + losses.dLoss() + " / "
          + losses.gLoss() + "); lower lr and d_lr, e.g. --set model.lr=1e-4 --set model.d_lr=1e-4");
    }
    events.accept(new Event.Scalar(step, "train/d_loss", losses.dLoss()));
    events.accept(new Event.Scalar(step, "train/g_loss", losses.gLoss()));
    events.accept(new Event.Scalar(step, "train/d_real", losses.dReal()));
    events.accept(new Event.Scalar(step, "train/d_fake", losses.dFake()));
    events.accept(new Event.Scalar(step, "train/g_grad_norm", losses.gGradNorm()));
    events.accept(new Event.Scalar(step, "train/d_grad_norm", losses.dGradNorm()));
  }
}
