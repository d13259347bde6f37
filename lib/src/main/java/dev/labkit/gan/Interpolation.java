package dev.labkit.gan;

/**
 * Walks between two noise vectors, to see whether G maps nearby noise to nearby images (a smooth
 * morph) or has memorised a few images (jumps). Linear interpolation cuts through the middle of the
 * Gaussian, where vectors are shorter than any G saw in training (a 100-d standard normal has length
 * ≈ 10, the midpoint of two ≈ 7); spherical interpolation (slerp) follows the great circle and keeps
 * the length typical, which is why it often gives crisper middle images.
 */
public final class Interpolation {
  private Interpolation() {}

  /** (1 − t)·a + t·b. */
  public static float[] linear(float[] a, float[] b, double t) {
    float[] out = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (float) ((1 - t) * a[i] + t * b[i]);
    }
    return out;
  }

  /**
   * sin((1 − t)ω)/sin ω · a + sin(tω)/sin ω · b, with ω the angle between a and b; linear when they
   * are (nearly) parallel, where the formula divides by zero.
   */
  public static float[] spherical(float[] a, float[] b, double t) {
    double dot = 0;
    double na = 0;
    double nb = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    double omega = Math.acos(Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb))));
    if (Math.sin(omega) < 1e-6) {
      return linear(a, b, t);
    }
    double wa = Math.sin((1 - t) * omega) / Math.sin(omega);
    double wb = Math.sin(t * omega) / Math.sin(omega);
    float[] out = new float[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = (float) (wa * a[i] + wb * b[i]);
    }
    return out;
  }

  /**
   * The noise of {@code pairs.length / 2} strips of {@code steps} images each, row after row: strip r goes
   * from {@code ends[2r]} to {@code ends[2r + 1]}, linearly or spherically.
   */
  public static float[] strips(float[][] ends, int steps, boolean spherical) {
    int latent = ends[0].length;
    int rows = ends.length / 2;
    float[] z = new float[rows * steps * latent];
    for (int r = 0; r < rows; r++) {
      for (int s = 0; s < steps; s++) {
        double t = steps == 1 ? 0 : (double) s / (steps - 1);
        float[] point = spherical ? spherical(ends[2 * r], ends[2 * r + 1], t) : linear(ends[2 * r], ends[2 * r + 1], t);
        System.arraycopy(point, 0, z, (r * steps + s) * latent, latent);
      }
    }
    return z;
  }
}
