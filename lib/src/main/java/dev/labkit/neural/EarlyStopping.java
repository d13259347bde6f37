package dev.labkit.neural;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

import dev.labkit.model.Training;

/**
 * Early stopping of one training run: it watches the loss of each check (a step, or an epoch's
 * validation loss) and says when {@code early_stop} checks in a row brought no improvement of at least
 * {@code min_delta}. The trainer keeps a copy of the weights whenever {@link #observe} says a check was
 * the best so far, and puts it back on a stop when {@code restore_best} is set.
 */
public final class EarlyStopping {
  private final int patience;
  private final double minDelta;
  private double bestLoss = Double.POSITIVE_INFINITY;
  private int bestCheck = -1;
  private int sinceBest;

  public EarlyStopping(Training training) {
    this.patience = training.earlyStop();
    this.minDelta = training.minDelta();
  }

  /** Records the loss of check number {@code check}; true when it is the best so far. */
  public boolean observe(int check, double loss) {
    if (loss < bestLoss - minDelta) {
      bestLoss = loss;
      bestCheck = check;
      sinceBest = 0;
      return true;
    }
    sinceBest++;
    return false;
  }

  /** Whether training should stop now: switched on, and {@code early_stop} checks without improvement. */
  public boolean shouldStop() {
    return patience > 0 && sinceBest >= patience;
  }

  /** The check with the lowest loss so far, or -1 before any. */
  public int bestCheck() {
    return bestCheck;
  }

  public double bestLoss() {
    return bestLoss;
  }

  /** Writes what it has seen, for a checkpoint ({@link NetCheckpoint}). */
  void save(DataOutputStream out) throws IOException {
    out.writeDouble(bestLoss);
    out.writeInt(bestCheck);
    out.writeInt(sinceBest);
  }

  /** Takes back what {@link #save} wrote. */
  void load(DataInputStream in) throws IOException {
    bestLoss = in.readDouble();
    bestCheck = in.readInt();
    sinceBest = in.readInt();
  }
}
