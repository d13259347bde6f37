package dev.labkit.eval;

import dev.labkit.UserError;
import dev.labkit.model.ModelSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Tries {@code nIter} points drawn at random from the space (Bergstra and Bengio, 2012: for the same
 * budget, random points cover the few parameters that matter better than a grid does). The same seed
 * draws the same points. A drawn point the spec rejects is drawn again. When every axis is finite (choices,
 * integer ranges) points are drawn without replacement, as scikit-learn's {@code ParameterSampler}: no
 * point is fitted twice, and a space smaller than {@code nIter} is tried whole.
 *
 * @param space  what to search
 * @param nIter  number of points to try, ≥ 1
 * @param seed   seed of the draws
 */
public record RandomSearch(SearchSpace space, int nIter, long seed) implements Search {
  /** Draws allowed per wanted point before deciding the space has (almost) no valid point. */
  private static final int ATTEMPTS_PER_POINT = 100;

  public RandomSearch {
    if (nIter < 1) {
      throw new UserError("random search needs n_iter ≥ 1 points, got " + nIter);
    }
  }

  @Override
  public List<Candidate> candidates(ModelSpec<?> base) {
    space.check(base);
    Random random = new Random(seed);
    long finiteSize = space.finiteSize();
    int wanted = (int) Math.min(nIter, finiteSize);
    Set<Map<String, Object>> drawn = new HashSet<>();
    List<Candidate> valid = new ArrayList<>(wanted);
    String firstReason = null;
    int attempts = 0;
    while (valid.size() < wanted && drawn.size() < finiteSize && attempts < ATTEMPTS_PER_POINT * nIter) {
      attempts++;
      Map<String, Object> point = space.sample(random);
      if (finiteSize < Long.MAX_VALUE && !drawn.add(point)) {
        continue; // drawn before: without replacement
      }
      try {
        valid.add(new Candidate(point, SearchSpace.apply(base, point)));
      } catch (UserError rejected) {
        firstReason = firstReason == null ? point + ": " + rejected.getMessage() : firstReason;
      }
    }
    if (valid.isEmpty()) {
      throw new UserError("search space has no valid point: " + attempts + " draws from " + space.describe()
          + " were all rejected by " + base.name() + " (first: " + firstReason + ")");
    }
    return valid;
  }
}
