package dev.labkit.model;

import dev.labkit.ground.DeclaredSpec;
import ai.djl.ndarray.NDArray;
import dev.labkit.ground.UserError;
import dev.labkit.ground.Declare;
import dev.labkit.ground.ParamTable;
import dev.labkit.ground.ParamType;
import dev.labkit.ground.Values;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * A regression loss: how far predictions are from targets, as one number to make smaller. Written on
 * the residual r = prediction − target, averaged over the examples:
 * <ul>
 *   <li>{@code mse}: mean(r²), large errors count quadratically;
 *   <li>{@code mae}: mean(|r|), every error counts linearly, so outliers pull less (its gradient is
 *       sign(r), with sign(0) = 0);
 *   <li>{@code huber}: mean(½r² where |r| ≤ δ, else δ·(|r| − ½δ)): MSE near the fit, MAE far from it;
 *   <li>{@code hybrid}: α·MSE + (1 − α)·MAE;
 *   <li>a function of your own over (prediction, target), given in the script.
 * </ul>
 * DJL's autograd differentiates whichever it is, so the training loop never needs a hand-written gradient.
 *
 * <pre>{@code
 * Loss.huber(1.0).apply(prediction, target)       // a scalar NDArray
 * Loss.custom("log-cosh", (p, t) -> p.sub(t).cosh().log().mean())
 * }</pre>
 */
public record Loss(Kind kind, double huberDelta, double hybridAlpha, Custom custom) implements DeclaredSpec<Loss> {
  /** The losses labkit knows by name; {@code custom} is one given as a function in the script. */
  public enum Kind { MSE, MAE, HUBER, HYBRID, CUSTOM }

  /** A loss of your own: a name for the report and a function (prediction, target) → scalar NDArray. */
  public record Custom(String name, BinaryOperator<NDArray> function) {}

  private static final Declare<Loss> P = Declare.of(Loss.class);

  /** Every knob, declared once: params(), with(key, text), the checks and the docs come from here. */
  public static final ParamTable<Loss> PARAMS = ParamTable.of(
      P.of("loss", ParamType.of("mse / mae / huber / hybrid", (key, text) -> text.trim()), Loss::label,
          (loss, text) -> text.equals(loss.label()) ? loss : loss.kind(parseKind(text)),
          "`mse`, `mae` (sign(0) = 0), `huber`, `hybrid` (α·MSE + (1 − α)·MAE); `custom:<name>` is a function "
          + "given in the script"),
      P.number("huber_delta", Loss::huberDelta, Loss::huberDelta,
          "Huber's δ: where it turns from squared to absolute error")
          .check(v -> v > 0 && !v.isInfinite(), "> 0", "where Huber turns from squared to absolute error; try 1"),
      P.number("hybrid_alpha", Loss::hybridAlpha, Loss::hybridAlpha, "the MSE share α of the hybrid loss")
          .check(v -> v >= 0 && v <= 1, "in [0, 1]", "the MSE share of the hybrid loss; 0.5 is half MSE, half MAE"));

  public Loss {
    if (kind == null) {
      throw new UserError("loss must be one of mse, mae, huber, hybrid, got nothing");
    }
    PARAMS.validate(null, huberDelta, hybridAlpha); // the loss's name has no check of its own: kind is checked above
    if (kind == Kind.CUSTOM && custom == null) {
      throw new UserError("loss custom needs a function: give it in the script with .loss(\"name\", (p, t) -> …)");
    }
  }

  public static Loss mse() {
    return new Loss(Kind.MSE, 1, 0.5, null);
  }

  public static Loss custom(String name, BinaryOperator<NDArray> function) {
    return new Loss(Kind.CUSTOM, 1, 0.5, new Custom(name, function));
  }

  public Loss kind(Kind value) {
    return new Loss(value, huberDelta, hybridAlpha, value == Kind.CUSTOM ? custom : null);
  }

  public Loss huberDelta(double value) {
    return new Loss(kind, value, hybridAlpha, custom);
  }

  public Loss hybridAlpha(double value) {
    return new Loss(kind, huberDelta, value, custom);
  }

  /** The loss of {@code prediction} against {@code target} (same shape), as a scalar NDArray. */
  public NDArray apply(NDArray prediction, NDArray target) {
    if (kind == Kind.CUSTOM) {
      return custom.function().apply(prediction, target);
    }
    NDArray r = prediction.sub(target);
    return switch (kind) {
      case MSE -> r.square().mean();
      case MAE -> r.abs().mean();
      case HUBER -> {
        // with q = min(|r|, δ): ½q² + δ·(|r| − q) is ½r² inside δ and δ·(|r| − ½δ) outside, in one expression
        NDArray abs = r.abs();
        NDArray q = abs.clip(0, huberDelta);
        yield q.square().mul(0.5).add(abs.sub(q).mul(huberDelta)).mean();
      }
      case HYBRID -> r.square().mean().mul(hybridAlpha).add(r.abs().mean().mul(1 - hybridAlpha));
      case CUSTOM -> throw new IllegalStateException("handled above");
    };
  }

  /** The name shown in params and reports: {@code mse}, …, or {@code custom:<name>}. */
  public String label() {
    return kind == Kind.CUSTOM ? "custom:" + custom.name() : Values.name(kind);
  }

  @Override
  public ParamTable<Loss> paramTable() {
    return PARAMS;
  }

  public static boolean has(String key) {
    return PARAMS.has(key);
  }

  private static Kind parseKind(String value) {
    if (value.trim().equalsIgnoreCase("custom") || value.trim().startsWith("custom:")) {
      throw new UserError("loss must be one of mse, mae, huber, hybrid, got '" + value
          + "' (a custom loss is a function given in the script)");
    }
    try {
      return Values.parseEnum("loss", value, Kind.class);
    } catch (UserError e) {
      throw new UserError("loss must be one of mse, mae, huber, hybrid, got '" + value + "'");
    }
  }
}
