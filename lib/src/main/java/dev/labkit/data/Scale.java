package dev.labkit.data;

/** How pixel values (0..255) are turned into features; the {@code scale} parameter. */
public enum Scale {
  /** pixel / 255, in [0, 1]: the usual choice, and the default. */
  UNIT,
  /** pixel / 127.5 − 1, in [−1, 1]: what a GAN with a tanh output expects. */
  SYMMETRIC,
  /** per feature (x − mean) / standard deviation, with statistics of the training part only. */
  STANDARDIZE,
  /** raw pixel values 0..255. */
  NONE;

  /** The scaled value of one pixel; {@link #STANDARDIZE} needs statistics and starts from raw values. */
  float apply(float pixel) {
    return switch (this) {
      case UNIT -> pixel / 255f;
      case SYMMETRIC -> pixel / 127.5f - 1f;
      case STANDARDIZE, NONE -> pixel;
    };
  }
}
