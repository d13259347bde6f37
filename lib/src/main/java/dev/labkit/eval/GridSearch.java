package dev.labkit.eval;

import dev.labkit.ground.UserError;
import dev.labkit.model.ClassifierSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tries every combination of the space's values: all values of each {@code choice}, and
 * {@code pointsPerRange} evenly spread values of each range (geometrically spread for a log-uniform
 * one). The cost is the product of the axes' sizes, so keep ranges for {@link RandomSearch}.
 *
 * @param space          what to search
 * @param pointsPerRange values taken from each continuous range (a finite axis gives all its values)
 */
public record GridSearch(SearchSpace space, int pointsPerRange) implements Search {
  public GridSearch {
    if (pointsPerRange < 1) {
      throw new UserError("grid search needs at least 1 point per range, got " + pointsPerRange);
    }
  }

  /** Five values per continuous range. */
  public GridSearch(SearchSpace space) {
    this(space, 5);
  }

  @Override
  public List<Candidate> candidates(ClassifierSpec<?> base) {
    space.check(base);
    List<Candidate> valid = new ArrayList<>();
    String firstReason = null;
    List<Map<String, Object>> points = space.grid(pointsPerRange);
    for (Map<String, Object> point : points) {
      try {
        valid.add(new Candidate(point, SearchSpace.apply(base, point)));
      } catch (UserError rejected) { // a combination the spec refuses, e.g. a penalty without its ratio
        firstReason = firstReason == null ? point + ": " + rejected.getMessage() : firstReason;
      }
    }
    if (valid.isEmpty()) {
      throw new UserError("search space has no valid point: all " + points.size() + " combinations of "
          + space.describe() + " are rejected by " + base.name() + " (first: " + firstReason + ")");
    }
    return valid;
  }
}
