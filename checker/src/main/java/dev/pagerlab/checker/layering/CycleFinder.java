package dev.pagerlab.checker.layering;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Johnson's algorithm for the elementary cycles of a directed graph: each cycle exactly once,
 * starting at its lowest node index, in a deterministic order; stops after {@code limit} cycles.
 */
final class CycleFinder {
  private final int[][] adjacency;
  private final int limit;
  private final List<int[]> cycles = new ArrayList<>();
  private final Deque<Integer> stack = new ArrayDeque<>();
  private final boolean[] blocked;
  private final List<Set<Integer>> blockers = new ArrayList<>();
  private int start;

  private CycleFinder(int[][] adjacency, int limit) {
    this.adjacency = adjacency;
    this.limit = limit;
    this.blocked = new boolean[adjacency.length];
    for (int i = 0; i < adjacency.length; i++) {
      blockers.add(new HashSet<>());
    }
  }

  /** Every elementary cycle (node indices, first node not repeated), at most {@code limit}. */
  static List<int[]> elementaryCycles(int[][] adjacency, int limit) {
    CycleFinder finder = new CycleFinder(adjacency, limit);
    for (finder.start = 0; finder.start < adjacency.length && !finder.full(); finder.start++) {
      Arrays.fill(finder.blocked, false);
      finder.blockers.forEach(Set::clear);
      finder.circuit(finder.start);
    }
    return finder.cycles;
  }

  private boolean full() {
    return cycles.size() >= limit;
  }

  private boolean circuit(int v) {
    boolean found = false;
    stack.addLast(v);
    blocked[v] = true;
    for (int w : adjacency[v]) {
      if (w < start || full()) {
        continue;
      }
      if (w == start) {
        cycles.add(stack.stream().mapToInt(Integer::intValue).toArray());
        found = true;
      } else if (!blocked[w] && circuit(w)) {
        found = true;
      }
    }
    if (found) {
      unblock(v);
    } else {
      for (int w : adjacency[v]) {
        if (w >= start) {
          blockers.get(w).add(v);
        }
      }
    }
    stack.removeLast();
    return found;
  }

  private void unblock(int v) {
    blocked[v] = false;
    Set<Integer> waiting = blockers.get(v);
    Integer[] copy = waiting.toArray(new Integer[0]);
    waiting.clear();
    for (int u : copy) {
      if (blocked[u]) {
        unblock(u);
      }
    }
  }
}
