package dev.pagerlab.checker;

import java.util.List;

/**
 * What a search explored.
 *
 * @param states distinct states stored
 * @param transitions transitions applied
 * @param depth the deepest breadth-first level reached
 * @param bound the bound that stopped the search, or {@code "none"} when it finished
 * @param millis wall time; the only field that differs between identical runs
 * @param reductions the state-space reductions used, in words
 */
public record Explored(long states, long transitions, int depth, String bound, long millis, List<String> reductions) {
  public Explored {
    reductions = List.copyOf(reductions);
  }

  /** Whether a bound stopped the search before it finished. */
  public boolean bounded() {
    return !"none".equals(bound);
  }
}
