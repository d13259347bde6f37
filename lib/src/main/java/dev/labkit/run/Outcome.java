package dev.labkit.run;

import java.nio.file.Path;
import java.util.Map;

/** One finished trial of a sweep: what was set, its run folder, and what it measured. */
public record Outcome(Trial trial, Path folder, Map<String, Double> metrics) {}
