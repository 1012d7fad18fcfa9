package dev.pagerlab.checker.explore;

import dev.pagerlab.checker.DeadlockClass;
import dev.pagerlab.vmcore.BlockReason;
import dev.pagerlab.vmcore.VmModel;
import dev.pagerlab.vmcore.WaitFor;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The wait-for graph of one state: its strongly connected components, the classes of every
 * edge and node on some cycle, and one concrete cycle to show. Pure.
 *
 * @param waits every blocked thread and whom it waits on
 * @param classes the union of the classes of every cycle (empty: no cycle)
 * @param cycle one cycle, as the waits along it in order (empty: none)
 */
public record CycleAnalysis(List<WaitFor> waits, Set<DeadlockClass> classes, List<WaitFor> cycle) {

  /** Whether the graph has a cycle. */
  public boolean hasCycle() {
    return !cycle.isEmpty();
  }

  /** Analyses the wait-for graph of the given waits. */
  public static CycleAnalysis of(VmModel model, List<WaitFor> waits) {
    int n = model.threads();
    WaitFor[] byThread = new WaitFor[n];
    for (WaitFor w : waits) {
      byThread[w.thread()] = w;
    }
    int[] comp = tarjan(n, byThread);
    int[] compSize = new int[n];
    for (int t = 0; t < n; t++) {
      if (byThread[t] != null) {
        compSize[comp[t]]++;
      }
    }
    Set<DeadlockClass> classes = EnumSet.noneOf(DeadlockClass.class);
    int start = -1;
    for (WaitFor w : waits) {
      for (int to : w.on()) {
        boolean onCycle = byThread[to] != null && comp[to] == comp[w.thread()]
            && (compSize[comp[to]] > 1 || to == w.thread());
        if (!onCycle) {
          continue;
        }
        if (start < 0) {
          start = w.thread();
        }
        classes.addAll(edgeClasses(model, w));
      }
    }
    List<WaitFor> cycle = start < 0 ? List.of() : cycleFrom(start, byThread, comp);
    return new CycleAnalysis(List.copyOf(waits), classes, cycle);
  }

  /**
   * Every elementary cycle of the wait-for graph, each as the sorted set of its threads' owners
   * (pageout, process names, layer ids): what the static chains are matched against.
   */
  public static java.util.Set<java.util.List<String>> ownerCycles(VmModel model, List<WaitFor> waits) {
    int n = model.threads();
    WaitFor[] byThread = new WaitFor[n];
    for (WaitFor w : waits) {
      byThread[w.thread()] = w;
    }
    java.util.Set<java.util.List<String>> out = new java.util.TreeSet<>(java.util.Comparator.comparing(Object::toString));
    int[] path = new int[n];
    boolean[] on = new boolean[n];
    for (int start = 0; start < n; start++) {
      if (byThread[start] != null) {
        elementary(model, byThread, start, start, path, 0, on, out);
      }
    }
    return out;
  }

  private static void elementary(VmModel model, WaitFor[] byThread, int start, int v, int[] path, int depth,
      boolean[] on, java.util.Set<java.util.List<String>> out) {
    if (out.size() >= 64) {
      return;
    }
    path[depth] = v;
    on[v] = true;
    for (int w : byThread[v].on()) {
      if (w == start) {
        java.util.TreeSet<String> owners = new java.util.TreeSet<>();
        for (int i = 0; i <= depth; i++) {
          owners.add(model.threadOwner(path[i]));
        }
        out.add(List.copyOf(owners));
      } else if (w > start && !on[w] && byThread[w] != null) {
        elementary(model, byThread, start, w, path, depth + 1, on, out);
      }
    }
    on[v] = false;
  }

  /** The classes one edge contributes: its reason, and whether its waiter serves requests. */
  static Set<DeadlockClass> edgeClasses(VmModel model, WaitFor w) {
    Set<DeadlockClass> c = EnumSet.noneOf(DeadlockClass.class);
    if (w.reason() == BlockReason.FRAME) {
      c.add(DeadlockClass.LOW_MEMORY);
    } else if (w.reason() == BlockReason.PAGE_IN_FLIGHT) {
      c.add(DeadlockClass.PAGING_RECURSION);
    } else if (w.reason() == BlockReason.LOCK) {
      c.add(DeadlockClass.LOCK_ORDER);
    }
    if (model.isServerThread(w.thread())) {
      c.add(DeadlockClass.USERLAND_DEPENDENCY);
    }
    return c;
  }

  private static List<WaitFor> cycleFrom(int start, WaitFor[] byThread, int[] comp) {
    // Walk inside the component until a thread repeats, then cut the loop out.
    List<WaitFor> walk = new ArrayList<>();
    int[] seenAt = new int[byThread.length];
    java.util.Arrays.fill(seenAt, -1);
    int t = start;
    while (seenAt[t] < 0) {
      seenAt[t] = walk.size();
      WaitFor w = byThread[t];
      walk.add(w);
      int next = -1;
      for (int to : w.on()) {
        if (byThread[to] != null && comp[to] == comp[t]) {
          next = to;
          break;
        }
      }
      t = next;
    }
    return List.copyOf(walk.subList(seenAt[t], walk.size()));
  }

  private static int[] tarjan(int n, WaitFor[] byThread) {
    int[] index = new int[n];
    int[] low = new int[n];
    int[] comp = new int[n];
    boolean[] onStack = new boolean[n];
    java.util.Arrays.fill(index, -1);
    int[] stack = new int[n];
    int[] sp = {0};
    int[] counter = {0};
    int[] comps = {0};
    for (int v = 0; v < n; v++) {
      if (index[v] < 0) {
        strongConnect(v, byThread, index, low, comp, onStack, stack, sp, counter, comps);
      }
    }
    return comp;
  }

  private static void strongConnect(int v, WaitFor[] byThread, int[] index, int[] low, int[] comp,
      boolean[] onStack, int[] stack, int[] sp, int[] counter, int[] comps) {
    index[v] = low[v] = counter[0]++;
    stack[sp[0]++] = v;
    onStack[v] = true;
    if (byThread[v] != null) {
      for (int w : byThread[v].on()) {
        if (index[w] < 0) {
          strongConnect(w, byThread, index, low, comp, onStack, stack, sp, counter, comps);
          low[v] = Math.min(low[v], low[w]);
        } else if (onStack[w]) {
          low[v] = Math.min(low[v], index[w]);
        }
      }
    }
    if (low[v] == index[v]) {
      int w;
      do {
        w = stack[--sp[0]];
        onStack[w] = false;
        comp[w] = comps[0];
      } while (w != v);
      comps[0]++;
    }
  }
}
