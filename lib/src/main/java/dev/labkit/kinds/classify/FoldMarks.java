package dev.labkit.kinds.classify;

import dev.labkit.eval.CorrectedTTest;
import dev.labkit.ground.Json;
import dev.labkit.run.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Win/tie/loss marks for a sweep's trials table: each trial's cross-validated accuracy against the
 * best trial's, by the corrected resampled t-test (Nadeau &amp; Bengio), which accounts for the folds
 * sharing most of their training data. Every trial of a sweep is cross-validated on the same folds (same
 * data, same seed), so fold i of one trial pairs with fold i of another.
 */
final class FoldMarks {
  static final double ALPHA = 0.05;

  private FoldMarks() {}

  /** Per-fold accuracy of one trial, with the fold sizes, from its cv-folds table; null without one. */
  record Folds(double[] accuracy, double trainSize, double testSize) {}

  static Folds read(Path trialFolder) {
    Path file = trialFolder.resolve("artifacts/cv-folds.json");
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try {
      JsonNode table = Json.MAPPER.readTree(Files.readString(file));
      List<String> columns = table.get("columns").valueStream().map(JsonNode::asString).toList();
      int accuracy = columns.indexOf("accuracy");
      int train = columns.indexOf("train");
      int test = columns.indexOf("test");
      List<Double> scores = new ArrayList<>();
      double trainSum = 0;
      double testSum = 0;
      for (JsonNode row : table.get("rows")) {
        if (row.get(0).isNumber()) { // fold rows; the mean and std rows are labelled with text
          scores.add(row.get(accuracy).asDouble());
          trainSum += row.get(train).asDouble();
          testSum += row.get(test).asDouble();
        }
      }
      double[] values = scores.stream().mapToDouble(Double::doubleValue).toArray();
      return values.length < 2 ? null : new Folds(values, trainSum / values.length, testSum / values.length);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * For each trial (by folder), its mark against the best trial ("best" for the best itself), with the
   * p-value; empty when the trials were not cross-validated.
   */
  static Map<Path, String> against(Outcome best, List<Outcome> outcomes) {
    Map<Path, String> marks = new LinkedHashMap<>();
    Folds reference = best == null ? null : read(best.folder());
    if (reference == null) {
      return marks;
    }
    for (Outcome outcome : outcomes) {
      if (outcome == best) {
        marks.put(outcome.folder(), "best");
        continue;
      }
      Folds folds = read(outcome.folder());
      if (folds == null || folds.accuracy().length != reference.accuracy().length) {
        continue;
      }
      CorrectedTTest.Result result = CorrectedTTest.compare(folds.accuracy(), reference.accuracy(),
          reference.trainSize(), reference.testSize(), ALPHA, true);
      marks.put(outcome.folder(), String.format(Locale.ROOT, "%s p=%.3f", result.mark().symbol(), result.pValue()));
    }
    return marks;
  }
}
