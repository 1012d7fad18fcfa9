package dev.pagerlab.checker;

import dev.pagerlab.checker.explore.BreadthFirstExplorer;
import dev.pagerlab.checker.explore.CycleAnalysis;
import dev.pagerlab.checker.explore.Exploration;
import dev.pagerlab.vmcore.VmModel;
import dev.pagerlab.vmcore.VmState;
import dev.pagerlab.vmcore.VmTransition;
import dev.pagerlab.vmcore.WaitFor;
import dev.pagerlab.vmcore.spec.Scenario;
import java.util.ArrayList;
import java.util.List;

/** Decides a scenario's verdict per SCENARIOS.md section 3 and explains it. */
public final class Checker {
  private Checker() {}

  /** Checks one scenario: explores it, builds the witness and cycle, and finds mitigations. */
  public static CheckResult check(Scenario scenario, CheckOptions options) {
    VmModel model = VmModel.of(scenario);
    Exploration ex = new BreadthFirstExplorer(options.bounds(), options.progress()).explore(model);
    String verdict = verdictOf(ex);
    int target = ex.dataLossState() >= 0 ? ex.dataLossState()
        : ex.deadlockState() >= 0 ? ex.deadlockState() : ex.exhaustedState();
    Witness witness = Witness.none();
    List<WaitEdge> cycle = List.of();
    List<String> events = new ArrayList<>();
    List<Integer> searched = null;
    if (ex.deadlockState() < 0 && ex.dataLossState() < 0 && ex.bounded()) {
      searched = RandomDeadlockSearch.search(model, options.seed(), events);
      if (searched != null) {
        verdict = "deadlock";
      }
    }
    java.util.Set<DeadlockClass> found = java.util.EnumSet.noneOf(DeadlockClass.class);
    found.addAll(ex.classes());
    java.util.Set<List<String>> ownerCycles = new java.util.HashSet<>(ex.ownerCycles());
    List<Integer> schedule = searched != null ? searched : target >= 0 ? ex.pathTo(target) : null;
    if (schedule != null) {
      Trace trace = Trace.replay(model, schedule);
      witness = trace.witness(model, schedule);
      cycle = trace.cycleEdges(model);
      events.addAll(trace.events());
      if (searched != null) {
        found.addAll(witness.classes());
        ownerCycles.addAll(CycleAnalysis.ownerCycles(model, model.waitsQuick(trace.last())));
      }
    }
    List<DeadlockClass> classes = found.stream().sorted().toList();
    StaticOracle.Joined statics = StaticOracle.join(scenario, ownerCycles, found);
    List<StaticChain> chains = statics.chains();
    events.addAll(statics.missed());
    List<MitigationSet> mitigations = List.of();
    if (options.mitigations() && "deadlock".equals(verdict)) {
      mitigations = MitigationSearch.search(scenario, options);
    }
    return new CheckResult(scenario, verdict, classes, !ex.bounded(), witness, cycle,
        explored(ex), chains, mitigations, events, options.seed());
  }

  /** Re-runs a saved schedule without searching: the witness, the final cycle and its classes. */
  public static Replay replay(Scenario scenario, List<Integer> schedule) {
    VmModel model = VmModel.of(scenario);
    Trace trace = Trace.replay(model, schedule);
    CycleAnalysis a = CycleAnalysis.of(model, model.waits(trace.last()));
    boolean stuck = model.enabled(trace.last()).isEmpty() && !a.waits().isEmpty();
    return new Replay(trace.witness(model, schedule), trace.cycleEdges(model),
        a.classes().stream().sorted().toList(), stuck);
  }

  /**
   * A replayed witness.
   *
   * @param witness the steps followed
   * @param cycle the wait-for cycle at the end, empty if none
   * @param classes the classes of the final state's cycles
   * @param stuck whether the final state is stuck
   */
  public record Replay(Witness witness, List<WaitEdge> cycle, List<DeadlockClass> classes, boolean stuck) {}

  /** Only the verdict word of a scenario, without witness or mitigations (for searches). */
  public static String verdictOnly(Scenario scenario, CheckOptions options) {
    VmModel model = VmModel.of(scenario);
    return verdictOf(new BreadthFirstExplorer(options.bounds(), options.progress()).explore(model));
  }

  static String verdictOf(Exploration ex) {
    if (ex.dataLossState() >= 0) {
      return "data-loss";
    }
    if (ex.deadlockState() >= 0) {
      return "deadlock";
    }
    if (ex.exhaustedState() >= 0) {
      return "exhausted";
    }
    return ex.bound().equals("none") ? "safe" : "safe-up-to-bound";
  }

  static Explored explored(Exploration ex) {
    return new Explored(ex.states(), ex.transitions(), ex.depth(), ex.bound(), ex.millis(),
        List.of("symmetry: interchangeable pages (one victim per class of identical pages)",
            "symmetry: idle worker threads (the lowest-numbered idle thread takes a request)",
            "partial-order reduction: local steps (touches of wired or unallocated pages, private locks) "
                + "explored alone"));
  }

  /** A replayed path: the states and transitions from the start to a target state. */
  record Trace(List<VmState> states, List<VmTransition> transitions, List<String> labels) {

    static Trace replay(VmModel model, List<Integer> choices) {
      List<VmState> states = new ArrayList<>();
      List<VmTransition> transitions = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      VmState s = model.initial();
      states.add(s);
      for (int c : choices) {
        List<VmTransition> enabled = model.enabled(s);
        if (c < 0 || c >= enabled.size()) {
          throw new IllegalArgumentException("witness step " + (transitions.size() + 1) + " chooses " + c
              + " but only " + enabled.size() + " moves are enabled");
        }
        VmTransition t = enabled.get(c);
        labels.add(model.label(s, t));
        transitions.add(t);
        s = model.apply(s, t);
        states.add(s);
      }
      return new Trace(states, transitions, labels);
    }

    VmState last() {
      return states.get(states.size() - 1);
    }

    java.util.Set<DeadlockClass> lastClasses(VmModel model) {
      return CycleAnalysis.of(model, model.waits(last())).classes();
    }

    Witness witness(VmModel model, List<Integer> schedule) {
      List<WitnessStep> steps = new ArrayList<>();
      int closedAt = 0;
      for (int i = 0; i < transitions.size(); i++) {
        VmState after = states.get(i + 1);
        steps.add(new WitnessStep(i + 1, model.threadName(transitions.get(i).thread()), labels.get(i),
            model.changes(states.get(i), after)));
        if (closedAt == 0 && i + 1 < transitions.size()
            && CycleAnalysis.of(model, model.waits(after)).hasCycle()) {
          closedAt = i + 1;
        }
      }
      List<String> threads = new ArrayList<>();
      for (int t = 0; t < model.threads(); t++) {
        threads.add(model.threadName(t));
      }
      return new Witness(steps, closedAt, threads, model.describe(last()), schedule,
          lastClasses(model).stream().sorted().toList());
    }

    List<WaitEdge> cycleEdges(VmModel model) {
      List<WaitFor> cycle = CycleAnalysis.of(model, model.waits(last())).cycle();
      List<WaitEdge> edges = new ArrayList<>();
      for (int i = 0; i < cycle.size(); i++) {
        WaitFor w = cycle.get(i);
        int to = cycle.get((i + 1) % cycle.size()).thread();
        edges.add(new WaitEdge(model.threadName(w.thread()), model.threadOwner(w.thread()), model.threadName(to),
            model.threadOwner(to), w.reason(), w.because()));
      }
      return edges;
    }

    List<String> events() {
      List<String> out = new ArrayList<>();
      for (String l : labels) {
        if (l.contains("(EIO)") || l.contains("times out")) {
          out.add(l);
        }
      }
      return out;
    }
  }
}
