package dev.labkit.run;

import dev.labkit.console.Console;
import dev.labkit.ground.Home;
import dev.labkit.ground.UserError;
import dev.labkit.store.RunFolder;
import dev.labkit.store.RunRecord;
import dev.labkit.store.RunStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code --parallel K}: the trials of a sweep in K worker processes at once. Each worker is the same
 * script started again through {@code ./jbang}, with the trial's values as {@code --set key=value} and
 * {@code --trial-of SWEEP_ID:TRIAL:TRIALS:KEYS} (with repeats, {@code :REPEAT:REPEATS} and the repeat's
 * {@code --seed}), so it is an ordinary run of one trial whose run.json
 * says where it sits in the sweep. Separate JVMs keep trials apart (their memory, their native threads)
 * and a crash in one trial cannot take the others down. A worker's lines are echoed with its trial
 * number in front; if this process is stopped, its workers are stopped too (and mark their runs
 * interrupted).
 */
final class TrialWorkers {
  private TrialWorkers() {}

  /** Runs the trials numbered {@code todo} (1-based); returns their outcomes and, by number, why any failed. */
  static Map<Integer, String> run(Repeats repeats, List<Integer> todo, RunRecord.SweepInfo sweep,
      Settings options, String experiment, Console out, Map<Integer, Outcome> outcomes,
      Map<Integer, Path> resumable) {
    Path launcher = launcher(options, "--parallel");
    Set<Process> running = ConcurrentHashMap.newKeySet();
    Thread stopWorkers = new Thread(() -> running.forEach(Process::destroy)); // SIGTERM: they mark their runs
    Runtime.getRuntime().addShutdownHook(stopWorkers);
    Map<Integer, String> failures = new ConcurrentHashMap<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(options.parallel(), todo.size()))) {
      List<Future<?>> futures = new ArrayList<>();
      for (int number : todo) {
        futures.add(pool.submit(() -> {
          String failure = runOne(launcher, repeats, number, sweep, options, experiment, out,
              outcomes, running, resumable.get(number));
          if (failure != null) {
            failures.put(number, failure);
          }
        }));
      }
      for (Future<?> future : futures) {
        future.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserError("interrupted while the sweep's workers ran", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      try {
        Runtime.getRuntime().removeShutdownHook(stopWorkers);
      } catch (IllegalStateException e) {
        // shutting down: the hook stops the workers
      }
    }
    return failures;
  }

  private static String runOne(Path launcher, Repeats repeats, int number, RunRecord.SweepInfo sweep, Settings options,
      String experiment, Console out, Map<Integer, Outcome> outcomes, Set<Process> running,
      Path resume) {
    Trial trial = repeats.trial(number);
    RunRecord.SweepInfo place = repeats.place(sweep, number);
    List<String> command = command(launcher, repeats, number, sweep, options, resume);
    String prefix = "[" + SweepRunner.name(repeats, number) + "] ";
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      running.add(process);
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          if (!line.startsWith("progress ")) { // a worker's own progress: this process shows the sweep's
            out.line(prefix + labelled(line, SweepRunner.name(repeats, number), trial.assignment().toString()));
          }
        }
      }
      int exit = process.waitFor();
      running.remove(process);
      out.trialEnded();
      RunFolder run = resume != null ? RunFolder.read(resume)
          : latest(options.runsDir().resolve(experiment), sweep.id(), place);
      if (exit == 0 && run != null && run.status() == RunStatus.FINISHED) {
        outcomes.put(number, new Outcome(trial, run.folder(), run.metrics()));
        return null;
      }
      return "exit code " + exit + (run == null ? ", no run folder" : ", run " + run.statusText()
          + (run.json().path("error").isString() ? ": " + run.json().path("error").asString() : ""));
    } catch (IOException e) {
      return "could not start " + launcher + ": " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /**
   * A worker's one-line summary starts with its own "trial 3/16", which the prefix says already; its values
   * (given to the worker as --set, so not swept there) take that place.
   */
  static String labelled(String line, String label, String assignment) {
    return line.startsWith(label + " ") || line.equals(label)
        ? assignment + "  " + line.substring(label.length()).stripLeading() : line;
  }

  /**
   * The command that runs trial {@code number} of the sweep on its own, as a worker process or a Slurm array
   * task: the script through the launcher, the trial's values as {@code --set}, its place as {@code --trial-of}.
   */
  static List<String> command(Path launcher, Repeats repeats, int number, RunRecord.SweepInfo sweep,
      Settings options, Path resume) {
    Trial trial = repeats.trial(number);
    RunRecord.SweepInfo place = repeats.place(sweep, number);
    List<String> command = new ArrayList<>(List.of(launcher.toString(), options.script().toString()));
    command.addAll(RunFrame.rerunArgs(options, trial, place)); // with repeats: the repeat's --seed, --repeat 1
    if (!command.contains("--no-site")) {
      command.add("--no-site"); // the sweep renders the report once, at its end
    }
    command.addAll(List.of("--trial-of", sweep.id() + ":" + place.trial() + ":" + sweep.trials() + ":"
        + String.join(sweep.keys().stream().anyMatch(k -> k.contains(",")) ? ";" : ",", sweep.keys()) // a tied key
        + (repeats.n() > 1 ? ":" + place.repeat() + ":" + repeats.n() : "")));
    if (resume != null) { // a GAN trial that stopped with a checkpoint goes on in its folder
      command.addAll(List.of("--resume", resume.getFileName().toString()));
    }
    return command;
  }

  /** The launcher that starts the script again, checked: a worker or a Slurm task needs it and the script file. */
  static Path launcher(Settings options, String option) {
    Path launcher = Home.dir().resolve("jbang");
    if (options.script() == null || !Files.isExecutable(launcher)) {
      throw new UserError(option + " starts the script again through " + launcher + " and needs the script's file ("
          + options.script() + "); run it from a labkit checkout with ./jbang, or drop " + option);
    }
    return launcher;
  }

  /** The newest run folder of the sweep at {@code place} (its trial and repeat), or null. */
  static RunFolder latest(Path experimentDir, String sweepId, RunRecord.SweepInfo place) {
    if (!Files.isDirectory(experimentDir)) {
      return null;
    }
    List<RunFolder> runs = SweepResume.trialsOf(experimentDir, sweepId).stream()
        .filter(run -> run.trial() == place.trial()
            && run.json().path("sweep").path("repeat").asInt(0) == place.repeat()).toList();
    return runs.isEmpty() ? null : runs.getLast();
  }
}
