package dev.pagerlab.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lays a stack picture out top to bottom with Eclipse ELK's layered algorithm, in process and
 * deterministically (fixed seed, nodes and edges added in the graph's stable order).
 */
final class ElkStackLayouter {
  /** Width of one character of a node title (bold 12px monospace). */
  static final double TITLE_CHAR = 7.4;
  /** Width of one character of a node's detail line and of edge labels (10px monospace). */
  static final double SMALL_CHAR = 6.1;
  /** Height of a node box. */
  static final double NODE_HEIGHT = 42;
  private static final double LABEL_HEIGHT = 14;
  private static final Logger LOG = LoggerFactory.getLogger(ElkStackLayouter.class);
  private static boolean registered;

  private ElkStackLayouter() {}

  /** Lays the graph out; should ELK fail, falls back to {@link FallbackStackLayouter}. */
  static StackLayout layout(StackGraph graph) {
    try {
      return layoutWithElk(graph);
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("ELK could not lay out the stack picture ({}); using the plain row layout", e.toString());
      return FallbackStackLayouter.layout(graph);
    }
  }

  /** Lays the graph out with ELK, throwing whatever ELK throws. */
  static StackLayout layoutWithElk(StackGraph graph) {
    register();
    ElkNode root = newRoot();
    Map<String, ElkNode> byId = new LinkedHashMap<>();
    for (StackGraph.Node n : graph.nodes()) {
      ElkNode node = ElkGraphUtil.createNode(root);
      node.setIdentifier(n.id());
      node.setDimensions(nodeWidth(n), NODE_HEIGHT);
      byId.put(n.id(), node);
    }
    Map<ElkEdge, StackGraph.Edge> edges = new LinkedHashMap<>();
    for (StackGraph.Edge e : graph.edges()) {
      edges.put(newEdge(byId.get(e.from()), byId.get(e.to()), e), e);
    }
    new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
    return collect(root, graph, byId, edges);
  }

  private static synchronized void register() {
    if (!registered) {
      LayoutMetaDataService.getInstance().registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
      registered = true;
    }
  }

  private static ElkNode newRoot() {
    ElkNode root = ElkGraphUtil.createGraph();
    root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    root.setProperty(CoreOptions.DIRECTION, Direction.DOWN);
    root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
    root.setProperty(CoreOptions.PADDING, new ElkPadding(20));
    root.setProperty(LayeredOptions.SPACING_NODE_NODE, 28.0);
    root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 44.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 16.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_EDGE, 12.0);
    root.setProperty(LayeredOptions.RANDOM_SEED, 1);
    return root;
  }

  private static ElkEdge newEdge(ElkNode from, ElkNode to, StackGraph.Edge e) {
    ElkEdge edge = ElkGraphUtil.createSimpleEdge(from, to);
    edge.setProperty(LayeredOptions.PRIORITY_DIRECTION, e.cycle() ? 0 : 10);
    ElkLabel label = ElkGraphUtil.createLabel(e.label(), edge);
    label.setDimensions(e.label().length() * SMALL_CHAR + 4, LABEL_HEIGHT);
    return edge;
  }

  /** The box width a node needs for its two lines of text. */
  static double nodeWidth(StackGraph.Node n) {
    return Math.max(n.title().length() * TITLE_CHAR, n.detail().length() * SMALL_CHAR) + 20;
  }

  private static StackLayout collect(ElkNode root, StackGraph graph, Map<String, ElkNode> byId,
      Map<ElkEdge, StackGraph.Edge> edges) {
    List<StackLayout.PlacedNode> placed = new ArrayList<>();
    for (StackGraph.Node n : graph.nodes()) {
      ElkNode node = byId.get(n.id());
      placed.add(new StackLayout.PlacedNode(n, node.getX(), node.getY(), node.getWidth(), node.getHeight()));
    }
    List<StackLayout.RoutedEdge> routed = new ArrayList<>();
    edges.forEach((edge, e) -> routed.add(route(edge, e)));
    return new StackLayout(root.getWidth(), root.getHeight(), placed, routed);
  }

  private static StackLayout.RoutedEdge route(ElkEdge edge, StackGraph.Edge e) {
    List<StackLayout.Point> points = new ArrayList<>();
    for (ElkEdgeSection s : edge.getSections()) {
      points.add(new StackLayout.Point(s.getStartX(), s.getStartY()));
      for (ElkBendPoint b : s.getBendPoints()) {
        points.add(new StackLayout.Point(b.getX(), b.getY()));
      }
      points.add(new StackLayout.Point(s.getEndX(), s.getEndY()));
    }
    ElkLabel label = edge.getLabels().get(0);
    return new StackLayout.RoutedEdge(e, points, label.getX(), label.getY(), label.getWidth(), label.getHeight());
  }
}
