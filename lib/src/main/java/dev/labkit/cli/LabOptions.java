package dev.labkit.cli;

import dev.labkit.Home;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options every labkit script shares, as a picocli mixin:
 *
 * <pre>{@code @Mixin LabOptions lab;}</pre>
 */
public final class LabOptions {
  @Option(names = "--smoke", description = "Tiny data and few steps: checks the whole script in seconds.")
  boolean smoke;

  @Option(names = "--seed", paramLabel = "N", description = "Seed for every random choice (default: the script's, 42).")
  Long seed;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Write run folders to DIR/runs and the report to DIR/site (default: data/runs and site/).")
  Path out;

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Change one parameter, e.g. --set model.c=0.1 (repeatable; an unknown key lists the valid ones).")
  List<String> sets = new ArrayList<>();

  @Option(names = "--no-site", description = "Do not rebuild the report site after the run.")
  boolean noSite;

  /** The script's arguments as typed, and the script itself; filled in by {@code Lab.cli}. */
  List<String> commandLine = List.of();
  Path script;

  public LabOptions() {}

  /** Options for running from code and tests: {@code LabOptions.of(out).smoke(true)}. */
  public static LabOptions of(Path out) {
    LabOptions options = new LabOptions();
    options.out = out;
    return options;
  }

  public LabOptions smoke(boolean value) {
    smoke = value;
    return this;
  }

  public LabOptions set(String keyValue) {
    sets.add(keyValue);
    return this;
  }

  public LabOptions seed(long value) {
    seed = value;
    return this;
  }

  public LabOptions noSite(boolean value) {
    noSite = value;
    return this;
  }

  public void invokedAs(Path scriptFile, List<String> args) {
    script = scriptFile;
    commandLine = List.copyOf(args);
  }

  public boolean smoke() {
    return smoke;
  }

  public Long seed() {
    return seed;
  }

  public List<String> sets() {
    return List.copyOf(sets);
  }

  public boolean buildSite() {
    return !noSite;
  }

  public Path script() {
    return script;
  }

  public List<String> commandLine() {
    return commandLine;
  }

  public Path runsDir() {
    return out == null ? Home.runs() : out.toAbsolutePath().resolve("runs");
  }

  public Path siteDir() {
    return out == null ? Home.site() : out.toAbsolutePath().resolve("site");
  }
}
