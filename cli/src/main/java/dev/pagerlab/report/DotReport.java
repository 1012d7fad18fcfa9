package dev.pagerlab.report;

import dev.pagerlab.checker.CheckResult;

/** Writes the stack picture as a Graphviz DOT graph, cycle edges red and bold. Pure. */
final class DotReport {
  private DotReport() {}

  /** The DOT text of a result's stack picture. */
  static String render(CheckResult result) {
    StackGraph graph = StackGraph.of(result.scenario(), result.cycle());
    StringBuilder out = new StringBuilder();
    out.append("digraph ").append(Escape.dot(result.scenario().name())).append(" {\n");
    out.append("  rankdir=TB;\n  labelloc=t;\n");
    out.append("  label=").append(Escape.dot(result.scenario().name() + ": " + result.verdict())).append(";\n");
    out.append("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=11];\n");
    out.append("  edge [fontname=\"Helvetica\", fontsize=9, color=\"").append(Palette.EDGE).append("\"];\n");
    for (StackGraph.Node n : graph.nodes()) {
      out.append("  ").append(Escape.dot(n.id())).append(" [label=").append(Escape.dot(n.title() + "\n" + n.detail()))
          .append(", fillcolor=\"").append(Palette.fill(n.kind())).append("\", color=\"")
          .append(Palette.stroke(n.kind())).append("\"];\n");
    }
    for (StackGraph.Edge e : graph.edges()) {
      out.append("  ").append(Escape.dot(e.from())).append(" -> ").append(Escape.dot(e.to()))
          .append(" [label=").append(Escape.dot(e.label()));
      if (e.cycle()) {
        out.append(", color=\"").append(Palette.CYCLE).append("\", fontcolor=\"").append(Palette.CYCLE)
            .append("\", style=bold, penwidth=2.5, constraint=false");
      }
      out.append("];\n");
    }
    return out.append("}\n").toString();
  }
}
