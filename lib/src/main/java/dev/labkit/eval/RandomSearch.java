package dev.labkit.eval;

import dev.labkit.ground.UserError;
import dev.labkit.ground.RandomPoints;
import dev.labkit.model.ClassifierSpec;
import java.util.List;
import java.util.Random;

/**
 * Tries {@code nIter} points drawn at random from the space by {@link RandomPoints}, the one random
 * search ({@code --random N} draws the same way): the same seed draws the same points, a drawn point the
 * spec rejects is drawn again, and a space whose every axis is finite is drawn without replacement.
 *
 * @param space  what to search
 * @param nIter  number of points to try, ≥ 1
 * @param seed   seed of the draws
 */
public record RandomSearch(SearchSpace space, int nIter, long seed) implements Search {
  public RandomSearch {
    if (nIter < 1) {
      throw new UserError("random search needs n_iter ≥ 1 points, got " + nIter);
    }
  }

  @Override
  public List<Candidate> candidates(ClassifierSpec<?> base) {
    space.check(base);
    RandomPoints.Drawn<Candidate> drawn = RandomPoints.draw(space.axes(), nIter, new Random(seed),
        point -> new Candidate(point, SearchSpace.apply(base, point)));
    if (drawn.accepted().isEmpty()) {
      throw new UserError("search space has no valid point: " + drawn.attempts() + " draws from " + space.describe()
          + " were all rejected by " + base.name() + " (first: " + drawn.firstReason() + ")");
    }
    return drawn.accepted();
  }
}
