package dev.labkit.kinds.classify;

import dev.labkit.data.Dataset;
import dev.labkit.image.ExampleImages;
import dev.labkit.ground.Event;
import dev.labkit.ground.EventSink;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Test images with what the model made of them: a spread-out grid, and the most confident mistakes. */
final class Examples {
  private static final int SCALE = 4;
  private static final int COLUMNS = 3; // nine examples show as a 3×3 grid

  private Examples() {}

  /** {@code count} examples at even strides through the test set (the same ones for every model). */
  static void grid(Dataset test, double[] proba, int[] predicted, int count, EventSink events) {
    int n = Math.min(count, test.size());
    for (int j = 0; j < n; j++) {
      int i = (int) ((long) j * test.size() / n);
      emit(test, proba, predicted, i, "examples/" + j, "Test examples: true and predicted", events);
    }
  }

  /** The wrong predictions made with the highest probability, most confident first. */
  static void mistakes(Dataset test, double[] proba, int[] predicted, int count, EventSink events) {
    int k = test.numClasses();
    List<Integer> wrong = new ArrayList<>();
    for (int i = 0; i < test.size(); i++) {
      if (predicted[i] != test.labels()[i]) {
        wrong.add(i);
      }
    }
    wrong.sort(Comparator.comparingDouble((Integer i) -> -proba[i * k + predicted[i]]).thenComparing(i -> i));
    for (int j = 0; j < Math.min(count, wrong.size()); j++) {
      emit(test, proba, predicted, wrong.get(j), "mistakes/" + j, "Most confident mistakes", events);
    }
  }

  private static void emit(Dataset test, double[] proba, int[] predicted, int i, String name, String group,
      EventSink events) {
    int k = test.numClasses();
    String truth = test.classNames().get(test.labels()[i]);
    String guess = test.classNames().get(predicted[i]);
    String title = String.format(Locale.ROOT, "#%d  true %s · predicted %s (%.0f%%)", i, truth, guess,
        100 * proba[i * k + predicted[i]]);
    events.accept(new Event.Image(name, title, group, null, ExampleImages.png(test, i, SCALE),
        Map.of("correct", predicted[i] == test.labels()[i], "columns", COLUMNS)));
  }
}
