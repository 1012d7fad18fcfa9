package dev.pagerlab.checker.layering;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The dependency graph of a scenario's paging paths; nodes are unique by key, edges by pair. */
final class DependencyGraph {
  private final Map<String, Node> byKey = new HashMap<>();
  private final List<Node> nodes = new ArrayList<>();
  private final List<Map<Integer, Edge>> out = new ArrayList<>();

  /** The node with this key, if it exists. */
  Optional<Node> find(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  /** Adds a node; the caller checked that the key is new. */
  Node add(String key, String label, Optional<Context> owner, boolean userland) {
    Node node = new Node(nodes.size(), key, label, owner, userland);
    byKey.put(key, node);
    nodes.add(node);
    out.add(new LinkedHashMap<>());
    return node;
  }

  /** Adds an edge, or one more reason to an existing edge. */
  void edge(Node from, Node to, EdgeKind kind, String reason) {
    out.get(from.index()).computeIfAbsent(to.index(), i -> new Edge(from, to)).add(kind, reason);
  }

  /** The edge from one node to another, if any. */
  Optional<Edge> edge(int from, int to) {
    return Optional.ofNullable(out.get(from).get(to));
  }

  /** Outgoing edges of a node, in insertion order. */
  Collection<Edge> edgesFrom(int node) {
    return out.get(node).values();
  }

  /** All nodes in creation order. */
  List<Node> nodes() {
    return nodes;
  }

  /** Successor indices of every node, each list sorted ascending. */
  int[][] adjacency() {
    int[][] adjacency = new int[nodes.size()][];
    for (int i = 0; i < adjacency.length; i++) {
      adjacency[i] = out.get(i).keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
    }
    return adjacency;
  }
}
