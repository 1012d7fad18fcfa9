package dev.pagerlab.checker.layering;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A dependency "from waits on, or needs, to", with every reason found for it. */
final class Edge {
  private final Node from;
  private final Node to;
  private final Set<EdgeKind> kinds = EnumSet.noneOf(EdgeKind.class);
  private final List<String> reasons = new ArrayList<>();
  private String line;

  Edge(Node from, Node to) {
    this.from = from;
    this.to = to;
  }

  /** Adds one more reason (and its kind) for this edge; duplicates are ignored. */
  void add(EdgeKind kind, String reason) {
    kinds.add(kind);
    if (!reasons.contains(reason)) {
      reasons.add(reason);
      line = null;
    }
  }

  Node from() {
    return from;
  }

  Node to() {
    return to;
  }

  Set<EdgeKind> kinds() {
    return kinds;
  }

  /** All reasons joined with "; ". */
  String reason() {
    return String.join("; ", reasons);
  }

  /** "A --> B: reasons", the edge's line in a chain's text; cached once the graph is built. */
  String line() {
    if (line == null) {
      line = from.label() + " --> " + to.label() + ": " + reason();
    }
    return line;
  }
}
