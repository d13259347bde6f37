package dev.labkit.gan;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import dev.labkit.data.Shape;
import dev.labkit.model.Gan;
import java.util.List;

/**
 * The two networks of a GAN as DJL blocks. Both work on flat images ({@code batch × pixels}, pixels in
 * [-1, 1], channel-last as the dataset holds them) so the training loop never reshapes: a DCGAN
 * ({@link Dcgan}, sized by the image shape) reshapes inside its blocks. A conditional GAN's networks
 * take the one-hot label appended to their input (for G, after z; for D, after the pixels): the first
 * linear layer then holds a learned embedding of each class.
 */
public final class GanNetworks {
  private GanNetworks() {}

  /** G: {@code inputs} = latent (+ classes) numbers in, one image of {@code image}'s shape, flat, in [-1, 1] out. */
  public static Block generator(Gan spec, Shape image, int inputs) {
    if (spec.parts() != null) {
      return OwnGan.build("generator", spec.parts(), spec.parts().generator(), image, inputs);
    }
    return spec.architecture().equals("dcgan") ? Dcgan.generator(image) : mlpGenerator(spec, image.size());
  }

  /** D: {@code inputs} = one flat image of {@code image}'s shape (+ classes) in, one logit out (positive: "looks real"). */
  public static Block discriminator(Gan spec, Shape image, int inputs) {
    if (spec.parts() != null) {
      return OwnGan.build("discriminator", spec.parts(), spec.parts().discriminator(), image, inputs);
    }
    return spec.architecture().equals("dcgan") ? Dcgan.discriminator(image, spec.slope()) : mlpDiscriminator(spec);
  }

  /** Hidden layers of the given widths, LeakyReLU after each (batch norm before it, if asked), then tanh. */
  static Block mlpGenerator(Gan spec, int pixels) {
    SequentialBlock g = new SequentialBlock();
    for (int width : spec.generator()) {
      g.add(Linear.builder().setUnits(width).build());
      if (spec.batchNorm()) {
        g.add(BatchNorm.builder().build());
      }
      g.add(Activation.leakyReluBlock((float) spec.slope()));
    }
    return g.add(Linear.builder().setUnits(pixels).build()).add(Activation::tanh);
  }

  /** Hidden layers with LeakyReLU and dropout (dropout keeps D from memorising the real images), then a logit. */
  static Block mlpDiscriminator(Gan spec) {
    SequentialBlock d = new SequentialBlock();
    for (int width : spec.discriminator()) {
      d.add(Linear.builder().setUnits(width).build()).add(Activation.leakyReluBlock((float) spec.slope()));
      if (spec.dropout() > 0) {
        d.add(Dropout.builder().optRate((float) spec.dropout()).build());
      }
    }
    return d.add(Linear.builder().setUnits(1).build());
  }

  /** Every parameter's name in a block, for tests and checkpoints. */
  static List<String> parameterNames(Block block) {
    return block.getParameters().keys();
  }
}
