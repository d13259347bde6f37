package dev.labkit.model;

import ai.djl.ndarray.NDArray;
import dev.labkit.ground.UserError;
import java.util.function.BinaryOperator;

/**
 * Your own classification loss in place of cross-entropy: a function of a batch's scores (logits,
 * {@code (batch, classes)}) and its labels ({@code (batch,)}, int64) to one number, written with DJL's array
 * operations so autograd differentiates it. Validation is measured with it too, so the curves compare.
 *
 * <pre>{@code
 * // label smoothing 0.1: (1 − ε)·cross-entropy + ε·mean(−log p) over the classes
 * new OwnLoss("smoothed-ce", (scores, labels) -> {
 *   NDArray logp = scores.logSoftmax(1);
 *   NDArray nll = logp.gather(labels.reshape(-1, 1), 1).neg().mean();
 *   return nll.mul(0.9f).add(logp.mean(new int[] {1}).neg().mean().mul(0.1f));
 * })
 * }</pre>
 *
 * @param name     shown in params as {@code loss=custom:<name>}
 * @param function (scores, labels) → a scalar array
 */
public record OwnLoss(String name, BinaryOperator<NDArray> function) {
  public OwnLoss {
    if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
      throw new UserError("loss name '" + name + "' must be lower-case letters, digits and dashes, e.g. focal");
    }
    if (function == null) {
      throw new UserError("loss " + name + " needs a function: (scores, labels) -> one number");
    }
  }
}
