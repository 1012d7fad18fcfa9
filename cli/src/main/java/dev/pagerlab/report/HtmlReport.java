package dev.pagerlab.report;

import dev.pagerlab.checker.CheckResult;
import dev.pagerlab.checker.MitigationSet;
import dev.pagerlab.checker.StaticChain;
import dev.pagerlab.checker.WaitEdge;
import dev.pagerlab.checker.Witness;
import dev.pagerlab.checker.WitnessStep;
import java.util.List;

/**
 * Writes {@code NAME.html}: the Markdown report's content as one self-contained page with the
 * stack picture inlined, the witness as a timeline and the scenario's YAML. Pure, no time in it.
 */
final class HtmlReport {
  private HtmlReport() {}

  /** The page for one result; {@code svg} is its picture, {@code yaml} the scenario text or null. */
  static String render(CheckResult r, String svg, String yaml) {
    String name = r.scenario().name();
    String file = Escape.fileName(name);
    StringBuilder b = new StringBuilder();
    b.append("<p><a href=\"index.html\">\u2190 all scenarios</a></p>\n");
    b.append("<h1>").append(Escape.xml(name)).append("</h1>\n");
    b.append("<blockquote>").append(Escape.xml(r.scenario().description().strip())).append("</blockquote>\n");
    b.append("<p>").append(HtmlPage.badge(r.verdict())).append(" <span class=\"")
        .append(r.meetsExpect() ? "meets" : "misses").append("\">").append(Escape.xml(ReportText.expectation(r)))
        .append("</span><br>Classes: ").append(Escape.xml(ReportText.classes(r))).append("<br>OS: ")
        .append(Escape.xml(r.scenario().os().word())).append(" · seed ").append(r.seed()).append("</p>\n");
    b.append("<figure><div class=\"picture\">").append(svg.strip())
        .append("</div>\n<figcaption>The layer stack; the wait-for cycle in red. ")
        .append("Open it <a href=\"").append(file).append(".svg\">full size (SVG)</a>; also as <a href=\"")
        .append(file).append(".dot\">DOT</a>, <a href=\"").append(file).append(".json\">JSON</a>, <a href=\"")
        .append(file).append(".md\">Markdown</a>.</figcaption></figure>\n");
    cycle(b, r);
    witness(b, r.witness());
    list(b, "Events", r.events());
    chains(b, r.staticChains());
    mitigations(b, r.mitigations());
    source(b, r.scenario().source());
    list(b, "Explored", ReportText.explored(r.explored()));
    if (yaml != null) {
      b.append("<h2>Scenario</h2>\n<pre class=\"yaml\">").append(Escape.xml(yaml)).append("</pre>\n");
    }
    return HtmlPage.page(name + " \u2014 " + r.verdict(), b.toString());
  }

  private static void cycle(StringBuilder b, CheckResult r) {
    b.append("<h2>Wait-for cycle</h2>\n");
    if (r.cycle().isEmpty()) {
      b.append("<p>").append(Escape.xml(ReportText.noCycle(r))).append("</p>\n");
      return;
    }
    b.append("<p class=\"chain mono\">").append(Escape.xml(ReportText.chain(r.cycle()))).append("</p>\n");
    b.append("<ol class=\"cycle\">\n");
    for (WaitEdge e : r.cycle()) {
      b.append("<li>").append(Escape.xml(e.sentence())).append("</li>\n");
    }
    b.append("</ol>\n");
  }

  private static void witness(StringBuilder b, Witness w) {
    if (w.steps().isEmpty()) {
      return;
    }
    b.append("<h2>Witness: shortest trace, ").append(w.steps().size()).append(" steps</h2>\n");
    timeline(b, w);
    b.append("<h2>What changed at each step</h2>\n");
    changes(b, w);
    list(b, "Final state", w.finalState());
  }

  /** The witness as a timeline, one column per thread. */
  private static void timeline(StringBuilder b, Witness w) {
    List<String> columns = ReportText.columns(w);
    b.append("<div class=\"scroll\"><table class=\"timeline\">\n<thead><tr><th>#</th>");
    columns.forEach(t -> b.append("<th class=\"mono\">").append(Escape.xml(t)).append("</th>"));
    b.append("</tr></thead>\n<tbody>\n");
    for (WitnessStep s : w.steps()) {
      b.append("<tr><td class=\"step\">").append(s.index()).append("</td>");
      for (String t : columns) {
        b.append(t.equals(s.thread())
            ? "<td class=\"moved\" title=\"" + Escape.xml(ReportText.changes(s)) + "\">" + Escape.xml(s.text()) + "</td>"
            : "<td></td>");
      }
      b.append("</tr>\n");
      if (s.index() == w.cycleClosedAt()) {
        b.append("<tr class=\"closed\"><td colspan=\"").append(columns.size() + 1).append("\">\u2193 ")
            .append(ReportText.CLOSED_MARKER).append("</td></tr>\n");
      }
    }
    b.append("</tbody></table></div>\n");
  }

  /** Only what changed at each step, marked where the cycle closed. */
  private static void changes(StringBuilder b, Witness w) {
    b.append("<ol class=\"changes\">\n");
    for (WitnessStep s : w.steps()) {
      b.append("<li><b class=\"mono\">").append(Escape.xml(s.thread())).append("</b> ").append(Escape.xml(s.text()))
          .append(": ").append(Escape.xml(ReportText.changes(s))).append("</li>\n");
      if (s.index() == w.cycleClosedAt()) {
        b.append("<li class=\"misses\" style=\"list-style: none\">\u2193 ").append(ReportText.CLOSED_MARKER)
            .append("</li>\n");
      }
    }
    b.append("</ol>\n");
  }

  private static void chains(StringBuilder b, List<StaticChain> chains) {
    if (chains.isEmpty()) {
      return;
    }
    b.append("<h2>Static chains</h2>\n<ul>\n");
    for (StaticChain c : chains) {
      b.append("<li>").append(c.reachable() ? "<b>reachable</b>" : "potential only").append(" (")
          .append(Escape.xml(ReportText.classWords(c.classes()))).append("): <span class=\"mono\">")
          .append(Escape.xml(c.text())).append("</span></li>\n");
    }
    b.append("</ul>\n");
  }

  private static void mitigations(StringBuilder b, List<MitigationSet> sets) {
    if (sets.isEmpty()) {
      return;
    }
    b.append("<h2>Smallest mitigation sets</h2>\n<ol>\n");
    sets.forEach(s -> b.append("<li>").append(Escape.xml(ReportText.mitigation(s))).append("</li>\n"));
    b.append("</ol>\n");
  }

  private static void source(StringBuilder b, String source) {
    b.append("<h2>Source</h2>\n<p>");
    b.append(source.isBlank() ? "not given" : linked(Escape.xml(source)));
    b.append("</p>\n");
  }

  /** Escaped text with every http(s) address in it made a link. */
  static String linked(String escaped) {
    return escaped.replaceAll("(https?://[^\\s<>\"&]+(?:&amp;[^\\s<>\"&]+)*)",
        "<a href=\"$1\" rel=\"noreferrer\">$1</a>");
  }

  private static void list(StringBuilder b, String heading, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    b.append("<h2>").append(Escape.xml(heading)).append("</h2>\n<ul>\n");
    lines.forEach(l -> b.append("<li>").append(Escape.xml(l)).append("</li>\n"));
    b.append("</ul>\n");
  }
}
