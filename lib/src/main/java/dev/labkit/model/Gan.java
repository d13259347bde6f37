package dev.labkit.model;

import dev.labkit.Params;
import dev.labkit.UserError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generative adversarial network and how it is trained: a generator G that turns noise z into
 * images, a discriminator D that tells real images from G's, each with its own Adam optimizer.
 * Trained on images scaled to [-1, 1] (G ends in tanh); D outputs logits, scored by binary
 * cross-entropy, and G uses the non-saturating loss (it maximises log D(G(z))).
 *
 * <pre>{@code
 * gan()                                   // MLP: G 100→256→512→1024→784, D 784→1024→512→256→1
 * gan().steps(5000).generator(128, 256)   // longer, with a smaller generator
 * gan().lr(2e-3)                          // G learns 10× faster than D: it collapses onto one image
 * dcgan()                                 // transposed convolutions, for 28×28×1 or 32×32×3 images
 * cgan()                                  // conditional: the class label goes into G and D
 * dcgan().conditional(true)               // a conditional DCGAN: the label as extra planes into D
 * }</pre>
 *
 * @param architecture   {@code mlp} or {@code dcgan} (28×28×1 and 32×32×3 images: {@code gan.Dcgan})
 * @param conditional    the class label (one-hot) joins G's noise and D's image, so samples come with labels
 * @param latent         size of the noise vector z, > 0
 * @param generator      G's hidden layer widths, input to output (MLP only)
 * @param discriminator  D's hidden layer widths, input to output (MLP only)
 * @param slope          LeakyReLU's slope for negative inputs, in [0, 1)
 * @param dropout        dropout after each of D's hidden layers (MLP only), in [0, 1)
 * @param batchNorm      batch norm after each of G's hidden layers (MLP; the DCGAN always has it)
 * @param lr             G's Adam learning rate
 * @param dLr            D's Adam learning rate
 * @param beta1          Adam's β1 for both (0.5, as DCGAN's paper, damps the oscillation 0.9 causes)
 * @param beta2          Adam's β2 for both
 * @param batch          real images per step (and as many fakes)
 * @param steps          generator updates
 * @param dSteps         discriminator updates per generator update
 * @param labelSmoothing one-sided: D's target for real images is 1 − this, in [0, 0.5)
 * @param sampleEvery    steps between sample grids and FID measurements
 * @param samples        generated images scored at the end (class histogram, FID, precision/recall)
 * @param threads        libtorch intra-op threads. 1 by default: on 2 cores, 2 threads were faster on a quiet
 *                       machine (≈ 50 against 70 ms a step) but 15× slower while other processes ran
 *                       (1,300 against 90 ms), as libtorch's threads wait on each other
 * @param checkpointEvery steps between checkpoints of G, D and their optimizers in the run folder (what
 *                       {@code --resume RUN_ID} continues from), ≥ 0; 0 writes none
 */
public record Gan(String architecture, boolean conditional, int latent, List<Integer> generator,
    List<Integer> discriminator, double slope, double dropout, boolean batchNorm, double lr, double dLr, double beta1,
    double beta2, int batch, int steps, int dSteps, double labelSmoothing, int sampleEvery, int samples, int threads,
    int checkpointEvery) implements ModelSpec<Gan> {

  public Gan {
    if (!List.of("mlp", "dcgan").contains(architecture)) {
      throw new UserError("architecture must be one of mlp, dcgan, got '" + architecture + "'");
    }
    if (latent <= 0) {
      throw new UserError("latent must be > 0, got " + latent + " (the size of the noise vector z; 100 is usual)");
    }
    generator = widths("generator", generator);
    discriminator = widths("discriminator", discriminator);
    check("slope", slope, slope >= 0 && slope < 1, "in [0, 1)");
    check("dropout", dropout, dropout >= 0 && dropout < 1, "in [0, 1)");
    check("lr", lr, lr > 0 && lr < 1, "in (0, 1); 2e-4 is usual");
    check("d_lr", dLr, dLr > 0 && dLr < 1, "in (0, 1); 2e-4 is usual");
    check("beta1", beta1, beta1 >= 0 && beta1 < 1, "in [0, 1)");
    check("beta2", beta2, beta2 >= 0 && beta2 < 1, "in [0, 1)");
    check("label_smoothing", labelSmoothing, labelSmoothing >= 0 && labelSmoothing < 0.5, "in [0, 0.5)");
    positive("batch", batch);
    positive("steps", steps);
    positive("d_steps", dSteps);
    positive("sample_every", sampleEvery);
    positive("samples", samples);
    positive("threads", threads);
    if (checkpointEvery < 0) {
      throw new UserError("checkpoint_every must be ≥ 0 (steps between checkpoints; 0 writes none), got "
          + checkpointEvery);
    }
  }

  /**
   * The MLP GAN of the lab: latent 100, G 256→512→1024, D 1024→512→256, LeakyReLU 0.2, D dropout 0.3,
   * Adam 2e-4 (0.5, 0.999) for both, batch 128, 3,000 steps, one D step per G step, real target 0.9
   * (one-sided label smoothing), a grid every 500 steps, 10,000 samples scored, 1 libtorch thread, a
   * checkpoint every 500 steps.
   */
  public static Gan defaults() {
    return new Gan("mlp", false, 100, List.of(256, 512, 1024), List.of(1024, 512, 256), 0.2, 0.3, false, 2e-4, 2e-4,
        0.5, 0.999, 128, 3000, 1, 0.1, 500, 10_000, 1, 500);
  }

  /** The DCGAN of the lab (widths, dropout and batch_norm do not apply). */
  public static Gan dcgan() {
    return defaults().architecture("dcgan").dropout(0);
  }

  /** The MLP GAN with the class label one-hot into G and D. */
  public static Gan cgan() {
    return defaults().conditional(true);
  }

  @Override
  public String name() {
    if (architecture.equals("dcgan")) {
      return conditional ? "cdcgan" : "dcgan";
    }
    return conditional ? "cgan" : "gan";
  }

  public Gan architecture(String v) {
    return new Gan(v, conditional, latent, generator, discriminator, slope, dropout, batchNorm, lr, dLr, beta1,
        beta2, batch, steps, dSteps, labelSmoothing, sampleEvery, samples, threads, checkpointEvery);
  }

  public Gan conditional(boolean v) {
    return new Gan(architecture, v, latent, generator, discriminator, slope, dropout, batchNorm, lr, dLr, beta1,
        beta2, batch, steps, dSteps, labelSmoothing, sampleEvery, samples, threads, checkpointEvery);
  }

  public Gan latent(int v) {
    return new Gan(architecture, conditional, v, generator, discriminator, slope, dropout, batchNorm, lr, dLr,
        beta1, beta2, batch, steps, dSteps, labelSmoothing, sampleEvery, samples, threads, checkpointEvery);
  }

  public Gan generator(Integer... v) {
    return new Gan(architecture, conditional, latent, List.of(v), discriminator, slope, dropout, batchNorm, lr,
        dLr, beta1, beta2, batch, steps, dSteps, labelSmoothing, sampleEvery, samples, threads, checkpointEvery);
  }

  public Gan discriminator(Integer... v) {
    return new Gan(architecture, conditional, latent, generator, List.of(v), slope, dropout, batchNorm, lr, dLr,
        beta1, beta2, batch, steps, dSteps, labelSmoothing, sampleEvery, samples, threads, checkpointEvery);
  }

  public Gan slope(double v) {
    return new Gan(architecture, conditional, latent, generator, discriminator, v, dropout, batchNorm, lr, dLr,
        beta1, beta2, batch, steps, dSteps, labelSmoothing, sampleEvery, samples, threads, checkpointEvery);
  }

  public Gan dropout(double v) {
    return new Gan(architecture, conditional, latent, generator, discriminator, slope, v, batchNorm, lr, dLr,
        beta1, beta2, batch, steps, dSteps, labelSmoothing, sampleEvery, samples, threads, checkpointEvery);
  }

  public Gan batchNorm(boolean v) {
    return new Gan(architecture, conditional, latent, generator, discriminator, slope, dropout, v, lr, dLr,
        beta1, beta2, batch, steps, dSteps, labelSmoothing, sampleEvery, samples, threads, checkpointEvery);
  }

  public Gan lr(double v) {
    return new Gan(architecture, conditional, latent, generator, discriminator, slope, dropout, batchNorm, v,
        dLr, beta1, beta2, batch, steps, dSteps, labelSmoothing, sampleEvery, samples, threads, checkpointEvery);
  }

  public Gan dLr(double v) {
    return new Gan(architecture, conditional, latent, generator, discriminator, slope, dropout, batchNorm, lr,
        v, beta1, beta2, batch, steps, dSteps, labelSmoothing, sampleEvery, samples, threads, checkpointEvery);
  }

  public Gan beta1(double v) {
    return new Gan(architecture, conditional, latent, generator, discriminator, slope, dropout, batchNorm, lr,
        dLr, v, beta2, batch, steps, dSteps, labelSmoothing, sampleEvery, samples, threads, checkpointEvery);
  }

  public Gan beta2(double v) {
    return new Gan(architecture, conditional, latent, generator, discriminator, slope, dropout, batchNorm, lr,
        dLr, beta1, v, batch, steps, dSteps, labelSmoothing, sampleEvery, samples, threads, checkpointEvery);
  }

  public Gan batch(int v) {
    return new Gan(architecture, conditional, latent, generator, discriminator, slope, dropout, batchNorm, lr,
        dLr, beta1, beta2, v, steps, dSteps, labelSmoothing, sampleEvery, samples, threads, checkpointEvery);
  }

  public Gan steps(int v) {
    return new Gan(architecture, conditional, latent, generator, discriminator, slope, dropout, batchNorm, lr,
        dLr, beta1, beta2, batch, v, dSteps, labelSmoothing, sampleEvery, samples, threads, checkpointEvery);
  }

  public Gan dSteps(int v) {
    return new Gan(architecture, conditional, latent, generator, discriminator, slope, dropout, batchNorm, lr,
        dLr, beta1, beta2, batch, steps, v, labelSmoothing, sampleEvery, samples, threads, checkpointEvery);
  }

  public Gan labelSmoothing(double v) {
    return new Gan(architecture, conditional, latent, generator, discriminator, slope, dropout, batchNorm, lr,
        dLr, beta1, beta2, batch, steps, dSteps, v, sampleEvery, samples, threads, checkpointEvery);
  }

  public Gan sampleEvery(int v) {
    return new Gan(architecture, conditional, latent, generator, discriminator, slope, dropout, batchNorm, lr,
        dLr, beta1, beta2, batch, steps, dSteps, labelSmoothing, v, samples, threads, checkpointEvery);
  }

  public Gan samples(int v) {
    return new Gan(architecture, conditional, latent, generator, discriminator, slope, dropout, batchNorm, lr,
        dLr, beta1, beta2, batch, steps, dSteps, labelSmoothing, sampleEvery, v, threads, checkpointEvery);
  }

  public Gan threads(int v) {
    return new Gan(architecture, conditional, latent, generator, discriminator, slope, dropout, batchNorm, lr,
        dLr, beta1, beta2, batch, steps, dSteps, labelSmoothing, sampleEvery, samples, v, checkpointEvery);
  }

  public Gan checkpointEvery(int v) {
    return new Gan(architecture, conditional, latent, generator, discriminator, slope, dropout, batchNorm, lr,
        dLr, beta1, beta2, batch, steps, dSteps, labelSmoothing, sampleEvery, samples, threads, v);
  }

  /** The run's smoke version: at most 20 steps, a grid (and a checkpoint, unless off) every 10, 500 scored
   *  samples, batch ≤ 32. */
  public Gan smoke() {
    return steps(Math.min(steps, 20)).sampleEvery(Math.min(sampleEvery, 10)).samples(Math.min(samples, 500))
        .batch(Math.min(batch, 32)).checkpointEvery(Math.min(checkpointEvery, 10));
  }

  @Override
  public Map<String, Object> params() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("architecture", architecture);
    p.put("conditional", conditional);
    p.put("latent", latent);
    p.put("generator", join(generator));
    p.put("discriminator", join(discriminator));
    p.put("slope", slope);
    p.put("dropout", dropout);
    p.put("batch_norm", batchNorm);
    p.put("lr", lr);
    p.put("d_lr", dLr);
    p.put("beta1", beta1);
    p.put("beta2", beta2);
    p.put("batch", batch);
    p.put("steps", steps);
    p.put("d_steps", dSteps);
    p.put("label_smoothing", labelSmoothing);
    p.put("sample_every", sampleEvery);
    p.put("samples", samples);
    p.put("threads", threads);
    p.put("checkpoint_every", checkpointEvery);
    return p;
  }

  @Override
  public Gan with(String key, String value) {
    return switch (key) {
      case "architecture" -> architecture(value.trim());
      case "conditional" -> conditional(Params.parseBoolean(key, value));
      case "latent" -> latent(Params.parseInt(key, value));
      case "generator" -> generator(Params.parseWidths(key, value).toArray(Integer[]::new));
      case "discriminator" -> discriminator(Params.parseWidths(key, value).toArray(Integer[]::new));
      case "slope" -> slope(Params.parseDouble(key, value));
      case "dropout" -> dropout(Params.parseDouble(key, value));
      case "batch_norm" -> batchNorm(Params.parseBoolean(key, value));
      case "lr" -> lr(Params.parseDouble(key, value));
      case "d_lr" -> dLr(Params.parseDouble(key, value));
      case "beta1" -> beta1(Params.parseDouble(key, value));
      case "beta2" -> beta2(Params.parseDouble(key, value));
      case "batch" -> batch(Params.parseInt(key, value));
      case "steps" -> steps(Params.parseInt(key, value));
      case "d_steps" -> dSteps(Params.parseInt(key, value));
      case "label_smoothing" -> labelSmoothing(Params.parseDouble(key, value));
      case "sample_every" -> sampleEvery(Params.parseInt(key, value));
      case "samples" -> samples(Params.parseInt(key, value));
      case "threads" -> threads(Params.parseInt(key, value));
      case "checkpoint_every" -> checkpointEvery(Params.parseInt(key, value));
      default -> throw Params.unknownKey(key, params());
    };
  }

  private static String join(List<Integer> widths) {
    return String.join("x", widths.stream().map(String::valueOf).toList());
  }

  private static List<Integer> widths(String key, List<Integer> widths) {
    if (widths == null || widths.isEmpty() || widths.stream().anyMatch(w -> w == null || w < 1)) {
      throw new UserError(key + " must be one or more layer widths ≥ 1 such as 256x512x1024, got " + widths);
    }
    return List.copyOf(widths);
  }

  private static void check(String key, double value, boolean ok, String range) {
    if (!ok) {
      throw new UserError(key + " must be " + range + ", got " + Params.show(value));
    }
  }

  private static void positive(String key, int value) {
    if (value < 1) {
      throw new UserError(key + " must be ≥ 1, got " + value);
    }
  }
}
