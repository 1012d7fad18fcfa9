package dev.pagerlab.report;

import java.util.List;

/**
 * A laid-out stack picture: every node with its box, every edge with its route, in the
 * coordinates of the whole picture.
 *
 * @param width picture width
 * @param height picture height
 * @param nodes the placed nodes
 * @param edges the routed edges
 */
record StackLayout(double width, double height, List<PlacedNode> nodes, List<RoutedEdge> edges) {

  /** A node and its box. */
  record PlacedNode(StackGraph.Node node, double x, double y, double width, double height) {}

  /** An edge, its route (at least two points) and its label's box. */
  record RoutedEdge(StackGraph.Edge edge, List<Point> route, double labelX, double labelY,
      double labelWidth, double labelHeight) {}

  /** A point of a route. */
  record Point(double x, double y) {}
}
