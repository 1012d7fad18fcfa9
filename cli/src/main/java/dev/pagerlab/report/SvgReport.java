package dev.pagerlab.report;

import dev.pagerlab.checker.CheckResult;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Draws the stack picture as a self-contained SVG (no scripts, no external fonts): boxes with
 * two lines of text, orthogonal edges with arrowheads, the wait-for cycle's edges red and bold
 * on top. Laid out by {@link ElkStackLayouter}; needs no Graphviz.
 */
final class SvgReport {
  private static final String FONT = "ui-monospace, Menlo, Consolas, 'DejaVu Sans Mono', monospace";
  private static final double HEADER = 30;
  private static final double FOOTER = 28;

  private SvgReport() {}

  /** The SVG text of a result's stack picture, laid out by ELK. */
  static String render(CheckResult result) {
    return draw(result, ElkStackLayouter.layout(StackGraph.of(result.scenario(), result.cycle())));
  }

  /** The SVG text of a result's stack picture with this layout. */
  static String draw(CheckResult result, StackLayout layout) {
    String id = Escape.fileName(result.scenario().name());
    String title = result.scenario().name() + " · " + result.verdict();
    double width = Math.max(layout.width(), Math.max(title.length() * ElkStackLayouter.TITLE_CHAR, 330) + 40);
    double height = layout.height() + HEADER + FOOTER;
    StringBuilder out = new StringBuilder();
    out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(num(width)).append("\" height=\"")
        .append(num(height)).append("\" viewBox=\"0 0 ").append(num(width)).append(' ').append(num(height))
        .append("\" font-family=\"").append(FONT).append("\" role=\"img\">\n");
    out.append("<title>").append(Escape.xml("Layer stack of " + title)).append("</title>\n");
    defs(out, id);
    out.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    out.append("<text x=\"20\" y=\"21\" font-size=\"13\" font-weight=\"bold\" fill=\"#222\">")
        .append(Escape.xml(title)).append("</text>\n");
    out.append("<g transform=\"translate(0,").append(num(HEADER)).append(")\">\n");
    layout.edges().stream().filter(e -> !e.edge().cycle()).forEach(e -> edge(out, e, id));
    layout.nodes().forEach(n -> node(out, n));
    layout.edges().stream().filter(e -> e.edge().cycle()).forEach(e -> edge(out, e, id));
    out.append("</g>\n");
    legend(out, height - 10);
    return out.append("</svg>\n").toString();
  }

  private static void defs(StringBuilder out, String id) {
    out.append("<defs>\n");
    marker(out, "arrow-" + id, Palette.EDGE);
    marker(out, "arrow-cycle-" + id, Palette.CYCLE);
    out.append("</defs>\n");
  }

  private static void marker(StringBuilder out, String id, String colour) {
    out.append("<marker id=\"").append(Escape.xml(id)).append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\"")
        .append(" markerWidth=\"9\" markerHeight=\"9\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">")
        .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"").append(colour).append("\"/></marker>\n");
  }

  private static void node(StringBuilder out, StackLayout.PlacedNode n) {
    StackGraph.Node node = n.node();
    double cx = n.x() + n.width() / 2;
    out.append("<g class=\"node\" data-id=\"").append(Escape.xml(node.id())).append("\">")
        .append("<rect x=\"").append(num(n.x())).append("\" y=\"").append(num(n.y()))
        .append("\" width=\"").append(num(n.width())).append("\" height=\"").append(num(n.height()))
        .append("\" rx=\"7\" fill=\"").append(Palette.fill(node.kind())).append("\" stroke=\"")
        .append(Palette.stroke(node.kind())).append("\" stroke-width=\"1.4\"/>");
    text(out, cx, n.y() + 18, "12", "bold", "#1d1d1d", node.title());
    text(out, cx, n.y() + 33, "10", "normal", "#444", node.detail());
    out.append("</g>\n");
  }

  private static void text(StringBuilder out, double x, double y, String size, String weight, String colour,
      String text) {
    out.append("<text x=\"").append(num(x)).append("\" y=\"").append(num(y))
        .append("\" text-anchor=\"middle\" font-size=\"").append(size).append("\" font-weight=\"").append(weight)
        .append("\" fill=\"").append(colour).append("\">").append(Escape.xml(text)).append("</text>");
  }

  private static void edge(StringBuilder out, StackLayout.RoutedEdge e, String id) {
    if (e.route().size() < 2) {
      return;
    }
    boolean cycle = e.edge().cycle();
    String colour = cycle ? Palette.CYCLE : Palette.EDGE;
    String points = e.route().stream().map(p -> num(p.x()) + "," + num(p.y())).collect(Collectors.joining(" "));
    out.append("<g class=\"").append(cycle ? "edge cycle" : "edge").append("\"><polyline points=\"").append(points)
        .append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"").append(cycle ? "2.8" : "1.3")
        .append("\" marker-end=\"url(#").append(Escape.xml((cycle ? "arrow-cycle-" : "arrow-") + id)).append(")\"/>");
    out.append("<rect x=\"").append(num(e.labelX())).append("\" y=\"").append(num(e.labelY()))
        .append("\" width=\"").append(num(e.labelWidth())).append("\" height=\"").append(num(e.labelHeight()))
        .append("\" fill=\"#ffffff\" fill-opacity=\"0.85\"/>");
    out.append("<text x=\"").append(num(e.labelX() + 2)).append("\" y=\"").append(num(e.labelY() + 11))
        .append("\" font-size=\"10\" fill=\"").append(colour).append(cycle ? "\" font-weight=\"bold\">" : "\">")
        .append(Escape.xml(e.edge().label())).append("</text></g>\n");
  }

  private static void legend(StringBuilder out, double y) {
    out.append("<g class=\"legend\" font-size=\"10\" fill=\"#444\">");
    out.append("<line x1=\"20\" y1=\"").append(num(y - 4)).append("\" x2=\"44\" y2=\"").append(num(y - 4))
        .append("\" stroke=\"").append(Palette.CYCLE).append("\" stroke-width=\"2.8\"/>");
    out.append("<text x=\"50\" y=\"").append(num(y)).append("\">wait-for cycle</text>");
    out.append("<line x1=\"150\" y1=\"").append(num(y - 4)).append("\" x2=\"174\" y2=\"").append(num(y - 4))
        .append("\" stroke=\"").append(Palette.EDGE).append("\" stroke-width=\"1.3\"/>");
    out.append("<text x=\"180\" y=\"").append(num(y)).append("\">stack structure</text></g>\n");
  }

  /** A coordinate with one decimal, locale-independent. */
  static String num(double v) {
    String s = String.format(Locale.ROOT, "%.1f", v);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
