package dev.pagerlab.checker.property;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shrinks a schedule that reaches a target to a locally minimal one that still does, with the
 * replay semantics of {@link ScheduleReplay} (an out-of-range choice skips its step).
 *
 * <p>Passes, repeated until none helps: cut cycles and one-step shortcuts (a state visited
 * twice, or a transition from an earlier state straight to a later one or to a target); delta
 * debugging (ddmin) removing chunks of steps, halving the chunk size down to single steps;
 * swapping adjacent transitions when that gives a shorter or lexicographically smaller
 * schedule. Every candidate is replayed and kept only if it still reaches a target; a kept
 * schedule is cut to its effective steps up to the first target. The result is never longer
 * than the input. Deterministic: no randomness; the budget only stops it early.
 *
 * @param <S> the state type
 * @param <T> the transition type
 */
public final class ScheduleShrinker<S, T> {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduleShrinker.class);

  private final TransitionSystem<S, T> system;
  private final Predicate<? super S> target;
  private final Budget budget;
  private long deadline;
  private int replays;

  /**
   * How much work shrinking may do.
   *
   * @param replays schedule replays at most
   * @param millis wall-clock time at most
   */
  public record Budget(int replays, long millis) {
    /** The default budget: a million replays or ten seconds. */
    public static Budget standard() {
      return new Budget(1_000_000, 10_000);
    }
  }

  /**
   * The outcome of shrinking.
   *
   * @param schedule the shortest schedule found that reaches a target
   * @param originalLength the length of the schedule given
   * @param replays replays performed
   * @param complete false when the budget stopped shrinking before a fixpoint
   */
  public record Result(List<Integer> schedule, int originalLength, int replays, boolean complete) {
    public Result {
      schedule = List.copyOf(schedule);
    }
  }

  /** A shrinker for schedules of {@code system} that reach {@code target}. */
  public ScheduleShrinker(TransitionSystem<S, T> system, Predicate<? super S> target, Budget budget) {
    this.system = system;
    this.target = target;
    this.budget = budget;
  }

  /**
   * The shortest schedule found that still reaches a target.
   *
   * @throws IllegalArgumentException if {@code schedule} does not reach a target
   */
  public Result shrink(List<Integer> schedule) {
    deadline = System.nanoTime() + budget.millis() * 1_000_000L;
    replays = 0;
    int[] best = reach(schedule.stream().mapToInt(Integer::intValue).toArray());
    if (best == null) {
      throw new IllegalArgumentException("the schedule does not reach a target");
    }
    int[] before;
    do {
      before = best;
      best = shortcuts(best);
      best = ddmin(best);
      best = swaps(best);
    } while (!Arrays.equals(before, best) && !overBudget());
    LOG.trace("shrunk a schedule of {} steps to {} in {} replays", schedule.size(), best.length, replays);
    return new Result(Arrays.stream(best).boxed().toList(), schedule.size(), replays, !overBudget());
  }

  private boolean overBudget() {
    return replays >= budget.replays() || System.nanoTime() > deadline;
  }

  private int[] reach(int[] candidate) {
    replays++;
    return ScheduleReplay.reach(system, target, candidate);
  }

  /** Cuts cycles and replaces each stretch reachable in one transition by that transition. */
  private int[] shortcuts(int[] schedule) {
    List<S> states = states(schedule);
    Map<S, Integer> last = new HashMap<>();
    for (int i = 0; i < states.size(); i++) {
      last.put(states.get(i), i);
    }
    int end = schedule.length;
    List<Integer> out = new ArrayList<>();
    int i = last.get(states.get(0));
    while (i < end) {
      int[] hop = longestHop(states.get(i), i, schedule[i], last, end);
      out.add(hop[0]);
      i = last.get(states.get(Math.min(hop[1], end)));
      if (hop[1] > end) {
        break;
      }
    }
    int[] shortened = out.stream().mapToInt(Integer::intValue).toArray();
    return shortened.length < schedule.length ? checked(shortened, schedule) : schedule;
  }

  /** The choice from state {@code i} that lands furthest along (beyond {@code end}: on a target). */
  private int[] longestHop(S s, int i, int choice, Map<S, Integer> last, int end) {
    int[] best = {choice, i + 1};
    List<T> enabled = system.enabled(s);
    for (int k = 0; k < enabled.size(); k++) {
      S next = system.apply(s, enabled.get(k));
      if (target.test(next)) {
        return new int[] {k, end + 1};
      }
      Integer j = last.get(next);
      if (j != null && j > best[1]) {
        best = new int[] {k, j};
      }
    }
    return best;
  }

  private int[] checked(int[] candidate, int[] fallback) {
    int[] effective = reach(candidate);
    return effective != null && effective.length < fallback.length ? effective : fallback;
  }

  private List<S> states(int[] schedule) {
    List<S> states = new ArrayList<>(schedule.length + 1);
    S s = system.initial();
    states.add(s);
    for (int choice : schedule) {
      s = system.apply(s, system.enabled(s).get(choice));
      states.add(s);
    }
    return states;
  }

  /** Delta debugging: removes chunks (halves, quarters, ... single steps) while a target is still reached. */
  private int[] ddmin(int[] schedule) {
    int[] current = schedule;
    int parts = 2;
    while (current.length > 0 && !overBudget()) {
      parts = Math.min(parts, current.length);
      int[] reduced = removeOneChunk(current, parts);
      if (reduced != null) {
        current = reduced;
        parts = Math.max(parts - 1, 2);
      } else if (parts >= current.length) {
        break;
      } else {
        parts = Math.min(parts * 2, current.length);
      }
    }
    return current;
  }

  /** The first schedule with one of {@code parts} chunks removed that still reaches a target. */
  private int[] removeOneChunk(int[] schedule, int parts) {
    int chunk = (schedule.length + parts - 1) / parts;
    for (int from = 0; from < schedule.length && !overBudget(); from += chunk) {
      int[] effective = reach(without(schedule, from, Math.min(schedule.length, from + chunk)));
      if (effective != null) {
        return effective;
      }
    }
    return null;
  }

  private static int[] without(int[] schedule, int from, int to) {
    int[] out = new int[schedule.length - (to - from)];
    System.arraycopy(schedule, 0, out, 0, from);
    System.arraycopy(schedule, to, out, from, schedule.length - to);
    return out;
  }

  /** Swaps adjacent transitions when the result still reaches a target and is smaller. */
  private int[] swaps(int[] schedule) {
    int[] current = schedule;
    for (int i = 0; i + 1 < current.length && !overBudget(); i++) {
      List<T> transitions = transitions(current);
      T first = transitions.get(i);
      transitions.set(i, transitions.get(i + 1));
      transitions.set(i + 1, first);
      int[] candidate = encode(transitions);
      if (candidate != null && smaller(candidate, current)) {
        current = candidate;
      }
    }
    return current;
  }

  private List<T> transitions(int[] schedule) {
    List<T> out = new ArrayList<>(schedule.length);
    S s = system.initial();
    for (int choice : schedule) {
      T t = system.enabled(s).get(choice);
      out.add(t);
      s = system.apply(s, t);
    }
    return out;
  }

  /** The effective choice indices of a transition sequence, or null if a transition is not enabled or no target is reached. */
  private int[] encode(List<T> transitions) {
    replays++;
    S s = system.initial();
    int[] out = new int[transitions.size()];
    for (int i = 0; i < transitions.size(); i++) {
      if (target.test(s)) {
        return Arrays.copyOf(out, i);
      }
      int k = system.enabled(s).indexOf(transitions.get(i));
      if (k < 0) {
        return null;
      }
      out[i] = k;
      s = system.apply(s, transitions.get(i));
    }
    return target.test(s) ? out : null;
  }

  /** Shorter, or as long and lexicographically smaller: a well-founded order, so swapping ends. */
  private static boolean smaller(int[] a, int[] b) {
    return a.length != b.length ? a.length < b.length : Arrays.compare(a, b) < 0;
  }
}
