package dev.pagerlab.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain rows-by-depth layout used only if ELK fails on a graph, so no report is ever
 * without its picture: each node sits in the row of its breadth-first depth from the nodes
 * nothing points at, edges are straight lines. Pure and deterministic.
 */
final class FallbackStackLayouter {
  private static final double PAD = 20;
  private static final double GAP_X = 28;
  private static final double GAP_Y = 64;

  private FallbackStackLayouter() {}

  /** Lays the graph out in rows. */
  static StackLayout layout(StackGraph graph) {
    Map<String, Integer> depth = depths(graph);
    Map<String, StackLayout.PlacedNode> placed = new HashMap<>();
    Map<Integer, Double> rowEnd = new HashMap<>();
    List<StackLayout.PlacedNode> nodes = new ArrayList<>();
    double width = 0;
    double height = 0;
    for (StackGraph.Node n : graph.nodes()) {
      int row = depth.get(n.id());
      double x = rowEnd.getOrDefault(row, PAD);
      double y = PAD + row * (ElkStackLayouter.NODE_HEIGHT + GAP_Y);
      StackLayout.PlacedNode p = new StackLayout.PlacedNode(n, x, y, ElkStackLayouter.nodeWidth(n),
          ElkStackLayouter.NODE_HEIGHT);
      rowEnd.put(row, x + p.width() + GAP_X);
      placed.put(n.id(), p);
      nodes.add(p);
      width = Math.max(width, x + p.width() + PAD);
      height = Math.max(height, y + p.height() + PAD);
    }
    List<StackLayout.RoutedEdge> edges = new ArrayList<>();
    for (StackGraph.Edge e : graph.edges()) {
      edges.add(route(e, placed.get(e.from()), placed.get(e.to())));
    }
    return new StackLayout(width, height, nodes, edges);
  }

  /** Breadth-first depth over structural edges from every node with no structural edge in. */
  private static Map<String, Integer> depths(StackGraph graph) {
    Map<String, Integer> depth = new HashMap<>();
    Deque<String> queue = new ArrayDeque<>();
    for (StackGraph.Node n : graph.nodes()) {
      boolean root = graph.edges().stream().noneMatch(e -> !e.cycle() && e.to().equals(n.id()));
      if (root) {
        depth.put(n.id(), 0);
        queue.add(n.id());
      }
    }
    while (!queue.isEmpty()) {
      String id = queue.remove();
      for (StackGraph.Edge e : graph.edges()) {
        if (!e.cycle() && e.from().equals(id) && !depth.containsKey(e.to())) {
          depth.put(e.to(), depth.get(id) + 1);
          queue.add(e.to());
        }
      }
    }
    graph.nodes().forEach(n -> depth.putIfAbsent(n.id(), 0));
    return depth;
  }

  private static StackLayout.RoutedEdge route(StackGraph.Edge e, StackLayout.PlacedNode from, StackLayout.PlacedNode to) {
    double fx = from.x() + from.width() / 2;
    double tx = to.x() + to.width() / 2;
    boolean down = to.y() > from.y();
    double fy = down ? from.y() + from.height() : from.y();
    double ty = down ? to.y() : to.y() + to.height();
    List<StackLayout.Point> route = from == to
        ? List.of(new StackLayout.Point(fx - 10, from.y() + from.height()),
            new StackLayout.Point(fx - 10, from.y() + from.height() + 16),
            new StackLayout.Point(fx + 10, from.y() + from.height() + 16),
            new StackLayout.Point(fx + 10, from.y() + from.height()))
        : List.of(new StackLayout.Point(fx, fy), new StackLayout.Point(tx, ty));
    double labelWidth = e.label().length() * ElkStackLayouter.SMALL_CHAR + 4;
    return new StackLayout.RoutedEdge(e, route, (fx + tx) / 2 - labelWidth / 2, (fy + ty) / 2 - 7, labelWidth, 14);
  }
}
