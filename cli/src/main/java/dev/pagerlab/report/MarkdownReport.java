package dev.pagerlab.report;

import dev.pagerlab.checker.CheckResult;
import dev.pagerlab.checker.MitigationSet;
import dev.pagerlab.checker.StaticChain;
import dev.pagerlab.checker.WaitEdge;
import dev.pagerlab.checker.Witness;
import dev.pagerlab.checker.WitnessStep;
import java.util.List;

/**
 * Writes {@code NAME.md}, a lockdep-style explanation: verdict, the chain and its numbered
 * waits, the witness one column per thread and as changes only, static chains, mitigations,
 * source and what was explored. Pure and deterministic (no time in it).
 */
final class MarkdownReport {
  private MarkdownReport() {}

  /** The Markdown text of one result; {@code yaml} is the scenario file's text, or null. */
  static String render(CheckResult r, String yaml) {
    StringBuilder out = new StringBuilder();
    String name = r.scenario().name();
    out.append("# ").append(name).append("\n\n");
    out.append("> ").append(r.scenario().description().strip().replace("\n", "\n> ")).append("\n\n");
    out.append("**Verdict: ").append(r.verdict()).append("** (").append(ReportText.expectation(r)).append(")  \n");
    out.append("Classes: ").append(ReportText.classes(r)).append("  \n");
    out.append("OS: ").append(r.scenario().os().word()).append(" · seed ").append(r.seed()).append("\n\n");
    out.append("![layer stack of ").append(name).append("](").append(Escape.fileName(name)).append(".svg)\n\n");
    cycle(out, r);
    witness(out, r.witness());
    list(out, "Events", r.events());
    chains(out, r.staticChains());
    mitigations(out, r.mitigations());
    out.append("## Source\n\n").append(r.scenario().source().isBlank() ? "not given" : r.scenario().source())
        .append("\n\n");
    list(out, "Explored", ReportText.explored(r.explored()));
    if (yaml != null) {
      out.append("## Scenario\n\n~~~~yaml\n").append(yaml.endsWith("\n") ? yaml : yaml + "\n").append("~~~~\n");
    }
    return out.toString();
  }

  private static void cycle(StringBuilder out, CheckResult r) {
    out.append("## Wait-for cycle\n\n");
    if (r.cycle().isEmpty()) {
      out.append(ReportText.noCycle(r)).append("\n\n");
      return;
    }
    out.append("    ").append(ReportText.chain(r.cycle())).append("\n\n");
    int i = 1;
    for (WaitEdge e : r.cycle()) {
      out.append(i++).append(". ").append(e.sentence()).append('\n');
    }
    out.append('\n');
  }

  private static void witness(StringBuilder out, Witness w) {
    if (w.steps().isEmpty()) {
      return;
    }
    out.append("## Witness (shortest trace, ").append(w.steps().size()).append(" steps)\n\n");
    table(out, w);
    out.append("\n### What changed at each step\n\n");
    changes(out, w);
    list(out, "Final state", w.finalState());
  }

  /** The witness one column per thread, each step's text in its thread's column. */
  private static void table(StringBuilder out, Witness w) {
    List<String> columns = ReportText.columns(w);
    out.append("| step |");
    columns.forEach(t -> out.append(' ').append(Escape.markdownCell(t)).append(" |"));
    out.append("\n|---:|");
    columns.forEach(t -> out.append("---|"));
    out.append('\n');
    for (WitnessStep s : w.steps()) {
      out.append("| ").append(s.index()).append(" |");
      for (String t : columns) {
        out.append(t.equals(s.thread()) ? " " + Escape.markdownCell(s.text()) + " |" : " |");
      }
      out.append('\n');
      if (s.index() == w.cycleClosedAt()) {
        out.append("| \u2193 | *").append(ReportText.CLOSED_MARKER).append("* |");
        columns.stream().skip(1).forEach(t -> out.append(" |"));
        out.append('\n');
      }
    }
  }

  /** The witness as only what changed at each step, marked where the cycle closed. */
  private static void changes(StringBuilder out, Witness w) {
    for (WitnessStep s : w.steps()) {
      out.append(s.index()).append(". **").append(s.thread()).append("** ").append(s.text()).append(": ")
          .append(ReportText.changes(s)).append('\n');
      if (s.index() == w.cycleClosedAt()) {
        out.append("\n   **").append(ReportText.CLOSED_MARKER).append("**\n\n");
      }
    }
    out.append('\n');
  }

  private static void chains(StringBuilder out, List<StaticChain> chains) {
    if (chains.isEmpty()) {
      return;
    }
    out.append("## Static chains\n\n");
    for (StaticChain c : chains) {
      out.append("- ").append(c.reachable() ? "**reachable**" : "potential only").append(" (")
          .append(ReportText.classWords(c.classes())).append("): ").append(c.text()).append('\n');
    }
    out.append('\n');
  }

  private static void mitigations(StringBuilder out, List<MitigationSet> sets) {
    if (sets.isEmpty()) {
      return;
    }
    out.append("## Smallest mitigation sets\n\n");
    int i = 1;
    for (MitigationSet set : sets) {
      out.append(i++).append(". ").append(ReportText.mitigation(set)).append('\n');
    }
    out.append('\n');
  }

  private static void list(StringBuilder out, String heading, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    out.append("## ").append(heading).append("\n\n");
    lines.forEach(l -> out.append("- ").append(l).append('\n'));
    out.append('\n');
  }
}
