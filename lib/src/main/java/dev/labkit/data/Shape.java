package dev.labkit.data;

/** The shape of one example: height × width × channels (a flat table is 1 × features × 1). */
public record Shape(int height, int width, int channels) {
  public Shape {
    if (height <= 0 || width <= 0 || channels <= 0) {
      throw new IllegalArgumentException("shape dimensions must be > 0, got " + height + "×" + width + "×" + channels);
    }
  }

  /** A flat feature vector of the given length. */
  public static Shape flat(int features) {
    return new Shape(1, features, 1);
  }

  /** Number of features in one example. */
  public int size() {
    return height * width * channels;
  }

  @Override
  public String toString() {
    return height + "×" + width + "×" + channels;
  }
}
