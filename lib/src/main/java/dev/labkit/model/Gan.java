package dev.labkit.model;

import dev.labkit.ground.DeclaredSpec;
import dev.labkit.ground.Declare;
import dev.labkit.ground.ParamTable;
import dev.labkit.ground.ParamType;
import dev.labkit.ground.UserError;
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
 * gan().lrs(1e-3)                         // one rate for both networks (the key model.lrs)
 * dcgan()                                 // transposed convolutions, for 28×28×1 or 32×32×3 images
 * cgan()                                  // conditional: the class label goes into G and D
 * dcgan().conditional(true)               // a conditional DCGAN: the label as extra planes into D
 * }</pre>
 *
 * Each component is a knob declared once in {@link #PARAMS}: its key, type, check and one line of doc
 * (docs/dsl.md's table is rendered from there). {@code threads} is 1 by default: on 2 cores, 2 threads
 * were faster on a quiet machine (≈ 50 against 70 ms a step) but 15× slower while other processes ran
 * (1,300 against 90 ms), as libtorch's threads wait on each other.
 */
public record Gan(String architecture, boolean conditional, int latent, List<Integer> generator,
    List<Integer> discriminator, double slope, double dropout, boolean batchNorm, double lr, double dLr, double beta1,
    double beta2, int batch, int steps, int dSteps, double labelSmoothing, int sampleEvery, int samples, int threads,
    int checkpointEvery, OwnGanParts parts) implements GeneratorSpec<Gan>, DeclaredSpec<Gan> {

  private static final List<String> ARCHITECTURES = List.of("mlp", "dcgan");
  private static final ParamType<List<Integer>> WIDTHS = ParamType.widths("x", false);
  private static final String WIDTHS_MUST_BE = "one or more layer widths ≥ 1 such as 256x512x1024";

  private static final Declare<Gan> P = Declare.of(Gan.class);
  /** The key that sets both learning rates at once (see {@link #with}). */
  public static final String BOTH_LRS = "lrs";

  /**
   * Every knob of a GAN, declared once: params(), with(key, text), the checks, the fingerprint and the docs.
   * {@code fingerprint(n)} marks the knobs that shape the networks with their place in a checkpoint's
   * architecture text, the order checkpoints already written carry (batch_norm before slope and dropout).
   */
  public static final ParamTable<Gan> PARAMS = ParamTable.of(
      P.text("architecture", Gan::architecture, Gan::architecture,
          "`mlp` or `dcgan` (sized by the images: 28×28×1 or 32×32×3, `gan.Dcgan`)")
          .check(v -> ARCHITECTURES.contains(v) || v.startsWith("own:"), "one of mlp, dcgan").fingerprint(0),
      P.bool("conditional", Gan::conditional, Gan::conditional,
          "class label one-hot into G (after z) and D (MLP: after the pixels; DCGAN: one constant input plane per class)")
          .fingerprint(1),
      P.integer("latent", Gan::latent, Gan::latent, "size of the noise vector z")
          .check(v -> v > 0, "> 0", "the size of the noise vector z; 100 is usual").fingerprint(2),
      P.widths("generator", WIDTHS, Gan::generator, Gan::generator,
          "G's hidden widths, input to output (`256x512x1024` or `256,512,1024`; MLP only)")
          .check(Gan::widthsOk, WIDTHS_MUST_BE).fingerprint(3),
      P.widths("discriminator", WIDTHS, Gan::discriminator, Gan::discriminator,
          "D's hidden widths, input to output (MLP only)").check(Gan::widthsOk, WIDTHS_MUST_BE).fingerprint(4),
      P.number("slope", Gan::slope, Gan::slope, "LeakyReLU's slope for negative inputs")
          .check(v -> v >= 0 && v < 1, "in [0, 1)").fingerprint(6),
      P.number("dropout", Gan::dropout, Gan::dropout, "dropout after each of D's hidden layers (MLP only)")
          .check(v -> v >= 0 && v < 1, "in [0, 1)").fingerprint(7),
      P.bool("batch_norm", Gan::batchNorm, Gan::batchNorm,
          "batch norm after each of G's hidden layers (MLP; the DCGAN always has it)").fingerprint(5),
      P.number("lr", Gan::lr, Gan::lr, "G's Adam learning rate only (D's is `d_lr`; `model.lrs` sets both)")
          .check(v -> v > 0 && v < 1, "in (0, 1)", "2e-4 is usual"),
      P.number("d_lr", Gan::dLr, Gan::dLr, "D's Adam learning rate only (a separate optimizer; `model.lrs` sets both)")
          .check(v -> v > 0 && v < 1, "in (0, 1)", "2e-4 is usual"),
      P.number("beta1", Gan::beta1, Gan::beta1,
          "Adam's β1 for both (0.5, as DCGAN's paper, damps the oscillation 0.9 causes)")
          .check(v -> v >= 0 && v < 1, "in [0, 1)"),
      P.number("beta2", Gan::beta2, Gan::beta2, "Adam's β2 for both").check(v -> v >= 0 && v < 1, "in [0, 1)"),
      P.integer("batch", Gan::batch, Gan::batch, "real images per step, and as many fakes").check(v -> v >= 1, "≥ 1"),
      P.integer("steps", Gan::steps, Gan::steps, "generator updates").check(v -> v >= 1, "≥ 1"),
      P.integer("d_steps", Gan::dSteps, Gan::dSteps, "discriminator updates per generator update")
          .check(v -> v >= 1, "≥ 1"),
      P.number("label_smoothing", Gan::labelSmoothing, Gan::labelSmoothing,
          "one-sided: D's target for real images is 1 − this").check(v -> v >= 0 && v < 0.5, "in [0, 0.5)"),
      P.integer("sample_every", Gan::sampleEvery, Gan::sampleEvery, "steps between sample grids and FID points")
          .check(v -> v >= 1, "≥ 1"),
      P.integer("samples", Gan::samples, Gan::samples,
          "generated images scored at the end (class histogram, FID, precision/recall)").check(v -> v >= 1, "≥ 1"),
      P.integer("threads", Gan::threads, Gan::threads,
          "libtorch intra-op threads (1: on a busy 2-core machine 2 threads were 15× slower)").check(v -> v >= 1, "≥ 1"),
      P.integer("checkpoint_every", Gan::checkpointEvery, Gan::checkpointEvery,
          "steps between checkpoints (`checkpoint.bin` in the run folder: G, D, both Adams), what `--resume RUN_ID` "
          + "goes on from; 0 writes none; `--smoke` makes it at most 10")
          .check(v -> v >= 0, "≥ 0 (steps between checkpoints; 0 writes none)"));

  public Gan {
    PARAMS.validate(architecture, conditional, latent, generator, discriminator, slope, dropout, batchNorm, lr, dLr,
        beta1, beta2, batch, steps, dSteps, labelSmoothing, sampleEvery, samples, threads, checkpointEvery);
    generator = List.copyOf(generator);
    discriminator = List.copyOf(discriminator);
    if (architecture.startsWith("own:") && (parts == null || !parts.architecture().equals(architecture))) {
      throw new UserError("architecture " + architecture + " is a GAN of your own: give its blocks in the script "
          + "with Gan.own(name, generator, discriminator); on the command line choose mlp or dcgan");
    }
    if (!architecture.startsWith("own:")) {
      parts = null; // --set model.architecture=mlp leaves your own blocks behind
    }
  }

  /**
   * Your own generator and discriminator (see {@link OwnGanParts}), with the lab MLP GAN's training settings:
   * Adam 2e-4 (0.5, 0.999), batch 128, 3,000 steps, galleries, FID and checkpoints as for the built-in ones.
   */
  public static Gan own(String name, OwnGanParts.Factory generator, OwnGanParts.Factory discriminator) {
    OwnGanParts parts = new OwnGanParts(name, generator, discriminator);
    Gan base = defaults();
    return new Gan(parts.architecture(), base.conditional, base.latent, base.generator, base.discriminator, base.slope,
        0, false, base.lr, base.dLr, base.beta1, base.beta2, base.batch, base.steps, base.dSteps, base.labelSmoothing,
        base.sampleEvery, base.samples, base.threads, base.checkpointEvery, parts);
  }

  /**
   * The MLP GAN of the lab: latent 100, G 256→512→1024, D 1024→512→256, LeakyReLU 0.2, D dropout 0.3,
   * Adam 2e-4 (0.5, 0.999) for both, batch 128, 3,000 steps, one D step per G step, real target 0.9
   * (one-sided label smoothing), a grid every 500 steps, 10,000 samples scored, 1 libtorch thread, a
   * checkpoint every 500 steps.
   */
  public static Gan defaults() {
    return new Gan("mlp", false, 100, List.of(256, 512, 1024), List.of(1024, 512, 256), 0.2, 0.3, false, 2e-4, 2e-4,
        0.5, 0.999, 128, 3000, 1, 0.1, 500, 10_000, 1, 500, null);
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
    if (parts != null) {
      return parts.name();
    }
    if (architecture.equals("dcgan")) {
      return conditional ? "cdcgan" : "dcgan";
    }
    return conditional ? "cgan" : "gan";
  }

  public Gan architecture(String v) {
    return new Gan(v, conditional, latent, generator, discriminator, slope, dropout, batchNorm, lr, dLr, beta1,
        beta2, batch, steps, dSteps, labelSmoothing, sampleEvery, samples, threads, checkpointEvery, parts);
  }

  public Gan conditional(boolean v) {
    return new Gan(architecture, v, latent, generator, discriminator, slope, dropout, batchNorm, lr, dLr, beta1,
        beta2, batch, steps, dSteps, labelSmoothing, sampleEvery, samples, threads, checkpointEvery, parts);
  }

  public Gan latent(int v) {
    return new Gan(architecture, conditional, v, generator, discriminator, slope, dropout, batchNorm, lr, dLr,
        beta1, beta2, batch, steps, dSteps, labelSmoothing, sampleEvery, samples, threads, checkpointEvery, parts);
  }

  public Gan generator(Integer... v) {
    return generator(List.of(v));
  }

  public Gan generator(List<Integer> v) {
    return new Gan(architecture, conditional, latent, v, discriminator, slope, dropout, batchNorm, lr,
        dLr, beta1, beta2, batch, steps, dSteps, labelSmoothing, sampleEvery, samples, threads, checkpointEvery, parts);
  }

  public Gan discriminator(Integer... v) {
    return discriminator(List.of(v));
  }

  public Gan discriminator(List<Integer> v) {
    return new Gan(architecture, conditional, latent, generator, v, slope, dropout, batchNorm, lr, dLr,
        beta1, beta2, batch, steps, dSteps, labelSmoothing, sampleEvery, samples, threads, checkpointEvery, parts);
  }

  public Gan slope(double v) {
    return new Gan(architecture, conditional, latent, generator, discriminator, v, dropout, batchNorm, lr, dLr,
        beta1, beta2, batch, steps, dSteps, labelSmoothing, sampleEvery, samples, threads, checkpointEvery, parts);
  }

  public Gan dropout(double v) {
    return new Gan(architecture, conditional, latent, generator, discriminator, slope, v, batchNorm, lr, dLr,
        beta1, beta2, batch, steps, dSteps, labelSmoothing, sampleEvery, samples, threads, checkpointEvery, parts);
  }

  public Gan batchNorm(boolean v) {
    return new Gan(architecture, conditional, latent, generator, discriminator, slope, dropout, v, lr, dLr,
        beta1, beta2, batch, steps, dSteps, labelSmoothing, sampleEvery, samples, threads, checkpointEvery, parts);
  }

  public Gan lr(double v) {
    return new Gan(architecture, conditional, latent, generator, discriminator, slope, dropout, batchNorm, v,
        dLr, beta1, beta2, batch, steps, dSteps, labelSmoothing, sampleEvery, samples, threads, checkpointEvery, parts);
  }

  /** One learning rate for both networks: G's ({@code lr}) and D's ({@code d_lr}); the key {@code model.lrs}. */
  public Gan lrs(double v) {
    return lr(v).dLr(v);
  }

  /**
   * Also takes {@code lrs}, a key that is not a knob of its own: it sets {@code lr} (G's) and {@code d_lr}
   * (D's) to one value, so {@code --sweep model.lrs=2e-5,2e-4} moves both networks' rates together.
   */
  @Override
  public Gan with(String key, String value) {
    if (key.equals(BOTH_LRS)) {
      return PARAMS.with(PARAMS.with(this, "lr", value), "d_lr", value);
    }
    return PARAMS.with(this, key, value);
  }

  public Gan dLr(double v) {
    return new Gan(architecture, conditional, latent, generator, discriminator, slope, dropout, batchNorm, lr,
        v, beta1, beta2, batch, steps, dSteps, labelSmoothing, sampleEvery, samples, threads, checkpointEvery, parts);
  }

  public Gan beta1(double v) {
    return new Gan(architecture, conditional, latent, generator, discriminator, slope, dropout, batchNorm, lr,
        dLr, v, beta2, batch, steps, dSteps, labelSmoothing, sampleEvery, samples, threads, checkpointEvery, parts);
  }

  public Gan beta2(double v) {
    return new Gan(architecture, conditional, latent, generator, discriminator, slope, dropout, batchNorm, lr,
        dLr, beta1, v, batch, steps, dSteps, labelSmoothing, sampleEvery, samples, threads, checkpointEvery, parts);
  }

  public Gan batch(int v) {
    return new Gan(architecture, conditional, latent, generator, discriminator, slope, dropout, batchNorm, lr,
        dLr, beta1, beta2, v, steps, dSteps, labelSmoothing, sampleEvery, samples, threads, checkpointEvery, parts);
  }

  public Gan steps(int v) {
    return new Gan(architecture, conditional, latent, generator, discriminator, slope, dropout, batchNorm, lr,
        dLr, beta1, beta2, batch, v, dSteps, labelSmoothing, sampleEvery, samples, threads, checkpointEvery, parts);
  }

  public Gan dSteps(int v) {
    return new Gan(architecture, conditional, latent, generator, discriminator, slope, dropout, batchNorm, lr,
        dLr, beta1, beta2, batch, steps, v, labelSmoothing, sampleEvery, samples, threads, checkpointEvery, parts);
  }

  public Gan labelSmoothing(double v) {
    return new Gan(architecture, conditional, latent, generator, discriminator, slope, dropout, batchNorm, lr,
        dLr, beta1, beta2, batch, steps, dSteps, v, sampleEvery, samples, threads, checkpointEvery, parts);
  }

  public Gan sampleEvery(int v) {
    return new Gan(architecture, conditional, latent, generator, discriminator, slope, dropout, batchNorm, lr,
        dLr, beta1, beta2, batch, steps, dSteps, labelSmoothing, v, samples, threads, checkpointEvery, parts);
  }

  public Gan samples(int v) {
    return new Gan(architecture, conditional, latent, generator, discriminator, slope, dropout, batchNorm, lr,
        dLr, beta1, beta2, batch, steps, dSteps, labelSmoothing, sampleEvery, v, threads, checkpointEvery, parts);
  }

  public Gan threads(int v) {
    return new Gan(architecture, conditional, latent, generator, discriminator, slope, dropout, batchNorm, lr,
        dLr, beta1, beta2, batch, steps, dSteps, labelSmoothing, sampleEvery, samples, v, checkpointEvery, parts);
  }

  public Gan checkpointEvery(int v) {
    return new Gan(architecture, conditional, latent, generator, discriminator, slope, dropout, batchNorm, lr,
        dLr, beta1, beta2, batch, steps, dSteps, labelSmoothing, sampleEvery, samples, threads, v, parts);
  }

  /** The run's smoke version: at most 20 steps, a grid (and a checkpoint, unless off) every 10, 500 scored
   *  samples, batch ≤ 32. */
  public Gan smoke() {
    return steps(Math.min(steps, 20)).sampleEvery(Math.min(sampleEvery, 10)).samples(Math.min(samples, 500))
        .batch(Math.min(batch, 32)).checkpointEvery(Math.min(checkpointEvery, 10));
  }

  @Override
  public ParamTable<Gan> paramTable() {
    return PARAMS;
  }

  private static boolean widthsOk(List<Integer> widths) {
    return !widths.isEmpty() && widths.stream().allMatch(w -> w != null && w >= 1);
  }
}
