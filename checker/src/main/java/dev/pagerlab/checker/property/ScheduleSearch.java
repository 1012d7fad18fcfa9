package dev.pagerlab.checker.property;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Random-walk search followed by schedule shrinking: the short witness the checker reports
 * for state spaces too large to exhaust. A pure function of the seed and the walk budget.
 */
public final class ScheduleSearch {
  private ScheduleSearch() {}

  /**
   * A shrunk schedule to a target, with what a report needs to print and replay it.
   *
   * @param seed the search seed ({@code -Dpagerlab.seed} or the CLI's seed)
   * @param walk the index of the walk that first reached a target
   * @param foundLength the length of that walk's schedule before shrinking
   * @param schedule the shrunk choice indices ({@link ScheduleReplay} semantics)
   * @param transitions the transitions the shrunk schedule takes
   * @param states the states it visits, the initial one first, a target last
   * @param shrinkComplete false when the shrink budget stopped before a fixpoint
   * @param <S> the state type
   * @param <T> the transition type
   */
  public record ShrunkSchedule<S, T>(long seed, int walk, int foundLength, List<Integer> schedule,
      List<T> transitions, List<S> states, boolean shrinkComplete) {
    public ShrunkSchedule {
      schedule = List.copyOf(schedule);
      transitions = List.copyOf(transitions);
      states = List.copyOf(states);
    }
  }

  /** Searches with {@code seed}, then shrinks the first schedule found; empty when no walk reached a target. */
  public static <S, T> Optional<ShrunkSchedule<S, T>> find(TransitionSystem<S, T> system, Predicate<? super S> target,
      long seed, RandomWalkSearch.Budget walks, ScheduleShrinker.Budget shrink) {
    return new RandomWalkSearch<>(system, target, walks).search(seed).map(found -> {
      ScheduleShrinker.Result r = new ScheduleShrinker<>(system, target, shrink).shrink(found.schedule());
      ScheduleReplay.Replayed<S, T> replayed = ScheduleReplay.replay(system, target, r.schedule());
      return new ShrunkSchedule<>(seed, found.walk(), found.schedule().size(), r.schedule(),
          replayed.transitions(), replayed.states(), r.complete());
    });
  }
}
