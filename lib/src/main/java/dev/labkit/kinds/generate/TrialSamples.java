package dev.labkit.kinds.generate;

import dev.labkit.chart.Charts;
import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import dev.labkit.ground.UserError;
import dev.labkit.run.Outcome;
import dev.labkit.store.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Every trial of a GAN sweep side by side on its summary page: its final fixed-noise sample grid (group
 * {@link #GROUP}), titled with its settings, domain FID and mode-collapse verdict, and one chart of every
 * trial's class histogram ("class-histograms"). A collapsed trial (one or two classes, blurry copies)
 * stands beside a balanced one.
 */
final class TrialSamples {
  static final String GROUP = "Final samples of every trial";

  private TrialSamples() {}

  static void emit(EventSink store, List<Outcome> outcomes) {
    List<Map<String, Object>> shares = new ArrayList<>();
    int index = 0;
    for (Outcome o : outcomes) {
      index++;
      String trial = label(o);
      JsonNode artifacts = read(o, RunFolder.ARTIFACTS_JSON);
      JsonNode last = null;
      for (JsonNode entry : artifacts) {
        if (entry.path("name").asString("").startsWith("samples/step-")
            && (last == null || entry.path("step").asLong() > last.path("step").asLong())) {
          last = entry;
        }
      }
      if (last != null) {
        try {
          byte[] png = Files.readAllBytes(o.folder().resolve(last.path("path").asString()));
          store.accept(new Event.Image(String.format(Locale.ROOT, "trial-samples/trial-%03d", index),
              trial + " · " + facts(o), GROUP, null, png, Map.of()));
        } catch (IOException e) {
          throw new UserError("cannot read the samples of trial " + o.folder() + ": " + e.getMessage(), e);
        }
      }
      JsonNode table = read(o, "artifacts/mode-collapse.json");
      if (table.path("columns").toString().contains("share %")) { // a GAN of one class has none
        for (JsonNode row : table.path("rows")) {
          shares.add(Charts.row("class", row.get(0).asString(), "trial", values(o), "share",
              row.get(2).asDouble() / 100));
        }
      }
    }
    if (!shares.isEmpty()) {
      store.accept(new Event.Table("class-histograms", "chart", "Class histogram of every trial",
          Charts.bars("Classes of each trial's samples, as the reference classifier sees them (a collapsed trial"
              + " piles onto a few)").x("class", "class").y("share", "share of samples").group("trial", "trial")
              .data(shares).spec()));
    }
  }

  /** The trial's settings: each swept key and its value. */
  static String label(Outcome o) {
    List<String> parts = new ArrayList<>();
    o.trial().assignment().forEach((key, value) -> parts.add(key + " " + value));
    return String.join(", ", parts);
  }

  /** The trial's swept values alone, short enough for a legend. */
  private static String values(Outcome o) {
    return String.join(" · ", o.trial().assignment().values());
  }

  private static String facts(Outcome o) {
    Map<String, Double> m = o.metrics();
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("FID", m.containsKey("fid") ? String.format(Locale.ROOT, "%.1f", m.get("fid")) : "—");
    if (m.containsKey("collapsed")) {
      parts.put(m.get("collapsed") > 0.5 ? "MODE COLLAPSE" : "no collapse", String.format(Locale.ROOT,
          "(rarest class %.1f %%, KL %.3f)", 100 * m.getOrDefault("min_class_share", Double.NaN),
          m.getOrDefault("kl_uniform", Double.NaN)));
    } else {
      parts.put("class histogram", "does not apply (one class)");
    }
    List<String> out = new ArrayList<>();
    parts.forEach((k, v) -> out.add(k + " " + v));
    return String.join(" · ", out);
  }

  /** The file's JSON, or an empty node when the trial has none (a trial that failed before writing it). */
  private static JsonNode read(Outcome o, String file) {
    if (!Files.isRegularFile(o.folder().resolve(file))) {
      return RunFolder.JSON.createArrayNode();
    }
    try {
      return RunFolder.JSON.readTree(o.folder().resolve(file).toFile());
    } catch (RuntimeException e) {
      throw new UserError("cannot read " + file + " of trial " + o.folder() + ": " + e.getMessage(), e);
    }
  }
}
