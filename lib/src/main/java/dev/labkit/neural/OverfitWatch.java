package dev.labkit.neural;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * Spots overfitting as it starts: the validation loss and the validation accuracy have both failed to beat
 * their best for {@code patience} epochs in a row while the training loss kept falling over those epochs.
 * The network is then learning its training set rather than the task; the flag points at the first epoch
 * after the best validation one, where the two curves part.
 */
final class OverfitWatch {
  private final int patience;
  private double bestValLoss = Double.POSITIVE_INFINITY;
  private double bestValAccuracy = Double.NEGATIVE_INFINITY;
  private int bestEpoch;
  private double trainLossAtBest;
  private int flagged = -1;

  /** {@code patience} stalled epochs make the flag; 0 switches it off. */
  OverfitWatch(int patience) {
    this.patience = patience;
  }

  /**
   * Records one epoch's losses and accuracy; returns the epoch where overfitting started when this epoch
   * is the one that confirms it (once per run), else -1.
   */
  int observe(int epoch, double trainLoss, double valLoss, double valAccuracy) {
    boolean better = valLoss < bestValLoss || valAccuracy > bestValAccuracy;
    bestValLoss = Math.min(bestValLoss, valLoss);
    bestValAccuracy = Math.max(bestValAccuracy, valAccuracy);
    if (better) {
      bestEpoch = epoch;
      trainLossAtBest = trainLoss;
      return -1;
    }
    boolean stalled = epoch - bestEpoch >= patience;
    boolean trainingImproves = trainLoss < trainLossAtBest;
    if (patience > 0 && flagged < 0 && stalled && trainingImproves) {
      flagged = bestEpoch + 1;
      return flagged;
    }
    return -1;
  }

  /** The epoch overfitting started, or -1 when it was never flagged. */
  int flagged() {
    return flagged;
  }

  /** Writes what it has seen, for a checkpoint ({@link NetCheckpoint}). */
  void save(DataOutputStream out) throws IOException {
    out.writeDouble(bestValLoss);
    out.writeDouble(bestValAccuracy);
    out.writeInt(bestEpoch);
    out.writeDouble(trainLossAtBest);
    out.writeInt(flagged);
  }

  /** Takes back what {@link #save} wrote. */
  void load(DataInputStream in) throws IOException {
    bestValLoss = in.readDouble();
    bestValAccuracy = in.readDouble();
    bestEpoch = in.readInt();
    trainLossAtBest = in.readDouble();
    flagged = in.readInt();
  }
}
