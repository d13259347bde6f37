package dev.labkit.neural;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import ai.djl.training.tracker.ParameterTracker;
import dev.labkit.model.Training;

/**
 * The learning rate of one training run as it moves, following a {@link Training}'s schedule. A DJL
 * optimizer reads it before every update (it is the optimizer's {@link ParameterTracker}); the trainer
 * moves it on: {@link #afterStep} once per update for the step and cosine schedules, {@link #afterCheck}
 * with each measured loss for the patience schedule.
 */
public final class LearningRate implements ParameterTracker {
  /**
   * A loss counts as progress for the patience schedule only when it beats the best so far by this share
   * of it: PyTorch's {@code ReduceLROnPlateau} default, so tiny float wobbles do not reset the count.
   */
  static final double PATIENCE_THRESHOLD = 1e-4;

  private final Training training;
  private final int totalSteps;
  private double value;
  private double jitter = 1;
  private double best = Double.POSITIVE_INFINITY;
  private int sinceBest;

  private LearningRate(Training training, int totalSteps) {
    this.training = training;
    this.totalSteps = Math.max(1, totalSteps);
    this.value = training.lr();
  }

  /** A learning rate starting at {@code training.lr()}; {@code totalSteps} is the run's length, for cosine. */
  public static LearningRate start(Training training, int totalSteps) {
    return new LearningRate(training, totalSteps);
  }

  /** The rate the schedule gives now (before any jitter). */
  public double value() {
    return value;
  }

  /** The rate the next update uses: {@link #value()} times the jitter. */
  public double current() {
    return value * jitter;
  }

  /**
   * Multiplies the next updates' rate by {@code factor} (noise injected into the learning rate) until the
   * next call; the schedule itself is not changed by it.
   */
  public void jitter(double factor) {
    jitter = factor;
  }

  /** Moves the step and cosine schedules on after {@code stepsDone} updates; true when the rate dropped. */
  public boolean afterStep(int stepsDone) {
    double before = value;
    switch (training.schedule()) {
      case STEP -> value = Math.max(training.minLr(),
          training.lr() * Math.pow(training.lrFactor(), stepsDone / training.lrStep()));
      case COSINE -> value = training.minLr() + (training.lr() - training.minLr())
          * (1 + Math.cos(Math.PI * Math.min(stepsDone, totalSteps) / totalSteps)) / 2;
      case CONSTANT, PATIENCE -> { }
    }
    return training.schedule() == Training.Schedule.STEP && value < before;
  }

  /**
   * Gives the patience schedule one measured loss (of a step or an epoch). After {@code lr_patience}
   * checks without progress it multiplies the rate by {@code lr_factor}, never below {@code min_lr}, and
   * starts counting again. Returns true when the rate dropped, so the trainer can mark it on the curve.
   */
  public boolean afterCheck(double loss) {
    if (training.schedule() != Training.Schedule.PATIENCE) {
      return false;
    }
    if (loss < best - PATIENCE_THRESHOLD * Math.abs(best) || best == Double.POSITIVE_INFINITY) {
      best = loss;
      sinceBest = 0;
      return false;
    }
    sinceBest++;
    if (sinceBest < training.lrPatience() || value <= training.minLr()) {
      return false;
    }
    value = Math.max(training.minLr(), value * training.lrFactor());
    sinceBest = 0;
    return true;
  }

  @Override
  public float getNewValue(String parameterId, int numUpdate) {
    return (float) current();
  }

  /** Writes where the schedule is, for a checkpoint ({@link NetCheckpoint}); the jitter lasts one update only. */
  void save(DataOutputStream out) throws IOException {
    out.writeDouble(value);
    out.writeDouble(best);
    out.writeInt(sinceBest);
  }

  /** Takes back what {@link #save} wrote. */
  void load(DataInputStream in) throws IOException {
    value = in.readDouble();
    best = in.readDouble();
    sinceBest = in.readInt();
  }
}
