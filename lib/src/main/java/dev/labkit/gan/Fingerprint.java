package dev.labkit.gan;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.labkit.data.Dataset;
import dev.labkit.neural.CheckpointFile;
import dev.labkit.model.Gan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link Checkpoint} belongs to, as text it carries and a resumed run compares: the architecture
 * (the spec's network-shaping params and every parameter's name and shape, so a change in how the
 * networks are built is caught too) and the training data (id, size, SHA-256).
 */
public final class Fingerprint {
  private Fingerprint() {}

  /**
   * The network-shaping params of {@code spec} (those {@link Gan#PARAMS} gives a fingerprint place) and each
   * parameter's name and shape: what must match on resume.
   */
  public static String architecture(Gan spec, Block g, Block d) {
    List<String> parts = new ArrayList<>();
    parts.add(Gan.PARAMS.fingerprint(spec)); // the params declared with a fingerprint place, in that order
    for (Pair<String, Parameter> p : g.getParameters()) {
      parts.add("G." + p.getKey() + "=" + p.getValue().getArray().getShape());
    }
    for (Pair<String, Parameter> p : d.getParameters()) {
      parts.add("D." + p.getKey() + "=" + p.getValue().getArray().getShape());
    }
    return String.join(" ", parts);
  }

  /** The training data a checkpoint belongs to: its id, size and content digest. */
  public static String data(Dataset train) {
    return CheckpointFile.dataFingerprint(train);
  }

  /** Refuses a checkpoint made for other networks or other data, naming the first difference. */
  public static void check(Path file, Checkpoint.Header header, String architecture, String data) {
    CheckpointFile.checkFingerprints(file, header.architecture(), architecture, header.data(), data);
  }
}
