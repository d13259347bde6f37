package dev.labkit.ground;

import java.util.Collection;
import java.util.Locale;

/** The valid key closest to a mistyped one, by edit distance, when it is close enough to be what was meant. */
public final class Nearest {
  private Nearest() {}

  /**
   * The candidate with the fewest single-character edits (insert, delete, replace) from {@code key},
   * ignoring case; null when the best needs more than a quarter of its length in edits (at least 1 allowed),
   * so {@code cc} suggests {@code c} and {@code max_iters} {@code max_iter}, but {@code kernel} suggests nothing.
   */
  public static String to(String key, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(key.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    if (best == null || bestDistance > Math.max(1, Math.min(key.length(), best.length()) / 4)) {
      return null;
    }
    return best;
  }

  /** Levenshtein distance, two rows at a time. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
