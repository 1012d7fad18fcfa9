package dev.pagerlab.checker.property;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeded random walks from the start state of a transition system, for state spaces too large
 * to exhaust: each walk takes a uniformly random enabled transition at each step, up to a
 * bounded length, and the first walk that reaches a target state gives the schedule.
 *
 * <p>Walk {@code w} draws from its own stream {@code Rng.derive(seed, w)}, so the result is a
 * pure function of the seed and the walk budget; the time budget only stops the search early.
 *
 * @param <S> the state type
 * @param <T> the transition type
 */
public final class RandomWalkSearch<S, T> {
  private static final Logger LOG = LoggerFactory.getLogger(RandomWalkSearch.class);

  private final TransitionSystem<S, T> system;
  private final Predicate<? super S> target;
  private final Budget budget;

  /**
   * How much to search.
   *
   * @param walks walks at most
   * @param maxDepth steps per walk at most
   * @param millis wall-clock time at most, checked between walks
   */
  public record Budget(int walks, int maxDepth, long millis) {
    public Budget {
      if (walks < 1 || maxDepth < 0 || millis < 1) {
        throw new IllegalArgumentException("bad budget " + walks + "/" + maxDepth + "/" + millis);
      }
    }
  }

  /**
   * A schedule that reaches a target.
   *
   * @param schedule the choice indices of the walk, up to the first target state
   * @param seed the search seed
   * @param walk the index of the walk that found it
   * @param walkSeed the seed of that walk alone ({@link #walk(long)} replays it)
   */
  public record Found(List<Integer> schedule, long seed, int walk, long walkSeed) {
    public Found {
      schedule = List.copyOf(schedule);
    }
  }

  /** A search for states satisfying {@code target} within {@code budget}. */
  public RandomWalkSearch(TransitionSystem<S, T> system, Predicate<? super S> target, Budget budget) {
    this.system = system;
    this.target = target;
    this.budget = budget;
  }

  /** The first walk under {@code seed} that reaches a target, if any within the budget. */
  public Optional<Found> search(long seed) {
    long deadline = System.nanoTime() + budget.millis() * 1_000_000L;
    for (int w = 0; w < budget.walks() && System.nanoTime() < deadline; w++) {
      long walkSeed = Rng.derive(seed, w);
      Optional<List<Integer>> schedule = walk(walkSeed);
      if (schedule.isPresent()) {
        LOG.trace("seed {}: walk {} reached a target in {} steps", seed, w, schedule.get().size());
        return Optional.of(new Found(schedule.get(), seed, w, walkSeed));
      }
    }
    LOG.trace("seed {}: no walk reached a target within {}", seed, budget);
    return Optional.empty();
  }

  /** One walk from {@code walkSeed}: its schedule if it reaches a target within the depth bound. */
  public Optional<List<Integer>> walk(long walkSeed) {
    Rng rng = new Rng(walkSeed);
    S s = system.initial();
    List<Integer> schedule = new ArrayList<>();
    while (!target.test(s)) {
      List<T> enabled = system.enabled(s);
      if (enabled.isEmpty() || schedule.size() >= budget.maxDepth()) {
        return Optional.empty();
      }
      int choice = rng.nextInt(enabled.size());
      schedule.add(choice);
      s = system.apply(s, enabled.get(choice));
    }
    return Optional.of(schedule);
  }
}
