package dev.pagerlab.report;

import dev.pagerlab.checker.CheckResult;
import dev.pagerlab.checker.DeadlockClass;
import dev.pagerlab.checker.Explored;
import dev.pagerlab.checker.MitigationSet;
import dev.pagerlab.checker.WaitEdge;
import dev.pagerlab.checker.Witness;
import dev.pagerlab.checker.WitnessStep;
import dev.pagerlab.vmcore.spec.Expect;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The sentences a human report is made of, shared by the Markdown and HTML writers. Pure. */
final class ReportText {
  /** The marker placed after the step at which the cycle closed while other threads ran on. */
  static final String CLOSED_MARKER = "from here the cycle is closed while other threads still run";

  private ReportText() {}

  /** "deadlock", with the expectation: "expected deadlock: met" or "expected safe: NOT met". */
  static String expectation(CheckResult r) {
    return r.expect().map(Expect::word)
        .map(w -> "expected " + w + ": " + (r.meetsExpect() ? "met" : "NOT met"))
        .orElse("no expectation given");
  }

  /** The classes in words, or "none", marked when a bound may have hidden more. */
  static String classes(CheckResult r) {
    if (r.classes().isEmpty()) {
      return "none";
    }
    String words = classWords(r.classes());
    return r.classesComplete() ? words : words + " (search bounded: more classes may exist)";
  }

  /** Class words joined by commas. */
  static String classWords(List<DeadlockClass> classes) {
    return classes.stream().map(DeadlockClass::word).collect(Collectors.joining(", "));
  }

  /** lockdep's line, "Chain exists of: A --> B --> A", from the cycle's edges in order. */
  static String chain(List<WaitEdge> cycle) {
    List<String> nodes = new ArrayList<>();
    for (WaitEdge e : cycle) {
      if (nodes.isEmpty() || !nodes.get(nodes.size() - 1).equals(e.from())) {
        nodes.add(e.from());
      }
      nodes.add(e.to());
    }
    return "Chain exists of: " + String.join(" --> ", nodes);
  }

  /** What to say instead of a cycle when there is none. */
  static String noCycle(CheckResult r) {
    return switch (r.verdict()) {
      case "safe" -> "No wait-for cycle: every reachable state was explored and none is stuck.";
      case "safe-up-to-bound" -> "No wait-for cycle within the bound (" + r.explored().bound()
          + "): no stuck state was reached before the search stopped.";
      case "exhausted" -> "No wait-for cycle: stuck states are reachable, but every wait ends at a swap slot"
          + " no one can supply (out of memory, not a deadlock).";
      case "data-loss" -> "A reachable state lost a dirty page; see the witness and events.";
      default -> "No wait-for cycle was reported.";
    };
  }

  /** The threads as witness columns: the witness's own list, then any thread only a step names. */
  static List<String> columns(Witness w) {
    List<String> threads = new ArrayList<>(w.threads());
    for (WitnessStep s : w.steps()) {
      if (!threads.contains(s.thread())) {
        threads.add(s.thread());
      }
    }
    return threads;
  }

  /** The changes of one step, or "no visible change". */
  static String changes(WitnessStep s) {
    return s.changes().isEmpty() ? "no visible change" : String.join("; ", s.changes());
  }

  /** One mitigation set as a sentence with what verified it. */
  static String mitigation(MitigationSet set) {
    String changes = set.mitigations().stream().map(m -> m.text()).collect(Collectors.joining("; "));
    return changes + " \u2192 " + set.verdict() + " (verified over " + set.states() + " states)";
  }

  /** What was explored, without the time (which lives in explored.millis only). */
  static List<String> explored(Explored x) {
    List<String> lines = new ArrayList<>();
    lines.add("states: " + x.states());
    lines.add("transitions: " + x.transitions());
    lines.add("depth: " + x.depth());
    lines.add("bound: " + x.bound() + (x.bounded() ? " (the search stopped here)" : " (the search finished)"));
    lines.add("reductions: " + (x.reductions().isEmpty() ? "none" : String.join(", ", x.reductions())));
    return lines;
  }

  /** The OS word in upper case for a heading, e.g. XNU. */
  static String os(CheckResult r) {
    return r.scenario().os().word().toUpperCase(Locale.ROOT);
  }
}
