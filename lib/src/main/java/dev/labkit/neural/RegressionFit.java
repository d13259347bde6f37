package dev.labkit.neural;

/**
 * What gradient descent on a linear regression ended with.
 *
 * @param w               the weights, one per feature
 * @param b               the bias (intercept)
 * @param finalLoss       the training loss at the final weights, on the whole data without injected noise
 * @param mse             mean squared error of the final weights on the data
 * @param mae             mean absolute error of the final weights on the data
 * @param steps           updates made (fewer than asked after an early stop or divergence)
 * @param stepsToConverge the step from which the loss never again changed by more than tol times itself in
 *                        one step, or -1 when it had not settled by the end
 * @param stoppedEarly    whether early stopping ended the run
 * @param lrDrops         how many times the schedule lowered the learning rate
 * @param divergedAt      the step whose loss was NaN or infinite, or -1
 * @param lastFiniteLoss  the last finite loss seen (what the divergence message quotes)
 */
public record RegressionFit(double[] w, double b, double finalLoss, double mse, double mae, int steps,
    int stepsToConverge, boolean stoppedEarly, int lrDrops, int divergedAt, double lastFiniteLoss) {

  public boolean diverged() {
    return divergedAt >= 0;
  }
}
