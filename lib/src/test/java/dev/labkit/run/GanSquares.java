package dev.labkit.run;

import dev.labkit.data.Datasets;
import dev.labkit.model.Gan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Coloured squares in CIFAR-10's binary format (two classes, 160 train and 64 test images), for GAN runs in tests. */
public final class GanSquares {
  /** A small MLP GAN that runs a smoke run in seconds. */
  public static final Gan SMALL = Gan.defaults().latent(16).generator(32).discriminator(32);

  private GanSquares() {}

  /** An experiment {@code name} of {@link #SMALL} on the squares under {@code root}, keeping {@code classes} ("0,1"). */
  public static Experiment experiment(Path root, String name, String classes) throws IOException {
    Path dir = Files.createDirectories(root.resolve("cifar"));
    for (int b = 1; b <= 5; b++) {
      DcganRunTest.batch(dir.resolve("data_batch_" + b + ".bin"), 32, b);
    }
    DcganRunTest.batch(dir.resolve("test_batch.bin"), 64, 9);
    return new ExperimentStart(name).data(Datasets.cifar10().path(dir).classes(classes).trainSize(160)
        .testSize(64)).model(SMALL);
  }
}
