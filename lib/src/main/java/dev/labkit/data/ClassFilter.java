package dev.labkit.data;

import dev.labkit.ground.UserError;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code classes} parameter of a data spec: which classes to keep, as text ("3,9", "cat,dog"), empty
 * for all. Each item is a class name, or else a label number; kept classes are relabelled 0..k−1 in the
 * order given (see {@link Transforms#filterClasses}).
 */
final class ClassFilter {
  private ClassFilter() {}

  /** The text normalised ("3, 9" to "3,9"); checks only that no item is empty. */
  static String normalize(String text) {
    if (text == null || text.isBlank()) {
      return "";
    }
    List<String> items = new ArrayList<>();
    for (String item : text.split(",", -1)) {
      if (item.isBlank()) {
        throw new UserError("classes must be a comma-separated list of class names or numbers, e.g. 3,9; got '"
            + text + "'");
      }
      items.add(item.trim());
    }
    return String.join(",", items);
  }

  /** Both parts reduced to the classes {@code text} names; the data unchanged when it is empty. */
  static TrainTest apply(String text, TrainTest data) {
    if (text.isEmpty()) {
      return data;
    }
    int[] keep = resolve(text, data.train().classNames());
    return new TrainTest(Transforms.filterClasses(data.train(), keep), Transforms.filterClasses(data.test(), keep));
  }

  static int[] resolve(String text, List<String> names) {
    String[] items = text.split(",");
    int[] keep = new int[items.length];
    for (int k = 0; k < items.length; k++) {
      int byName = names.indexOf(items[k]);
      keep[k] = byName >= 0 ? byName : number(items[k], names);
    }
    return keep;
  }

  private static int number(String item, List<String> names) {
    try {
      int label = Integer.parseInt(item);
      if (label >= 0 && label < names.size()) {
        return label;
      }
    } catch (NumberFormatException ignored) {
      // reported below with the choices
    }
    throw new UserError("classes: '" + item + "' is neither a class name nor a label 0.." + (names.size() - 1)
        + "; classes are " + String.join(", ", names));
  }
}
