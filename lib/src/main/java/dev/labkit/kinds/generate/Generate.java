package dev.labkit.kinds.generate;

import ai.djl.ndarray.NDManager;
import dev.labkit.data.Dataset;
import dev.labkit.data.TrainTest;
import dev.labkit.data.DataSpec;
import dev.labkit.gan.Balance;
import dev.labkit.gan.Checkpoint;
import dev.labkit.gan.Fingerprint;
import dev.labkit.gan.GanTraining;
import dev.labkit.gan.GanTrainer;
import dev.labkit.gan.GanViews;
import dev.labkit.gan.Generator;
import dev.labkit.gan.ReferenceClassifier;
import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import dev.labkit.ground.Home;
import dev.labkit.ground.Selection;
import dev.labkit.ground.UserError;
import dev.labkit.model.Gan;
import dev.labkit.model.ModelSpec;
import dev.labkit.store.RunStore;
import dev.labkit.neural.Torch;
import dev.labkit.console.ConsoleSink;
import dev.labkit.console.Console;
import dev.labkit.run.DataCache;
import dev.labkit.run.Experiment;
import dev.labkit.run.RunResume;
import dev.labkit.run.RunFrame;
import dev.labkit.run.RunKind;
import dev.labkit.run.RunKinds;
import dev.labkit.run.Runner;
import dev.labkit.run.Settings;
import dev.labkit.run.Trial;
import dev.labkit.store.RunRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One GAN run, start to end: load the data (pixels to [-1, 1]), get the reference classifier, train G
 * and D with a sample grid and FID every {@code sample_every} steps, then measure the samples (class
 * histogram, FID, precision/recall), say whether D or G dominated ({@link Balance}), draw interpolations,
 * and train a classifier on its samples and test it on real images ({@link Tstr}: a conditional GAN's
 * samples keep the labels they were drawn for, an unconditional GAN's are labelled by the reference
 * classifier). A checkpoint every {@code checkpoint_every} steps lets an
 * interrupted run go on ({@code --resume RUN_ID}). {@link RunKinds} hands every {@link Gan} here.
 */
public final class Generate implements RunKind {
  public static final Generate KIND = new Generate();

  /** The metrics of a GAN sweep's trials table, in order. */
  private static final List<String> COLUMNS = List.of("final/d_loss", "final/g_loss", "fid",
      "kl_uniform", "precision", "recall", "tstr/accuracy");

  private Generate() {}

  @Override
  public String name() {
    return "generate";
  }

  @Override
  public List<String> summaryColumns() {
    return COLUMNS;
  }

  /** The lowest domain FID: the distance of the samples from real images, in the reference classifier's features. */
  @Override
  public Selection.Rule selection() {
    return new Selection.Rule("fid", true);
  }

  @Override
  public boolean resumes(ModelSpec model) {
    return true;
  }

  @Override
  public void sweepCharts(SweepCharts sweep) {
    GanSweepCharts.emit(sweep.store(), sweep.keys(), sweep.outcomes());
  }

  @Override
  public Runner.Result run(TrialRun run) {
    return run(run.trial(), run.sweep(), run.options(), run.console(), run.cache(), run.resume());
  }

  /**
   * Runs {@code trial} in a new run folder, or, when {@code resume} names the folder of an interrupted
   * run of it, goes on in that folder from its checkpoint ({@link RunResume} checks it all first).
   */
  private static Runner.Result run(Trial trial, RunRecord.SweepInfo sweep, Settings options, Console console,
      DataCache cache, Path resume) {
    Experiment exp = trial.experiment();
    Gan spec = options.smoke() ? ((Gan) exp.model()).smoke() : (Gan) exp.model();
    RunFrame.Body body = (store, events, metrics) -> {
      TrainTest data = cache.load(exp.data(), exp.seed(), events);
      store.dataset(DataCache.info(exp.data().name(), data));
      GanChecks.check(spec, data.train());
      data = symmetric(exp, data);
      TrainTest judged = judgedOn(exp, data, cache, events);
      var checkpoints = new GanTrainer.Checkpoints(store.folder().resolve(Checkpoint.FILE), resume != null);
      train(spec, data, judged, exp.seed(), options.smoke(), checkpoints, events, metrics);
      events.accept(new Event.Summary(metrics, "fid"));
      Checkpoint.delete(checkpoints.file()); // finished: nothing left to resume
    };
    if (resume == null) {
      return RunFrame.run(trial, sweep, options, console, body);
    }
    TrainTest loaded = cache.load(exp.data(), exp.seed(), new ConsoleSink(console, exp.name()));
    GanChecks.check(spec, loaded.train()); // the shape first: a table told about data.scale would be misled
    TrainTest data = symmetric(exp, loaded);
    return RunFrame.run(trial, reopen(resume, spec, data.train()), options, console, body);
  }

  /**
   * Checks the checkpoint of {@code folder} against the networks {@code spec} builds and the data, then
   * re-opens the folder for the run to go on from the checkpoint's step.
   */
  private static RunStore reopen(Path folder, Gan spec, Dataset train) {
    Path file = folder.resolve(Checkpoint.FILE);
    Checkpoint.Header header = Checkpoint.header(file);
    Torch.threads(spec.threads());
    try (NDManager scratch = Torch.manager()) {
      Fingerprint.check(file, header, GanTraining.architecture(spec, train, scratch), Fingerprint.data(train));
    }
    return RunResume.open(folder, header.step());
  }

  /**
   * The data the reference classifier learns from: the training data itself, or, for a GAN of one class
   * ({@code data.classes=3}), the same dataset with all its classes, so that the judge knows what the
   * class's images look like beside the others (a classifier of one class learns nothing). FID and
   * precision/recall still compare the samples with the one class's real test images.
   */
  static TrainTest judgedOn(Experiment exp, TrainTest data, DataCache cache, EventSink events) {
    if (data.train().numClasses() != 1 || !exp.data().params().containsKey("classes")) {
      return data;
    }
    DataSpec<?> all = (DataSpec<?>) exp.data().with("classes", "");
    events.accept(new Event.Phase("judge", "one class: the reference classifier learns from all of "
        + exp.data().name() + "'s classes"));
    return symmetric(exp, cache.load(all, exp.seed(), events));
  }

  private static void train(Gan spec, TrainTest data, TrainTest judged, long seed, boolean smoke,
      GanTrainer.Checkpoints checkpoints, EventSink events, Map<String, Double> metrics) {
    Torch.threads(spec.threads());
    try (ReferenceClassifier reference = ReferenceClassifier.forData(judged.train(),
        Home.cache().resolve("gan-reference"), smoke ? 1 : 3, line -> events.accept(new Event.Phase("judge", line)));
        NDManager manager = Torch.manager()) {
      metrics.put("reference_accuracy", reference.accuracy(judged.test()));
      events.accept(new Event.Phase("judge", String.format(Locale.ROOT, "reference classifier: %.4f test accuracy",
          metrics.get("reference_accuracy"))));
      GanViews views = new GanViews(spec, data.test(), reference, events, seed);
      events.accept(new Event.Phase("train", spec.name() + " " + spec.params()));
      GanTrainer.Result result = GanTrainer.train(spec, data.train(), seed, manager, events, views::atSample,
          checkpoints);
      Generator g = result.generator();
      metrics.put("train_seconds", result.trainSeconds());
      metrics.put("ms_per_step", result.msPerStep());
      metrics.put("final/d_loss", result.finalDLoss());
      metrics.put("final/g_loss", result.finalGLoss());
      events.accept(Balance.table(result.logged()));
      events.accept(new Event.Phase("measure", "class histogram, FID, precision/recall on " + spec.samples()
          + " samples"));
      views.finish(g, metrics);
      if (spec.conditional()) {
        Tstr.run(g, data, null, smoke, seed, events, metrics);
      } else if (data.train().numClasses() > 1) { // unconditional: the reference classifier labels the samples
        Tstr.run(g, data, reference, smoke, seed, events, metrics);
      }
    }
  }

  /** The data with pixels in [-1, 1], what G's tanh produces: unit-scaled data is mapped by 2x − 1. */
  static TrainTest symmetric(Experiment exp, TrainTest data) {
    Object scale = exp.data().params().get("scale");
    if ("symmetric".equals(scale)) {
      return data;
    }
    if (!"unit".equals(scale)) {
      throw new UserError("a GAN needs pixels in [-1, 1] to match its tanh output: set data.scale=symmetric"
          + " (or unit), got " + scale);
    }
    return new TrainTest(shift(data.train()), shift(data.test()));
  }

  static Dataset shift(Dataset d) {
    float[] x = d.features().clone();
    for (int i = 0; i < x.length; i++) {
      x[i] = 2 * x[i] - 1;
    }
    return new Dataset(d.id(), d.sha256(), d.shape(), d.classNames(), x, d.labels());
  }
}
