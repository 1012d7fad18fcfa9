package dev.pagerlab.checker;

import java.util.List;

/**
 * A shortest trace from the start to a stuck state.
 *
 * @param steps the transitions, in order
 * @param cycleClosedAt the 1-based step after which the wait-for cycle was already closed while
 *     other threads could still move (a partial deadlock), or 0 when it closed only at the end
 * @param threads every thread, so a reader can lay the steps out one column per thread
 * @param finalState one line per thread describing the stuck state
 * @param schedule the index of each step's transition among those enabled before it, which
 *     {@code check --replay} follows without searching
 * @param classes the classes of the cycles of the witness's own final state
 */
public record Witness(List<WitnessStep> steps, int cycleClosedAt, List<String> threads, List<String> finalState,
    List<Integer> schedule, List<DeadlockClass> classes) {
  public Witness {
    steps = List.copyOf(steps);
    threads = List.copyOf(threads);
    finalState = List.copyOf(finalState);
    schedule = List.copyOf(schedule);
    classes = List.copyOf(classes);
  }

  /** A witness without its schedule and classes. */
  public Witness(List<WitnessStep> steps, int cycleClosedAt, List<String> threads, List<String> finalState) {
    this(steps, cycleClosedAt, threads, finalState, List.of(), List.of());
  }

  /** The empty witness of a verdict that has none. */
  public static Witness none() {
    return new Witness(List.of(), 0, List.of(), List.of(), List.of(), List.of());
  }
}
