package dev.pagerlab.checker.explore;

import dev.pagerlab.checker.DeadlockClass;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * What one breadth-first search found, with the parent links that rebuild shortest paths.
 *
 * @param states distinct states stored
 * @param transitions transitions applied
 * @param depth deepest level reached
 * @param bound {@code "none"} when the search finished, else the limit that stopped it
 * @param millis wall time
 * @param deadlockState id of the first (shallowest) stuck state with a wait-for cycle, or -1
 * @param exhaustedState id of the first stuck state without a cycle, or -1
 * @param dataLossState id of the first state that lost a dirty page, or -1
 * @param classes union of the classes of every cycle of every stuck state reached
 * @param deadlockStates how many stuck states with a cycle were reached
 * @param ownerCycles every distinct elementary cycle seen at a stuck state, as sorted owner names
 * @param parent parent id of each state (-1 for the start)
 * @param choice index of the transition, in the parent's enabled list, that led to each state
 */
public record Exploration(long states, long transitions, int depth, String bound, long millis,
    int deadlockState, int exhaustedState, int dataLossState, Set<DeadlockClass> classes, long deadlockStates,
    Set<List<String>> ownerCycles,
    int[] parent, int[] choice) {

  /** Whether a bound stopped the search before it finished. */
  public boolean bounded() {
    return !"none".equals(bound);
  }

  /** The choices that lead from the start to state {@code id}, in order. */
  public List<Integer> pathTo(int id) {
    List<Integer> path = new ArrayList<>();
    for (int s = id; parent[s] >= 0; s = parent[s]) {
      path.add(choice[s]);
    }
    Collections.reverse(path);
    return path;
  }
}
