package dev.labkit.data;

import dev.labkit.ground.UserError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Operations on datasets. Each returns a new dataset and leaves its input as it was. Sampling is
 * stratified (each class keeps its share) and seeded, so the same seed gives the same examples.
 */
public final class Transforms {
  private Transforms() {}

  /** Pixels 0..255 to [0, 1]: {@code x / 255}. */
  public static Dataset scaleUnit(Dataset data) {
    return map(data, Scale.UNIT);
  }

  public static TrainTest scaleUnit(TrainTest data) {
    return new TrainTest(scaleUnit(data.train()), scaleUnit(data.test()));
  }

  /** Pixels 0..255 to [−1, 1]: {@code x / 127.5 − 1}. */
  public static Dataset scaleSymmetric(Dataset data) {
    return map(data, Scale.SYMMETRIC);
  }

  public static TrainTest scaleSymmetric(TrainTest data) {
    return new TrainTest(scaleSymmetric(data.train()), scaleSymmetric(data.test()));
  }

  private static Dataset map(Dataset data, Scale scale) {
    float[] in = data.features();
    float[] out = new float[in.length];
    for (int i = 0; i < in.length; i++) {
      out[i] = scale.apply(in[i]);
    }
    return with(data, data.id(), out, data.labels());
  }

  /**
   * Each feature to {@code (x − mean) / sd} with the mean and (population) standard deviation of the
   * training part only, applied to both parts: the test part must not leak into what the model sees
   * before it is tested. A feature that is constant in the training part (the border pixels of MNIST)
   * becomes 0 everywhere.
   */
  public static TrainTest standardize(TrainTest data) {
    Dataset train = data.train();
    int features = train.featureCount();
    double[] mean = new double[features];
    double[] squares = new double[features];
    float[] x = train.features();
    for (int i = 0; i < train.size(); i++) {
      int offset = train.offset(i);
      for (int j = 0; j < features; j++) {
        double v = x[offset + j];
        mean[j] += v;
        squares[j] += v * v;
      }
    }
    float[] shift = new float[features];
    float[] factor = new float[features];
    for (int j = 0; j < features; j++) {
      double m = mean[j] / train.size();
      double variance = Math.max(0, squares[j] / train.size() - m * m);
      double sd = Math.sqrt(variance);
      shift[j] = (float) m;
      factor[j] = sd > 1e-6 * Math.max(1, Math.abs(m)) ? (float) (1 / sd) : 0f;
    }
    return new TrainTest(standardize(train, shift, factor), standardize(data.test(), shift, factor));
  }

  private static Dataset standardize(Dataset data, float[] shift, float[] factor) {
    float[] in = data.features();
    float[] out = new float[in.length];
    int features = shift.length;
    for (int i = 0; i < in.length; i++) {
      int j = i % features;
      out[i] = (in[i] - shift[j]) * factor[j];
    }
    return with(data, data.id(), out, data.labels());
  }

  /** {@code n} examples, each class keeping its share, in their original order; the whole set when n = size. */
  public static Dataset subset(Dataset data, int n, long seed) {
    if (n < 0 || n > data.size()) {
      throw new UserError(data.id() + ": cannot take " + IdxReader.grouped(n) + " examples from "
          + IdxReader.grouped(data.size()) + "; choose 0 (all) up to " + IdxReader.grouped(data.size()));
    }
    return select(data, data.id(), Stratified.pick(data.labels(), data.numClasses(), n, seed));
  }

  /**
   * Splits {@code data} into a training part and a test part holding {@code testFraction} of each class
   * (ids {@code <id>/split-train} and {@code <id>/split-test}).
   */
  public static TrainTest stratifiedSplit(Dataset data, double testFraction, long seed) {
    if (!(testFraction > 0 && testFraction < 1)) {
      throw new UserError("test fraction must be between 0 and 1 (exclusive), got " + testFraction);
    }
    int[][] parts = Stratified.split(data.labels(), data.numClasses(), testFraction, seed);
    return new TrainTest(select(data, data.id() + "/split-train", parts[0]),
        select(data, data.id() + "/split-test", parts[1]));
  }

  /**
   * Only the examples of the classes {@code keep}, relabelled 0..k−1 in the order given, with their class
   * names: {@code filterClasses(mnist, 3, 8)} makes a two-class set where label 0 is "3" and 1 is "8".
   */
  public static Dataset filterClasses(Dataset data, int... keep) {
    int[] newLabel = new int[data.numClasses()];
    Arrays.fill(newLabel, -1);
    List<String> names = new ArrayList<>();
    for (int k = 0; k < keep.length; k++) {
      int c = keep[k];
      if (c < 0 || c >= data.numClasses() || newLabel[c] >= 0) {
        throw new UserError(data.id() + ": cannot keep class " + c + "; classes are distinct labels 0.."
            + (data.numClasses() - 1));
      }
      newLabel[c] = k;
      names.add(data.classNames().get(c));
    }
    int[] chosen = Arrays.stream(indices(data.size())).filter(i -> newLabel[data.labels()[i]] >= 0).toArray();
    Dataset selected = select(data, data.id() + "/classes=" + joined(keep), chosen);
    int[] labels = Arrays.stream(selected.labels()).map(l -> newLabel[l]).toArray();
    return new Dataset(selected.id(), data.sha256(), data.shape(), names, selected.features(), labels);
  }

  /** The examples at {@code indices}, in that order. */
  static Dataset select(Dataset data, String id, int[] indices) {
    int features = data.featureCount();
    float[] out = new float[indices.length * features];
    int[] labels = new int[indices.length];
    for (int k = 0; k < indices.length; k++) {
      System.arraycopy(data.features(), data.offset(indices[k]), out, k * features, features);
      labels[k] = data.labels()[indices[k]];
    }
    return with(data, id, out, labels);
  }

  private static Dataset with(Dataset data, String id, float[] features, int[] labels) {
    return new Dataset(id, data.sha256(), data.shape(), data.classNames(), features, labels);
  }

  private static int[] indices(int n) {
    int[] all = new int[n];
    Arrays.setAll(all, i -> i);
    return all;
  }

  private static String joined(int[] values) {
    return String.join(",", Arrays.stream(values).mapToObj(Integer::toString).toList());
  }
}
