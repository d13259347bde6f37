package dev.labkit.kinds.generate;

import dev.labkit.ground.UserError;
import dev.labkit.data.Dataset;
import dev.labkit.data.Shape;
import dev.labkit.gan.Dcgan;
import dev.labkit.model.Gan;

/** What a GAN cannot be trained on, found before training starts, each with its fix. */
public final class GanChecks {
  private GanChecks() {}

  /** Refuses what the networks cannot take, with the fix. */
  public static void check(Gan spec, Dataset train) {
    Shape shape = train.shape();
    if (spec.architecture().equals("dcgan") && !Dcgan.fits(shape)) {
      String fits = String.join(" and ", Dcgan.SHAPES.stream().map(Shape::toString).toList());
      throw new UserError("the DCGAN is built for " + fits + " images, got " + shape + " (" + train.id()
          + "); use MNIST-like or CIFAR-10-like data, or the MLP GAN (model.architecture=mlp), which takes any shape");
    }
    if (spec.conditional() && train.numClasses() < 2) {
      throw new UserError("a conditional GAN needs labelled data with 2 or more classes, but " + train.id() + " has "
          + train.numClasses() + "; use data with labels, or set model.conditional=false");
    }
  }
}
