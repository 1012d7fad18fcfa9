package dev.pagerlab.checker.layering;

import java.util.Locale;

/**
 * Renders the dependency graph as Graphviz DOT text (no I/O): nodes on some cycle are drawn
 * bold, and edges are coloured by kind: frame red, page-in blue, lock purple, plain black.
 */
final class DotWriter {
  private DotWriter() {}

  /** The graph as a DOT digraph named after the scenario; deterministic. */
  static String dot(String name, DependencyGraph graph) {
    int[][] adjacency = graph.adjacency();
    boolean[] onCycle = onCycle(adjacency);
    StringBuilder dot = new StringBuilder("digraph \"").append(escape(name)).append("\" {\n  rankdir=LR;\n");
    for (Node n : graph.nodes()) {
      dot.append(String.format(Locale.ROOT, "  n%d [label=\"%s\"%s];%n", n.index(), escape(n.label()),
          onCycle[n.index()] ? ", style=bold" : ", color=gray"));
    }
    for (int from = 0; from < adjacency.length; from++) {
      for (int to : adjacency[from]) {
        Edge e = graph.edge(from, to).orElseThrow();
        dot.append(String.format(Locale.ROOT, "  n%d -> n%d [color=%s, tooltip=\"%s\"];%n", from, to, colour(e),
            escape(e.reason())));
      }
    }
    return dot.append("}\n").toString();
  }

  /** Which nodes lie on some cycle: the ends of every edge inside a strongly connected component. */
  private static boolean[] onCycle(int[][] adjacency) {
    int[] component = Components.of(adjacency);
    boolean[] onCycle = new boolean[adjacency.length];
    for (int from = 0; from < adjacency.length; from++) {
      for (int to : adjacency[from]) {
        if (component[from] == component[to]) {
          onCycle[from] = true;
          onCycle[to] = true;
        }
      }
    }
    return onCycle;
  }

  private static String colour(Edge e) {
    if (e.kinds().contains(EdgeKind.LOCK)) {
      return "purple";
    }
    if (e.kinds().contains(EdgeKind.FRAME)) {
      return "red";
    }
    if (e.kinds().contains(EdgeKind.PAGE_IN) || e.kinds().contains(EdgeKind.PAGE_IN_FLIGHT)) {
      return "blue";
    }
    return "black";
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
