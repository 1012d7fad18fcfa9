package dev.pagerlab.checker.layering;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/** Tarjan's strongly connected components: an edge lies on some elementary cycle iff both ends share one. */
final class Components {
  private final int[][] adjacency;
  private final int[] index;
  private final int[] low;
  private final int[] component;
  private final boolean[] onStack;
  private final Deque<Integer> stack = new ArrayDeque<>();
  private int counter;
  private int components;

  private Components(int[][] adjacency) {
    this.adjacency = adjacency;
    int n = adjacency.length;
    index = new int[n];
    low = new int[n];
    component = new int[n];
    onStack = new boolean[n];
    Arrays.fill(index, -1);
  }

  /** The component id of every node. */
  static int[] of(int[][] adjacency) {
    Components c = new Components(adjacency);
    for (int v = 0; v < adjacency.length; v++) {
      if (c.index[v] < 0) {
        c.visit(v);
      }
    }
    return c.component;
  }

  private void visit(int v) {
    index[v] = counter;
    low[v] = counter++;
    stack.push(v);
    onStack[v] = true;
    for (int w : adjacency[v]) {
      if (index[w] < 0) {
        visit(w);
        low[v] = Math.min(low[v], low[w]);
      } else if (onStack[w]) {
        low[v] = Math.min(low[v], index[w]);
      }
    }
    if (low[v] == index[v]) {
      int w;
      do {
        w = stack.pop();
        onStack[w] = false;
        component[w] = components;
      } while (w != v);
      components++;
    }
  }
}
