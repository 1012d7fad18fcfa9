package dev.pagerlab.checker.layering;

import dev.pagerlab.checker.DeadlockClass;
import dev.pagerlab.checker.StaticChain;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Turns a cycle of node indices into a lockdep-style {@link StaticChain}; pure. */
final class ChainFormatter {
  private ChainFormatter() {}

  /**
   * The chain for a cycle (first node not repeated), marked not reachable; it starts at the
   * cycle's first thread node (pageout when it is on the cycle), else at its first node.
   */
  static StaticChain chain(DependencyGraph graph, int[] found) {
    int[] cycle = rotate(graph, found);
    List<String> labels = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    for (int i = 0; i < cycle.length; i++) {
      labels.add(graph.nodes().get(cycle[i]).label());
      edges.add(graph.edge(cycle[i], cycle[(i + 1) % cycle.length]).orElseThrow());
    }
    labels.add(labels.get(0));
    return new StaticChain(labels, List.copyOf(classes(edges)), false, text(labels, edges));
  }

  /** One chain for two that read the same: the first's text, the union of their classes. */
  static StaticChain merge(StaticChain first, StaticChain second) {
    Set<DeadlockClass> classes = EnumSet.noneOf(DeadlockClass.class);
    classes.addAll(first.classes());
    classes.addAll(second.classes());
    return new StaticChain(first.nodes(), List.copyOf(classes), false, first.text());
  }

  private static int[] rotate(DependencyGraph graph, int[] cycle) {
    int first = 0;
    for (int i = 1; i < cycle.length; i++) {
      if (rank(graph.nodes().get(cycle[i])) < rank(graph.nodes().get(cycle[first]))) {
        first = i;
      }
    }
    int[] rotated = new int[cycle.length];
    for (int i = 0; i < cycle.length; i++) {
      rotated[i] = cycle[(first + i) % cycle.length];
    }
    return rotated;
  }

  /** Thread nodes first, then creation order. */
  private static long rank(Node node) {
    return (node.owner().isPresent() ? 0L : 1L << 32) + node.index();
  }

  /** The classes of a set of edges that form a cycle: edge kinds plus userland nodes. */
  static Set<DeadlockClass> classes(Iterable<Edge> edges) {
    Set<DeadlockClass> classes = EnumSet.noneOf(DeadlockClass.class);
    for (Edge e : edges) {
      e.kinds().forEach(k -> k.deadlockClass().ifPresent(classes::add));
      if (e.from().userland() || e.to().userland()) {
        classes.add(DeadlockClass.USERLAND_DEPENDENCY);
      }
    }
    return classes;
  }

  private static String text(List<String> labels, List<Edge> edges) {
    StringBuilder text = new StringBuilder("Chain exists of:\n  ").append(String.join(" --> ", labels));
    for (Edge e : edges) {
      text.append("\n  ").append(e.line());
    }
    return text.toString();
  }
}
