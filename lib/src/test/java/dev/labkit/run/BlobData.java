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

/** A small in-memory dataset for runner tests: three 2×2 "images" of Gaussian blobs. */
public record BlobData(int trainSize, int testSize) implements DataSpec<BlobData> {
  @Override
  public String name() {
    return "blobs";
  }

  @Override
  public Map<String, Object> params() {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("train_size", trainSize);
    params.put("test_size", testSize);
    return params;
  }

  @Override
  public BlobData with(String key, String value) {
    return switch (key) {
      case "train_size" -> new BlobData(Params.parseInt(key, value), testSize);
      case "test_size" -> new BlobData(trainSize, Params.parseInt(key, value));
      default -> throw Params.unknownKey(key, params());
    };
  }

  @Override
  public TrainTest load(LoadOptions options) {
    Random random = new Random(options.seed());
    return new TrainTest(part("blobs/train", trainSize, random), part("blobs/test", testSize, random));
  }

  private static Dataset part(String id, int n, Random random) {
    float[] x = new float[n * 4];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = i % 3;
      for (int j = 0; j < 4; j++) {
        x[i * 4 + j] = (float) ((j == y[i] ? 2 : 0) + random.nextGaussian());
      }
    }
    return new Dataset(id, "0".repeat(64), new Shape(2, 2, 1), List.of("a", "b", "c"), x, y);
  }
}
