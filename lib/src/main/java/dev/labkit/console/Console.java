package dev.labkit.console;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Everything a run says to the person watching it goes through here: the lines (what a {@link Verbosity}
 * lets through) and the progress, with the sweep ({@code trial 5/16 · 2m10s elapsed · ~4m left}) and the loop
 * inside the trial ({@code epoch 3/10 · 1.2 epoch/s · ~6s left · loss 0.4121}) on one status line.
 *
 * <p>On a terminal ({@link Terminal}) the status line is redrawn in place: a carriage return and "erase
 * line" ({@code \r ESC[2K}) before each drawing, at most ten a second, and once a second by itself so the
 * elapsed time moves; a line printed meanwhile erases it, prints, and draws it again below. Anything else
 * (CI, {@code | tee}, a Slurm log) gets the same status as a plain {@code progress ...} line at most once per
 * {@link ConsoleOptions#progressEvery()}, and no control characters at all. {@link #end()} erases the status
 * line, so the terminal is left clean with the cursor at the start of an empty line; so does Ctrl-C, which
 * then says in one line where the interrupted run is and how to go on ({@link #onInterrupt}).
 */
public final class Console {
  static final String CLEAR_LINE = "\r\033[2K";
  private static final long REDRAW_NANOS = 100_000_000L;
  private static final long TICK_MILLIS = 1000;

  private final PrintStream out;
  private final Terminal terminal;
  private final ConsoleOptions options;
  private final LongSupplier clock;
  private final boolean ticks;
  private final Pace loop = new Pace();
  private final Set<String> notes = new HashSet<>();
  private boolean looping;
  private String phase;
  private boolean sweeping;
  private int trial;
  private int trials;
  private int toRun;
  private int done;
  private long sweepBegan;
  private long lastEnded;
  private boolean shown;
  private long lastDraw = Long.MIN_VALUE;
  private long lastPlain;
  private boolean ended;
  private Supplier<String> onInterrupt;
  private Thread ticker;
  private final Thread hook;

  Console(PrintStream out, Terminal terminal, ConsoleOptions options, LongSupplier clock, boolean interactive) {
    this.out = out;
    this.terminal = terminal;
    this.options = options;
    this.clock = clock;
    this.ticks = interactive;
    this.lastPlain = clock.getAsLong();
    this.hook = interactive ? new Thread(this::interrupted, "labkit-console") : null;
    if (hook != null) {
      Runtime.getRuntime().addShutdownHook(hook);
    }
  }

  /** The console of a person running a script: standard output, live when it is a terminal. */
  public static Console forUser(ConsoleOptions options) {
    return new Console(System.out, Terminal.detect(), options, System::nanoTime, true);
  }

  /** Plain lines into {@code out}, nothing redrawn, no ticking and no Ctrl-C line: for tests and code. */
  public static Console plain(PrintStream out, ConsoleOptions options) {
    return new Console(out, new Terminal(false, 100), options, System::nanoTime, false);
  }

  public boolean verbose() {
    return options.verbosity() == Verbosity.VERBOSE;
  }

  /** A line for the default and verbose console: a trial's result, the sweep's best, a warning. */
  public synchronized void line(String text) {
    if (options.verbosity() != Verbosity.QUIET) {
      print(text);
    }
  }

  /** A line for the verbose console only: phase lines, full summaries. */
  public synchronized void detail(String text) {
    if (verbose()) {
      print(text);
    }
  }

  /** A line worth reading once (a model that gives no probabilities): the same text again says nothing. */
  public synchronized void note(String text) {
    if (notes.add(text)) {
      line(text);
    }
  }

  /** Always printed, also with {@code --quiet}: errors and the report's address. */
  public synchronized void always(String text) {
    print(text);
  }

  /** A sweep of {@code trials} starts, of which this process runs {@code toRun} (the others finished before). */
  public synchronized void sweepStarted(int trials, int toRun) {
    this.sweeping = true;
    this.trials = trials;
    this.toRun = toRun;
    this.done = 0;
    this.sweepBegan = clock.getAsLong();
    this.lastEnded = sweepBegan;
    refresh(true);
  }

  /** Trial {@code number} (1-based) starts. */
  public synchronized void trialStarted(int number) {
    trial = number;
    runEnded();
  }

  /** A trial ended, well or not: the time left is measured from the trials ended so far. */
  public synchronized void trialEnded() {
    done++;
    lastEnded = clock.getAsLong();
    runEnded();
  }

  public synchronized void sweepEnded() {
    sweeping = false;
    runEnded();
  }

  /** What the run does now ("fit · fitting logistic-regression"), shown when no loop reports. */
  public synchronized void phase(String text) {
    phase = text;
    looping = false;
    refresh(true);
  }

  /** A loop reports: {@code done} of {@code total} {@code unit}s, and what to show beside it. */
  public synchronized void progress(String unit, long done, long total, String detail) {
    loop.update(unit, done, total, detail, clock.getAsLong());
    looping = true;
    refresh(false);
  }

  /** A run ended: its loop and phase leave the status line. */
  public synchronized void runEnded() {
    looping = false;
    phase = null;
    refresh(true);
  }

  /** What to say if the process is stopped now (Ctrl-C, kill); null for nothing. */
  public synchronized void onInterrupt(Supplier<String> text) {
    onInterrupt = text;
  }

  public synchronized boolean saysOnInterrupt() {
    return onInterrupt != null;
  }

  /** Erases the status line and stops: what is printed after this is plain lines only. */
  public synchronized void end() {
    hide();
    ended = true;
    onInterrupt = null;
    out.flush();
    if (hook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // shutting down already
      }
    }
  }

  /** {@code path} relative to the working directory when it is inside it: how a person would type it. */
  public static String shown(Path path) {
    Path here = Path.of("").toAbsolutePath();
    Path absolute = path.toAbsolutePath().normalize();
    return absolute.startsWith(here) && !absolute.equals(here) ? here.relativize(absolute).toString() : path.toString();
  }

  /** The status line's text, or null when nothing runs. */
  synchronized String status() {
    String sweep = null;
    if (sweeping) {
      long now = clock.getAsLong();
      double elapsed = (now - sweepBegan) / 1e9;
      sweep = String.format(Locale.ROOT, trial > 0 ? "trial %d/%d · %s elapsed" : "%d/%d trials done · %s elapsed",
          trial > 0 ? trial : done, trials, Pace.duration(elapsed)); // in order, or by workers at once (--parallel)
      if (done > 0 && toRun > done) { // the trials ended so far, less the time the current one has run
        double perTrial = (lastEnded - sweepBegan) / 1e9 / done;
        sweep += " · ~" + Pace.duration(Math.max(perTrial * (toRun - done - 1),
            perTrial * (toRun - done) - (now - lastEnded) / 1e9)) + " left";
      }
    }
    String inner = looping ? loop.text() : phase;
    if (sweep == null) {
      return inner;
    }
    return inner == null ? sweep : sweep + " │ " + inner;
  }

  private void print(String text) {
    hide();
    out.println(text);
    if (terminal.live()) {
      refresh(true); // the status line again, below; a log gets its progress lines at their interval only
    }
    out.flush();
  }

  private void hide() {
    if (shown) {
      out.print(CLEAR_LINE);
      shown = false;
    }
  }

  private void refresh(boolean now) {
    if (ended || options.verbosity() == Verbosity.QUIET) {
      return;
    }
    String text = status();
    long time = clock.getAsLong();
    if (text == null) {
      hide();
    } else if (terminal.live()) {
      if (now || !shown || time - lastDraw >= REDRAW_NANOS) {
        out.print(CLEAR_LINE + fit(text));
        shown = true;
        lastDraw = time;
      }
    } else if (time - lastPlain >= options.progressEvery().toNanos()) {
      out.println("progress " + text);
      lastPlain = time;
    }
    out.flush();
    if (text != null && ticks && ticker == null) {
      ticker = Thread.ofPlatform().daemon().name("labkit-progress").start(this::tick);
    }
  }

  private void tick() {
    while (true) {
      try {
        Thread.sleep(TICK_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      synchronized (this) {
        if (ended) {
          return;
        }
        refresh(true);
      }
    }
  }

  /** Cut to the terminal's width: a line that wraps could no longer be erased by one "erase line". */
  private String fit(String text) {
    int room = Math.max(20, terminal.width() - 1);
    return text.length() <= room ? text : text.substring(0, room - 1) + "…";
  }

  private void interrupted() {
    synchronized (this) {
      if (ended) {
        return;
      }
      hide();
      if (onInterrupt != null) {
        out.println(onInterrupt.get());
      }
      ended = true;
      out.flush();
    }
  }
}
