package dev.labkit.run;

import dev.labkit.ground.Params;
import dev.labkit.data.DataSpec;
import dev.labkit.data.Dataset;
import dev.labkit.data.LoadOptions;
import dev.labkit.data.Shape;
import dev.labkit.data.TrainTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Small in-memory images for GAN run tests: 4×4 pixels in [-1, 1] (scale symmetric), two classes, bright
 * top rows or bright bottom rows. Its digest depends on its size, as a real dataset's on its bytes.
 */
public record TinyImages(int trainSize) implements DataSpec<TinyImages> {
  @Override
  public String name() {
    return "tiny-images";
  }

  @Override
  public Map<String, Object> params() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("train_size", trainSize);
    params.put("scale", "symmetric");
    return params;
  }

  @Override
  public TinyImages with(String key, String value) {
    return switch (key) {
      case "train_size" -> new TinyImages(Params.parseInt(key, value));
      default -> throw Params.unknownKey(key, params());
    };
  }

  @Override
  public TrainTest load(LoadOptions options) {
    Random random = new Random(options.seed());
    return new TrainTest(part("tiny-images/train", trainSize, random), part("tiny-images/test", 100, random));
  }

  private static Dataset part(String id, int n, Random random) {
    float[] x = new float[n * 16];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % 2;
      for (int j = 0; j < 16; j++) {
        boolean bright = labels[i] == 0 ? j < 8 : j >= 8;
        x[i * 16 + j] = Math.clamp((bright ? 0.8f : -0.8f) + 0.1f * (float) random.nextGaussian(), -1f, 1f);
      }
    }
    String digest = String.format("%064x", (long) n * 31 + id.length());
    return new Dataset(id, digest, new Shape(4, 4, 1), List.of("top", "bottom"), x, labels);
  }
}
