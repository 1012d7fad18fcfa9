package dev.pagerlab.checker.property;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Replays a schedule of choice indices against a transition system.
 *
 * <p>Semantics (fixed, so shrunk schedules mean the same everywhere): the replay stops as soon
 * as a target state is reached (the initial state included); otherwise at each step it takes
 * the transition at the step's index in {@code enabled(s)}; an index out of range
 * ({@code < 0} or {@code >= enabled(s).size()}) skips the step, leaving the state unchanged;
 * a state with nothing enabled ends the replay. The <em>effective</em> schedule is the steps
 * actually taken, so replaying it reaches the same state.
 */
public final class ScheduleReplay {
  private ScheduleReplay() {}

  /**
   * The outcome of a replay.
   *
   * @param effective the choice indices actually taken, in order
   * @param transitions the transitions taken, one per effective choice
   * @param states the states visited, the initial one first (one more than transitions)
   * @param reached whether the last state is a target state
   * @param <S> the state type
   * @param <T> the transition type
   */
  public record Replayed<S, T>(List<Integer> effective, List<T> transitions, List<S> states, boolean reached) {
    public Replayed {
      effective = List.copyOf(effective);
      transitions = List.copyOf(transitions);
      states = List.copyOf(states);
    }

    /** The state the replay ended in. */
    public S last() {
      return states.get(states.size() - 1);
    }
  }

  /** Replays {@code schedule}, recording every state and transition; pure. */
  public static <S, T> Replayed<S, T> replay(TransitionSystem<S, T> system, Predicate<? super S> target, List<Integer> schedule) {
    S s = system.initial();
    List<Integer> effective = new ArrayList<>();
    List<T> transitions = new ArrayList<>();
    List<S> states = new ArrayList<>(List.of(s));
    for (int choice : schedule) {
      if (target.test(s)) {
        break;
      }
      List<T> enabled = system.enabled(s);
      if (enabled.isEmpty()) {
        break;
      }
      if (choice >= 0 && choice < enabled.size()) {
        T t = enabled.get(choice);
        s = system.apply(s, t);
        effective.add(choice);
        transitions.add(t);
        states.add(s);
      }
    }
    return new Replayed<>(effective, transitions, states, target.test(s));
  }

  /**
   * The effective schedule of {@code schedule} if it reaches a target, else {@code null};
   * the allocation-light form the shrinker calls in its inner loop.
   */
  static <S, T> int[] reach(TransitionSystem<S, T> system, Predicate<? super S> target, int[] schedule) {
    S s = system.initial();
    int[] effective = new int[schedule.length];
    int taken = 0;
    for (int choice : schedule) {
      if (target.test(s)) {
        return java.util.Arrays.copyOf(effective, taken);
      }
      List<T> enabled = system.enabled(s);
      if (enabled.isEmpty()) {
        return null;
      }
      if (choice >= 0 && choice < enabled.size()) {
        s = system.apply(s, enabled.get(choice));
        effective[taken++] = choice;
      }
    }
    return target.test(s) ? java.util.Arrays.copyOf(effective, taken) : null;
  }
}
