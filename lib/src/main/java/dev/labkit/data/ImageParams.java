package dev.labkit.data;

import dev.labkit.Params;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The params every image dataset spec shows, in one order: the keys {@code --set data.<key>} takes. */
final class ImageParams {
  private ImageParams() {}

  static Map<String, Object> of(Scale scale, int trainSize, int testSize, Path path, String mirror, String classes) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("scale", Params.name(scale));
    params.put("train_size", trainSize);
    params.put("test_size", testSize);
    params.put("path", path == null ? "" : path.toString());
    params.put("mirror", mirror);
    params.put("classes", classes);
    return params;
  }
}
